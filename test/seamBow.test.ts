// s47 (seambow47, #13): lp_s7's hexagon / almond opening. Her rest seam bows up (the middle over the inner corners'
// chord) on a narrow mouth, so the jaw's corner share left her corners at mid-height of the opening. The rendered
// basis (rig/basis/seamBow.ts) raises the mouth's sides on jawOpen by that bow; seams bowed down or level, or a photo
// whose own (smiling) seam bows down, get nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seamRise } from '../src/rig/basis/seamBow.ts';

test('seamRise: nothing on a seam bowed down or in the middle, the whole bow x perJaw at the corners, rising toward them', () => {
  assert.equal(Math.abs(seamRise(1, -0.03, 2)), 0);
  assert.ok(Math.abs(seamRise(0, 0.03, 2)) < 1e-9);
  assert.ok(Math.abs(seamRise(1, 0.03, 2) + 0.06) < 1e-9 && seamRise(1.4, 0.03, 2) === seamRise(1, 0.03, 2));
  let last = 0;
  for (let r = 0.1; r <= 1.001; r += 0.1) { const y = seamRise(r, 0.03, 2); assert.ok(y <= last + 1e-12, `rx ${r}`); last = y; }
  // the middle half hardly moves (no dip in the upper line's middle)
  assert.ok(seamRise(0.5, 0.03, 2) > 0.15 * seamRise(1, 0.03, 2));
});

/** The rendered basis of a photo's avatar with the seam levelling on and off, and its neutral. */
async function bases(photo: string) {
  const { analyzePortrait } = await import('./analyzedPortrait.ts');
  const { buildAvatar } = await import('./builtAvatar.ts');
  const { renderBasis } = await import('../src/rig/basis.ts');
  const { seamBowSetting } = await import('../src/rig/basis/seamBow.ts');
  const { sharedData } = await import('../bench/sharedData.ts');
  const avatar = buildAvatar(await analyzePortrait(`${sharedData('portraits/')}${photo}`));
  const neutral = avatar.rig.neutral;
  seamBowSetting.on = false;
  try {
    return { neutral, on: avatar.rig.basis, off: renderBasis(neutral) };
  } finally { seamBowSetting.on = true; }
}

test('lp_s7 (seam bowed up): an open jaw hangs her corners higher in the opening, the gap and the corners\' skin kept; mt_man / st_happy / lp_s2 (seams level) and lp_s1 (a smiling photo: its neutral bows up, the photo down) unchanged', async () => {
  const { deform } = await import('../src/rig/canonical.ts');
  const { CONTROL_COUNT, CONTROL_INDEX } = await import('../src/rig/controls.ts');
  const { LIPS_INNER_LOWER, LIPS_INNER_UPPER, LIPS_OUTER_LOWER, LIPS_OUTER_UPPER } = await import('../src/rig/topology.ts');
  const { LIPS_MID_LOWER, LIPS_MID_UPPER } = await import('../src/rig/jaw.ts');
  const { seamBows } = await import('../src/rig/basis/seamBow.ts');
  const w = new Float64Array(CONTROL_COUNT);
  w[CONTROL_INDEX.jawOpen] = 0.6; // a loud vowel's rig jaw (lp_s7 <- lp_d10 f57 / f91: .55-.65)
  const Y = (p: Float64Array, i: number) => p[i * 3 + 1]!, X = (p: Float64Array, i: number) => p[i * 3]!;
  /** the upper lip's middle over the inner corners' chord, over the inner width (bench/openingBend.ts `upper`) */
  const upperSag = (p: Float64Array) => (0.5 * (Y(p, 78) + Y(p, 308)) - Y(p, 13)) / Math.abs(X(p, 308) - X(p, 78));

  const s7 = await bases('lp_s7.jpg'), bow = seamBows(s7.neutral);
  assert.ok(bow.left > 0.02 && bow.right > 0.02, `lp_s7's rest seam bows up ${bow.left.toFixed(3)} / ${bow.right.toFixed(3)}`);
  const on = deform(s7.neutral, s7.on, w), off = deform(s7.neutral, s7.off, w);
  const sagOn = upperSag(on), sagOff = upperSag(off);
  assert.ok(sagOn < 0.8 * sagOff, `upper lip's middle over the corners ${sagOff.toFixed(3)} -> ${sagOn.toFixed(3)} inner widths`);
  // the gap at every column is the jaw's
  for (let q = 1; q < LIPS_INNER_UPPER.length - 1; q++) {
    const u = LIPS_INNER_UPPER[q]!, l = LIPS_INNER_LOWER[q]!;
    const d = (Y(on, l) - Y(on, u)) - (Y(off, l) - Y(off, u));
    assert.ok(Math.abs(d) < 0.003, `gap at column ${q} changed by ${d.toFixed(4)}`);
  }
  // the skin beside each lip corner (off the lips, out past it, within .12 and .05 of its height) goes up with it
  // (lens43's .3 sheared mt_man's corner off its skin; spread from the lip points as handles, lp_s7's point 57 took
  // .18 of her corner's rise)
  const lips = new Set([...LIPS_INNER_UPPER, ...LIPS_INNER_LOWER, ...LIPS_OUTER_UPPER, ...LIPS_OUTER_LOWER, ...LIPS_MID_UPPER, ...LIPS_MID_LOWER]);
  const mid = 0.5 * (X(s7.neutral, 13) + X(s7.neutral, 14));
  for (const c of [61, 291]) {
    const rise = Y(off, c) - Y(on, c), out = Math.sign(X(s7.neutral, c) - mid);
    assert.ok(rise > 0.02, `corner ${c} rises ${rise.toFixed(3)}`);
    const shares: string[] = [];
    for (let i = 0; i < 468; i++) {
      const dx = (X(s7.neutral, i) - X(s7.neutral, c)) * out, dy = Y(s7.neutral, i) - Y(s7.neutral, c);
      if (lips.has(i) || dx <= 0 || Math.hypot(dx, dy) > 0.12 || Math.abs(dy) > 0.05) continue;
      const share = (Y(off, i) - Y(on, i)) / rise;
      shares.push(`${i}:${share.toFixed(2)}`);
      assert.ok(share > 0.5, `corner ${c}: the skin beside it ${shares.join(' ')} of its rise ${rise.toFixed(3)}`);
    }
    assert.ok(shares.length >= 2, `corner ${c}: skin beside it ${shares.length}`);
  }

  for (const photo of ['mt_man.png', 'st_happy.png', 'lp_s2.jpg', 'lp_s1.jpg']) {
    const b = await bases(photo), a = deform(b.neutral, b.on, w), z = deform(b.neutral, b.off, w);
    let most = 0;
    for (let j = 0; j < 468 * 3; j++) most = Math.max(most, Math.abs(a[j]! - z[j]!));
    assert.ok(most < 0.006, `${photo}: a level seam moved by ${most.toFixed(4)}`);
  }
});

// s56 mask56: a raise on a bare brow ridge eased so the band between the brow and the lid stretches no more than skin does
// (render/bareRaise.ts): measured on the rig's own basis over the mean face.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bareRaiseSetting, browBand, easeBareRaises, easedStretch, relativeShare } from '../src/render/bareRaise.ts';
import { renderBasis } from '../src/rig/basis.ts';
import { meanFace } from '../src/rig/canonical.ts';
import { CONTROL_COUNT, CONTROL_INDEX } from '../src/rig/controls.ts';

const RAISES = [CONTROL_INDEX.browInnerUp, CONTROL_INDEX.browOuterUpLeft, CONTROL_INDEX.browOuterUpRight];
const neutral = meanFace();
const photo = new Float64Array(CONTROL_COUNT);
const raised = (w: number) => { const v = new Float64Array(CONTROL_COUNT); for (const k of RAISES) v[k] = w; return v; };
/** The band's stretch (over its rest, less 1) on its more stretched side at weights v. */
const stretch = (b: ReturnType<typeof browBand>, v: Float64Array) =>
  Math.max(...b.rest.map((r, s) => RAISES.reduce((a, k, q) => a + v[k]! * b.rise[q]![s]!, 0) / r));

test('easedStretch: as given up to the knee, then never past the most, rising all the way', () => {
  assert.equal(easedStretch(0.2, 0.3, 0.55), 0.2);
  let last = 0.3;
  for (const e of [0.35, 0.5, 0.8, 1.2, 3]) {
    const v = easedStretch(e, 0.3, 0.55);
    assert.ok(v > last && v < 0.55 && v < e, `e ${e} -> ${v}`);
    last = v;
  }
});

/** Runs fn with the s57 relative scale off (the s56 tests assert the ease's own arithmetic). */
const easeAlone = (fn: () => void) => () => {
  const was = bareRaiseSetting.typical; bareRaiseSetting.typical = 0;
  try { fn(); } finally { bareRaiseSetting.typical = was; }
};

test('a full raise on a bare ridge stretches the band no more than the most; a brow of hair keeps its raise', easeAlone(() => {
  const bare = browBand(neutral, renderBasis(neutral, photo, 1), photo, 1);
  const hair = browBand(neutral, renderBasis(neutral, photo, 0), photo, 0);
  assert.ok(stretch(bare, raised(1)) > bareRaiseSetting.most + 0.2, `the rig's own full raise stretches the band far (${stretch(bare, raised(1)).toFixed(2)})`);
  const v = raised(1);
  const f = easeBareRaises(v, photo, bare);
  assert.ok(f < 0.8, `scaled (${f.toFixed(2)})`);
  assert.ok(Math.abs(stretch(bare, v) - easedStretch(stretch(bare, raised(1)), bareRaiseSetting.knee, bareRaiseSetting.most)) < 1e-9);
  assert.ok(stretch(bare, v) < bareRaiseSetting.most);
  // the three raises scaled together (their balance kept)
  assert.ok(Math.abs(v[RAISES[0]!]! - v[RAISES[1]!]!) < 1e-12);
  const h = raised(1);
  assert.equal(easeBareRaises(h, photo, hair), 1);
  assert.deepEqual(Array.from(h), Array.from(raised(1)), 'hair: as given');
}));

test('a small raise on a bare ridge is left as given; half bare eases half as much; off leaves it', easeAlone(() => {
  const bare = browBand(neutral, renderBasis(neutral, photo, 1), photo, 1);
  const small = raised(0.15);
  assert.ok(stretch(bare, small) < bareRaiseSetting.knee);
  assert.equal(easeBareRaises(small, photo, bare), 1);
  const full = easeBareRaises(raised(1), photo, bare), half = easeBareRaises(raised(1), photo, { ...bare, bare: 0.5 });
  assert.ok(Math.abs(1 - half - 0.5 * (1 - full)) < 1e-9);
  const was = bareRaiseSetting.on; bareRaiseSetting.on = false;
  try { assert.equal(easeBareRaises(raised(1), photo, bare), 1); } finally { bareRaiseSetting.on = was; }
}));

test('s57: a short bare band takes the raise scaled by its rest over the typical band, then eased; hair and off as given', () => {
  assert.equal(relativeShare(0.15, 0.3), 0.5);
  assert.equal(relativeShare(0.4, 0.3), 1, 'a band taller than typical is not raised more');
  assert.equal(relativeShare(NaN, 0.3), 1);
  assert.equal(relativeShare(0.15, 0), 1, 'typical 0: off');
  const bare = browBand(neutral, renderBasis(neutral, photo, 1), photo, 1);
  const share = relativeShare(bare.ofCorners, bareRaiseSetting.typical);
  assert.ok(bare.ofCorners > 0.08 && bare.ofCorners < 0.2, `the mean face's band ${bare.ofCorners.toFixed(3)} eye-corner widths`);
  assert.ok(share < 0.7, `a mean face's band takes under .7 of the raise (${share.toFixed(2)})`);
  // a small raise, under the knee: now scaled by the share alone (s56 left it as given)
  const small = raised(0.15);
  assert.ok(Math.abs(easeBareRaises(small, photo, bare) - share) < 1e-12);
  assert.ok(Math.abs(small[RAISES[0]!]! - 0.15 * share) < 1e-12);
  // a full raise: scaled, then eased on the scaled stretch
  const full = raised(1), e = stretch(bare, raised(share));
  easeBareRaises(full, photo, bare);
  assert.ok(Math.abs(stretch(bare, full) - easedStretch(e, bareRaiseSetting.knee, bareRaiseSetting.most)) < 1e-9);
  // half bare: half the scale's cut
  const half = raised(0.15);
  assert.ok(Math.abs(easeBareRaises(half, photo, { ...bare, bare: 0.5 }) - (1 - 0.5 * (1 - share))) < 1e-12);
  // a brow of hair: as given
  const hair = raised(0.15);
  assert.equal(easeBareRaises(hair, photo, browBand(neutral, renderBasis(neutral, photo, 0), photo, 0)), 1);
  assert.deepEqual(Array.from(hair), Array.from(raised(0.15)));
});

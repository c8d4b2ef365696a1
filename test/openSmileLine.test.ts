// An open smile's lip line flatter than a shut one's (s45 crescent45, #13: critic44's lp_s5 <- lp_d10 "sticker
// crescent", f32-40 / f136-144). The rig's smile lifted the corners over the lips' middle as much with the lips apart
// as shut: lp_s5's opening bent .15 of its width [lp_d10 .08], its upper inner line falling .03-.07 [-.04..+.01] from
// the corners to the middle. Rendered on the photos with the frames' mouth controls (whole expressions; pose left out).
import { test } from 'node:test';
import assert from 'node:assert/strict';

type P = ArrayLike<number>[];
/** 13 / 14 (the upper / lower inner line's middle) under the inner corners' chord (78-308), over the inner width */
const bends = (lm: P) => {
  const w = Math.abs(lm[308]![0]! - lm[78]![0]!), cy = 0.5 * (lm[78]![1]! + lm[308]![1]!);
  return { up: (lm[13]![1]! - cy) / w, lo: (lm[14]![1]! - cy) / w, gap: Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) };
};

async function rendererOf(name: string) {
  const { analyzePortrait } = await import('./analyzedPortrait.ts');
  const { buildAvatar } = await import('./builtAvatar.ts');
  const { createRenderer } = await import('../src/render/renderer.ts');
  const { sharedData } = await import('../bench/sharedData.ts');
  const avatar = buildAvatar(await analyzePortrait(`${sharedData('portraits/')}${name}`));
  return { avatar, r: createRenderer(avatar, { width: 512, height: 512 }) };
}

// lp_d10 f32 / f136 on lp_s5 as the renderer weighs them (keepPhotoSmile's smiles: the photo's own + the driver's rise)
const S5: Record<string, Record<string, number>> = {
  f32: { jawOpen: 0.18, mouthSmileLeft: 0.71, mouthSmileRight: 0.88, mouthUpperUp: 0.55, mouthRollUpper: 0.43, mouthShrugLower: 0.23, mouthLowerDown: 0.06, mouthDimpleLeft: 0.14, mouthDimpleRight: 0.29, mouthStretchRight: 0.12 },
  f136: { jawOpen: 0.16, mouthSmileLeft: 0.87, mouthSmileRight: 0.96, mouthUpperUp: 0.53, mouthRollUpper: 0.2, mouthShrugLower: 0.2 },
};

test('lp_s5 with lp_d10 f32 / f136 smiles: the upper inner line about level (main fell .04-.07 of the width), the lower line still curved', async () => {
  const { r } = await rendererOf('lp_s5.jpg');
  for (const [name, w] of Object.entries(S5)) {
    const base = r.neutralFrame(), b = bends(r.landmarks({ ...base, w: { ...base.w, ...w } }));
    assert.ok(b.up < 0.02, `${name}: upper line's middle ${b.up.toFixed(3)} of the width under the corners (lp_d10 -.04..+.01)`);
    assert.ok(b.lo > 0.12, `${name}: the lower line keeps its curve (${b.lo.toFixed(3)}; lp_d10 .14-.21)`);
  }
});

test('the flattening keeps the gap at every column and leaves a shut smile alone (lp_s5\'s rig)', async () => {
  const { avatar } = await rendererOf('lp_s5.jpg');
  const { flattenOpenSmile, smileLinePoints, openSmileShare, OPEN_FROM } = await import('../src/render/mouth/openSmileLine.ts');
  const { CONTROL_COUNT, CONTROL_INDEX } = await import('../src/rig/controls.ts');
  const { LANDMARK_COUNT } = await import('../src/rig/topology.ts');
  const rig = avatar.rig, stride = LANDMARK_COUNT * 3;
  const line = smileLinePoints(rig.neutral, rig.basis, rig.photoWeights, avatar.rest, rig.scale);
  const dispOf = (w: Record<string, number>) => {
    const wv = Float64Array.from(rig.photoWeights);
    for (const [k, v] of Object.entries(w)) wv[CONTROL_INDEX[k as keyof typeof CONTROL_INDEX]] = v;
    const d = new Float64Array(stride);
    for (let k = 0; k < CONTROL_COUNT; k++) for (let j = 0; j < stride; j++) d[j]! += (wv[k]! - rig.photoWeights[k]!) * rig.basis[k * stride + j]!;
    return { wv, d };
  };
  // open: upper / lower inner pairs (about one column each) move together
  const open = dispOf(S5.f32!), flat = Float64Array.from(open.d);
  flattenOpenSmile(flat, rig.basis, open.wv, line);
  const pairs = [[13, 14], [82, 87], [81, 178], [312, 317], [311, 402]] as const;
  let moved = 0;
  for (const [u, l] of pairs) {
    const lift = Math.abs(flat[u * 3 + 1]! - open.d[u * 3 + 1]!), gapChange = Math.abs((flat[l * 3 + 1]! - flat[u * 3 + 1]!) - (open.d[l * 3 + 1]! - open.d[u * 3 + 1]!));
    // 13 / 14 share their column exactly; the others sit a little apart across the mouth
    assert.ok(gapChange < (u === 13 ? 1e-9 : 0.2 * lift + 1e-6), `gap kept at ${u}/${l}: ${gapChange} (lift ${lift})`);
    moved = Math.max(moved, lift);
  }
  assert.ok(moved > 0.005, `the open smile's middle was lifted (${moved})`);
  for (const c of [78, 308, 61, 291]) assert.equal(flat[c * 3 + 1], open.d[c * 3 + 1], `corner ${c} not moved`);
  // shut: a smile whose lips stay together (parted under OPEN_FROM of the width) is left as the rig draws it
  assert.equal(openSmileShare(OPEN_FROM), 0);
  const parting = (d: Float64Array) => line.down * (d[14 * 3 + 1]! - d[13 * 3 + 1]!) / line.width;
  const shut = dispOf({ mouthSmileLeft: 0.3, mouthSmileRight: 0.3, mouthUpperUp: 0, mouthLowerDown: 0 }), kept = Float64Array.from(shut.d);
  assert.ok(parting(shut.d) < OPEN_FROM, `a shut smile's parting ${parting(shut.d)}`);
  flattenOpenSmile(kept, rig.basis, shut.wv, line);
  assert.deepEqual(Array.from(kept), Array.from(shut.d));
});

test('a grin still curves: lp_s12 with lp_d0 f38\'s grin, the lower line\'s middle well under the corners (lp_d0 .23)', async () => {
  const { r } = await rendererOf('lp_s12.jpg');
  const base = r.neutralFrame();
  const b = bends(r.landmarks({ ...base, w: { ...base.w, jawOpen: 0.3, mouthSmileLeft: 0.84, mouthSmileRight: 0.84, mouthUpperUp: 0.74, mouthLowerDown: 0.3 } }));
  assert.ok(b.lo > 0.18, `lower line ${b.lo.toFixed(3)}`);
  assert.ok(b.up < 0.03, `upper line ${b.up.toFixed(3)} (lp_d0 -.02..-.01)`);
});

// s39 (photomouth39): a photo's own teeth only as far as the driver shows teeth. lp_s42 <- lp_d6 f175-176: the
// driver's lips shut (teeth share .033), our gap at her own .079 IOD, and her photographed teeth drew a grey band.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ownRowDepth, ownTeethSeen, rebuiltWithoutOwnTeeth } from '../src/render/mouth/photoTeethGate.ts';
import { FrameLight, type MouthPlacement } from '../src/render/mouth/frameLight.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { polygonMask } from '../src/eval/masks.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';

test('the photo\'s own mouth near its gap gives way as far as the driver shows no teeth; audio keeps it', () => {
  assert.equal(ownTeethSeen(undefined), 1);
  assert.ok(ownTeethSeen(0.033) < 0.01, `${ownTeethSeen(0.033)}`);
  assert.equal(ownTeethSeen(0.2), 1);
  // at the photo's gap (interior fade-in .05): the photo kept with teeth seen, the interior drawn without
  assert.ok(Math.abs(rebuiltWithoutOwnTeeth(0.05, 1) - 0.05) < 1e-12);
  assert.equal(rebuiltWithoutOwnTeeth(0.05, 0), 1);
  // the own row: cut as the library's at the photo's gap with no teeth, uncut away from it or with teeth
  assert.equal(ownRowDepth(1, 0, 0.08), 0.08);
  assert.equal(ownRowDepth(0, 0, 0.08), Infinity);
  assert.equal(ownRowDepth(1, 1, 0.08), Infinity);
  assert.ok(ownRowDepth(0.5, 0, 0.08) > 0.08);
});

test('frame light: a photo row hangs to any depth unless the frame is at the photo\'s gap with no driver teeth', () => {
  const place: MouthPlacement = { upperX: 32, upperY: 10, lowerX: 32, lowerY: 40, cos: 1, sin: 0, scale: 1, squeeze: 1, unit: 100, gap: 0.073, photoGap: 0.079, rebuilt: 1 };
  const layers = { upper: null, lower: null, tongue: null, cavity: [20, 10, 12], fromPhoto: true } as never;
  const depth = (p: Partial<MouthPlacement>) => { const l = new FrameLight(); l.set({ ...place, ...p }, layers, null, null, [140, 60, 55], [180, 100, 90]); return l.teethDepth; };
  assert.equal(depth({}), Infinity);
  assert.equal(depth({ driverTeeth: 0.3, ownNear: 0.95, ownSeen: 1 }), Infinity);
  assert.ok(depth({ driverTeeth: 0.033, ownNear: 0.95, ownSeen: 0 }) < 0.2, `${depth({ driverTeeth: 0.033, ownNear: 0.95, ownSeen: 0 })}`);
});

test('demo photo (its own teeth) at its own gap: the teeth go where the driver shows none, stay where it shows them', async () => {
  const avatar = buildAvatar(await analyzePortrait(path.join(import.meta.dirname, '..', 'samples', 'astronaut.jpg')));
  const W = 256, r = createRenderer(avatar, { width: W, height: W }), rest = r.neutralFrame();
  // (inside the frame's inner lip line: the opening)
  const lm = r.landmarks(rest) as number[][];
  const mask = polygonMask([...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()].map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]), W, W);
  const pale = (driverTeeth: number | undefined) => {
    const w = driverTeeth === undefined ? rest.w : { ...rest.w, driverTeeth };
    const d = r.render({ ...rest, w }).data;
    let n = 0, all = 0;
    for (let q = 0; q < W * W; q++) {
      if (!mask[q]) continue;
      all++;
      const R = d[q * 4]!, G = d[q * 4 + 1]!, B = d[q * 4 + 2]!;
      if (0.3 * R + 0.59 * G + 0.11 * B > 150 && Math.max(R, G, B) - Math.min(R, G, B) < 0.3 * Math.max(R, G, B)) n++;
    }
    return n / Math.max(1, all);
  };
  const none = pale(undefined), shown = pale(0.3), shut = pale(0);
  assert.equal(shown, none, 'a driver showing teeth keeps the photo as it is');
  assert.ok(none > 0.3, `the photo's teeth: ${none.toFixed(2)} of its opening pale`);
  assert.ok(shut < 0.3 * none, `pale share of the opening: no reading ${none.toFixed(2)}, driver shut ${shut.toFixed(2)}`);
});

// A smiling photo's own teeth stay at small partings (session 16, flicker16): the README's demo
// (npm run demo, samples/astronaut.jpg, a smile with teeth) hid them under a 0.06 IOD lip gap (the
// speech rule "a barely parted mouth is a dark slit"), so as speech opened and closed the jaw the
// upper row popped in and out of a dark toothless crescent frame to frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { FrameLight, type MouthPlacement } from '../src/render/mouth/frameLight.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';

const PLACE: MouthPlacement = { upperX: 32, upperY: 10, lowerX: 32, lowerY: 40, cos: 1, sin: 0, scale: 1, squeeze: 1, unit: 100, gap: 0.03, photoGap: 0.12, rebuilt: 1 };
const lip = [140, 60, 55], edge = [180, 100, 90];
const showAt = (fromPhoto: boolean, p: Partial<MouthPlacement>) => {
  const l = new FrameLight();
  l.set({ ...PLACE, ...p }, { upper: null, lower: null, tongue: null, cavity: [20, 10, 12], fromPhoto } as never, null, null, lip, edge);
  return l.teethShow;
};

test("the photo's own teeth in a smile show at any parting; without a smile, or the library's, a thin slit stays dark", () => {
  for (const gap of [0.02, 0.03, 0.045]) assert.ok(showAt(true, { gap, smile: 0.9 }) > 0.99, `gap ${gap}: ${showAt(true, { gap, smile: 0.9 })}`);
  assert.equal(showAt(true, { gap: 0.03, smile: 0 }), 0);
  assert.equal(showAt(false, { gap: 0.03, smile: 1 }), 0);
  // an "O" keeps its dark hole
  assert.ok(showAt(true, { gap: 0.03, smile: 0.9, rounding: 1 }) < 0.5);
});

test('demo photo: the teeth lit at rest keep their light as the jaw closes a little (no dark crescent)', async () => {
  const avatar = buildAvatar(await analyzePortrait(path.join(import.meta.dirname, '..', 'samples', 'astronaut.jpg')));
  const W = 384, r = createRenderer(avatar, { width: W, height: W }), rest = r.neutralFrame();
  const lumAt = (d: Uint8ClampedArray | Uint8Array, q: number) => 0.3 * d[q * 4]! + 0.59 * d[q * 4 + 1]! + 0.11 * d[q * 4 + 2]!;
  const restPx = Uint8Array.from(r.render(rest).data);
  // the photo's teeth at rest: its bright pixels that the closed mouth (jaw 0) covers
  const shutPx = r.render({ ...rest, w: { ...rest.w, jawOpen: 0 } }).data;
  const teeth: number[] = [];
  for (let q = 0; q < W * W; q++) if (lumAt(restPx, q) > 190 && Math.abs(lumAt(restPx, q) - lumAt(shutPx, q)) > 15) teeth.push(q);
  assert.ok(teeth.length > 30, `teeth pixels at rest ${teeth.length}`);
  // the upper row: the top half of them (skull-rigid; the lower row goes with the jaw)
  const yMid = (Math.floor(teeth[0]! / W) + Math.floor(teeth[teeth.length - 1]! / W)) / 2;
  teeth.splice(0, teeth.length, ...teeth.filter((q) => Math.floor(q / W) <= yMid));
  const mean = (d: Uint8ClampedArray | Uint8Array) => teeth.reduce((s, q) => s + lumAt(d, q), 0) / teeth.length;
  const restLum = mean(restPx);
  // (the photo's 0.12 IOD gap is jaw ~0.19 here; these jaws part the lips 0.05-0.07 IOD;
  // measured: 15.6 and 13.6 lost either way; before flicker16 22.9 and 25.7 (rig weights: frameLight
  // teethShow), 23.2 and 27.3 (audio frame: the renderer read the motion's missing smile as 0); the
  // upper lip covers some at any jaw)
  const jaws = [0.06, 0.08];
  // as the rig's weights, and as an audio motion carries them (no smile: the photo's is kept, rebaseMouth)
  const drops = jaws.flatMap((jawOpen) => ([{ ...rest.w, jawOpen }, { mouthOnPhoto: 1, jawOpen }] as Record<string, number>[]).map((w) => restLum - mean(r.render({ ...rest, w }).data)));
  assert.ok(Math.max(...drops) < 19, `teeth light lost at ${jaws} jaw (rig weights, audio frame): ${drops.map((d) => d.toFixed(1))} (rest ${restLum.toFixed(0)})`);
});

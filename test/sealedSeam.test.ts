// A closed-lip smile shows a lip-shade seam, not a black slit (issue #13, s42 seam42; critic41: lp_s0 <- lp_d14 f0). The
// rig's smile parts the inner lip lines by itself (lp_s0 at smile .98, every opening weight 0: ~2 px, read back .035 IOD,
// the driver .008), and the shader drew that gap as the cavity's black (its darkest .19 of the lips' light, the driver's
// seam .65). Where the driver's mouth reads shut (no teeth, no dark cavity) the gap is pressed lips (sealedSeam.ts); an
// audio frame (no driver reading) and a grin whose driver shows teeth are not sealed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { sealedSeamWeight } from '../src/render/mouth/sealedSeam.ts';
import { sharedData } from '../bench/sharedData.ts';

const DATA = sharedData('portraits/');
type P = ArrayLike<number>[];
const luma = (img: RgbaImage, x: number, y: number) => {
  const o = (Math.round(y) * img.width + Math.round(x)) * 4, d = img.data;
  return 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;
};

/** The darkest luma between the inner lip lines (landmarks 13 / 14, 3 px either way, across the middle .08 IOD) over the lips' (halfway to each outer line, 0 / 17). */
function seamOverLips(img: RgbaImage, lm: P): number {
  const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
  const cx = 0.5 * (lm[13]![0]! + lm[14]![0]!), cy = 0.5 * (lm[13]![1]! + lm[14]![1]!);
  let darkest = Infinity;
  for (let dx = -0.04 * iod; dx <= 0.04 * iod; dx += 1) for (let dy = -3; dy <= 3; dy += 0.5) darkest = Math.min(darkest, luma(img, cx + dx, cy + dy));
  const lips = 0.5 * (luma(img, 0.5 * (lm[13]![0]! + lm[0]![0]!), 0.5 * (lm[13]![1]! + lm[0]![1]!)) + luma(img, 0.5 * (lm[14]![0]! + lm[17]![0]!), 0.5 * (lm[14]![1]! + lm[17]![1]!)));
  return darkest / lips;
}

// lp_d14 f0's rest smile as its motion holds it: every opening weight 0 (the neutral frame carries the photo's fitted
// mouthLowerDown .08, which alone would keep the weight off: SEAL_OPENING)
const SMILE = { mouthSmileLeft: 0.98, mouthSmileRight: 0.97, mouthRollLower: 0.2, mouthRollUpper: 0.13, jawOpen: 0, mouthLowerDown: 0, mouthUpperUp: 0, mouthFunnel: 0 };

test('a closed-lip smile whose driver reads shut draws a lip-shade seam on lp_s0, an audio frame keeps the slit', async () => {
  const portrait = await analyzePortrait(`${DATA}lp_s0.jpg`);
  const size = portrait.image.width;
  const r = createRenderer(buildAvatar(portrait), { width: size, height: size });
  const read = (w: Record<string, number>) => {
    const base = r.neutralFrame();
    const frame: MotionFrame = { ...base, w: { ...base.w, ...w } };
    return seamOverLips(r.render(frame), r.landmarks(frame));
  };
  const sealed = read({ ...SMILE, driverTeeth: 0, driverCavity: 0 }), audio = read(SMILE);
  const msg = `seam / lips: driver shut ${sealed.toFixed(3)}, no reading ${audio.toFixed(3)} (driver's own seam .65)`;
  // main drew .19 (the cavity's black); the driver's seam is .65 of its lips
  assert.ok(sealed >= 0.5, `a soft seam, not a black slit: ${msg}`);
  // the same smile without a driver's reading is main's: the smile's gap drawn as the opening
  assert.ok(audio <= sealed - 0.2, `only a driver read shut seals: ${msg}`);
});

test('a grin whose driver shows teeth, an opening, a dark cavity and an audio frame are not sealed', () => {
  // lp_s2 <- lp_d0 f24-60: jaw .27-.31, teeth .27-.33; st_happy <- lp_d6 f103: jaw .64, teeth .46
  assert.equal(sealedSeamWeight(0.68, { driverTeeth: 0.31, driverCavity: 0 }, 0.2), 0);
  assert.equal(sealedSeamWeight(0.98, { driverTeeth: 0.46, driverCavity: 0.01 }, 0.36), 0);
  // the motion opens the lips, whatever the driver reads
  assert.equal(sealedSeamWeight(0.1, { driverTeeth: 0, driverCavity: 0 }, 0.03), 0);
  // a dark cavity read between the driver's lips
  assert.equal(sealedSeamWeight(0, { driverTeeth: 0, driverCavity: 0.1 }, 0.03), 0);
  // an audio frame: no reading
  assert.equal(sealedSeamWeight(0, {}, 0.03), 0);
  // lp_s0 <- lp_d14 f0
  assert.equal(sealedSeamWeight(0, { driverTeeth: 0, driverCavity: 0 }, 0.035), 1);
});

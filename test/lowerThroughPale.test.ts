// Session 50 (lowerrow50, issue #13): lp_d11's lower incisors under her pale tongue tip (f76, f165) read no lower row: the
// pale-tongue judgement (motion/paleTongue.ts) dropped every bright pixel under the opening's middle row, and its pink test
// (full from .26) sits inside the lower rows' own saturation (.23-.29). motion/lowerTeeth.ts reads the lower row through a
// pale mass no pinker than a lower row (PALE_ROW_SAT); a pinker one (lp_d10 f270, lp_d6 f184: tongues) stays a tongue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { detectFaces } from '../src/face/detect.ts';
import { lipReference, tongueRowOf } from '../src/motion/mouthDark.ts';
import { lowerRowShow, lowerRowBox, mayBeLowerRow, PALE_ROW_SAT } from '../src/motion/lowerTeeth.ts';
import { lowerSideShow } from '../src/motion/lowerSide.ts';
import { MOUTH_LOOP } from '../src/rig/topology.ts';
import { videoFrameAt } from '../bench/openLowerLipFigures.ts';
import { SHARED_DATA } from '../bench/sharedData.ts';

const flat = (lm: ArrayLike<ArrayLike<number>>) => Float32Array.from(Array.from(lm, (p) => [p[0]!, p[1]!, p[2]!]).flat());

async function frameAt(video: string, f: number) {
  const img = videoFrameAt(path.join(SHARED_DATA, 'video', video), f / 25 + 0.001), face = (await detectFaces(img, { embedding: false }))[0];
  assert.ok(face, `${video} f${f}: a face`);
  const lm = flat(face.landmarks), { light, sat } = lipReference(img, lm);
  const poly = MOUTH_LOOP.map((k) => [lm[k * 3]!, lm[k * 3 + 1]!] as [number, number]);
  return { img, lm, tongueFrom: tongueRowOf(img, poly, light, sat) };
}

test('the bar: a pale mass as pink as the lower rows may hold one, a pinker one is a tongue', () => {
  assert.ok(PALE_ROW_SAT > 0.26 && PALE_ROW_SAT <= 0.3, 'over the judgement\'s pink-full .26, under the tongues\' .30');
  assert.ok(mayBeLowerRow(0.25) && mayBeLowerRow(0.27), 'lp_d11 f76 / f165');
  assert.ok(!mayBeLowerRow(0.302), 'lp_d10 f270');
});

test('lp_d11\'s lower row under her pale tongue tip reads; judged pale, it read none before', async () => {
  for (const f of [76, 165]) {
    const { img, lm, tongueFrom } = await frameAt('lp_d11.mp4', f);
    assert.ok(Number.isFinite(tongueFrom), `f${f}: the pale-tongue judgement takes the mass`);
    const through = lowerRowShow(img, lm) ?? 0, dropped = lowerRowShow(img, lm, undefined, false) ?? 0;
    assert.ok(through > 0.12, `f${f}: lower row ${through.toFixed(3)} of the opening (driver: her lower incisors on the lip)`);
    assert.ok(dropped < 0.05, `f${f}: dropped under the pale rows ${dropped.toFixed(3)}`);
  }
});

test('a tongue pinker than a lower row stays a tongue: lp_d10 f270, lp_d6 f184', async () => {
  for (const [video, f] of [['lp_d10.mp4', 270], ['lp_d6.mp4', 184]] as const) {
    const { img, lm, tongueFrom } = await frameAt(video, f);
    const box = lowerRowBox(img, lm);
    if (Number.isFinite(tongueFrom)) assert.equal(box?.tongueFrom, tongueFrom, `${video} f${f}: the pale rows kept dropped`);
    const middle = lowerRowShow(img, lm) ?? 0, side = lowerSideShow(img, lm) ?? 0;
    assert.ok(middle < 0.05 && side < 0.05, `${video} f${f}: lower row ${middle.toFixed(3)} / side ${side.toFixed(3)}`);
  }
});

// Session 46 (teethread46, issue #13): a soft driver's teeth read as teeth. critic45: mt_man <- infinitetalk_ref showed black
// slits through 6 s of loud speech where the driver shows his upper row's edge; the tracker's bright-pixel test
// (mouthDark.ts isTeethPixel: 1.15 x the lips' luma) read 0 on his blurred pale band (.85-1.0 of his lips). The soft read
// (motion/softTeeth.ts) takes a light ridge between two dark lines down the opening's columns; the tracker keeps the larger
// of the two shares. Figures: bench/teethRead.ts, bench/softTeethRead.ts, docs/mouth/README.md "s46 (teethread46)".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { detectFaces } from '../src/face/detect.ts';
import { teethShare } from '../src/motion/mouthDark.ts';
import { columnRidge, depthWithSoft, softTeethRead, teethRows, LEAD_IOD, RUN_MOST, TALL_CREST_IOD, TALL_SHADE, type SoftTeeth } from '../src/motion/softTeeth.ts';
import { teethDepthAllowed } from '../src/render/mouth/driverTeeth.ts';
import { withDriverMouthReads } from '../src/motion/driverMouthReads.ts';
import { videoFrameAt } from '../bench/openLowerLipFigures.ts';
import { SHARED_DATA, sharedData } from '../bench/sharedData.ts';
import { trackedVideo } from './trackedVideo.ts';
import type { MotionFrame } from '../src/types.ts';

const flat = (lm: ArrayLike<ArrayLike<number>>) => Float32Array.from(Array.from(lm, (p) => [p[0]!, p[1]!, p[2]!]).flat());

/** frame `f` (at 25 fps) of a clip: its bright-pixel share and its soft share on the face model's landmarks */
async function shares(file: string, f: number): Promise<{ bright: number; soft: number }> {
  const img = videoFrameAt(file, f / 25 + 0.001), face = (await detectFaces(img, { embedding: false }))[0];
  assert.ok(face, `${path.basename(file)} f${f}: a face`);
  const lm = flat(face.landmarks);
  return { bright: teethShare(img, lm) ?? 0, soft: softTeethRead(img, lm)?.share ?? 0 };
}

test('a column\'s ridge: teeth between two dark lines; not a slit, a fill or a tall run', () => {
  // infinitetalk f12's middle column inside the contour (luma over the lips', saturation; lips .35): his upper row's edge
  const L = [0.72, 0.86, 0.97, 0.91, 0.68, 0.48, 0.56, 0.86, 1.08], S = [0.41, 0.36, 0.32, 0.34, 0.41, 0.53, 0.49, 0.36, 0.32];
  assert.deepEqual(columnRidge(L, S, 0.35), [2, 3]);
  // as pink as a lit tongue over pale lips: not teeth
  assert.equal(columnRidge(L, S.map((s) => s + 0.1), 0.35), null);
  // a speech slit without teeth: down from the upper lip into the dark, up into the lower lip
  assert.equal(columnRidge([0.9, 0.7, 0.5, 0.4, 0.5, 0.8, 1], [0.35, 0.4, 0.45, 0.5, 0.45, 0.38, 0.34], 0.35), null);
  // a lit tongue filling the column between the cavity and the lower lip's shade
  assert.equal(columnRidge([0.4, 1, 1, 1, 1, 1, 0.95, 0.5], Array(8).fill(0.3), 0.35), null);
  // a tall opening's column (its teeth resolved and bright: isTeethPixel's)
  const tall = Array.from({ length: RUN_MOST + 1 }, (_, i) => (i === 3 ? 1 : 0.5));
  assert.equal(columnRidge(tall, Array(tall.length).fill(0.3), 0.35), null);
});

test('a tall run (s49): a dim upper row over a dark cavity is a ridge, a lit tongue rising low in the run is not', () => {
  const col = (s: string) => { const v = s.split(' ').map((x) => x.split('/').map(Number)); return { L: v.map((x) => x[0]!), S: v.map((x) => x[1]!) }; };
  // videoretalking_2 (vrt2_6.mp4) f9's middle column, gap .21 IOD, 23 px (IOD 110): a grey row 1.0-1.1 of the lips' luma over a black cavity
  const f9 = col('0.73/0.43 0.82/0.33 0.90/0.31 0.88/0.28 0.95/0.27 1.08/0.25 1.06/0.25 0.73/0.32 0.34/0.55 0.16/0.81 0.15/0.85 0.14/0.89 0.16/0.86 0.20/0.77 0.22/0.73 0.25/0.69 0.29/0.63 0.35/0.57 0.43/0.50 0.51/0.49 0.59/0.44 0.69/0.47 0.81/0.42');
  assert.ok(f9.L.length > RUN_MOST);
  assert.equal(columnRidge(f9.L, f9.S, 0.39), null, 'no tall crest allowed: as before');
  const ridge = columnRidge(f9.L, f9.S, 0.39, TALL_CREST_IOD * 110);
  assert.ok(ridge && ridge[0] <= 5 && ridge[1] >= 5 && ridge[1] <= 7, `the row down to its foot: ${JSON.stringify(ridge)}`);
  // as saturated as a lit tongue out's highlights (.85 of the lips'), or over a lit floor (no cavity under .5 of the lips): not teeth
  assert.equal(columnRidge(f9.L, f9.S.map((v) => Math.max(v, 0.85 * 0.39)), 0.39, TALL_CREST_IOD * 110), null);
  assert.equal(columnRidge(f9.L.map((v) => Math.max(v, 0.55)), f9.S, 0.39, TALL_CREST_IOD * 110), null);
  // the same column with the row pushed below the top .4 (a lit tongue low in the opening): none
  const low = [...f9.L.slice(0, 1), ...Array(12).fill(0.2), ...f9.L.slice(1, 8), ...f9.L.slice(9)];
  assert.equal(columnRidge(low, Array(low.length).fill(0.3), 0.39, 20), null);
  // lp_d6 f580's middle column, 41 px (IOD 151): her lit tongue out from the cavity to the lower lip's shade
  const f580 = col('0.48/0.69 0.30/0.86 0.28/0.89 0.32/0.84 0.50/0.70 0.69/0.58 0.89/0.50 1.04/0.45 1.17/0.41 1.28/0.38 1.36/0.37 1.39/0.36 1.40/0.36 1.39/0.36 1.39/0.36 1.40/0.36 1.46/0.35 1.51/0.34 1.54/0.35 1.55/0.34 1.57/0.36 1.57/0.36 1.56/0.37 1.56/0.37 1.52/0.38 1.49/0.39 1.42/0.40 1.35/0.41 1.26/0.44 1.17/0.46 1.12/0.48 1.06/0.50 1.02/0.51 1.00/0.51 0.98/0.53 0.92/0.55 0.81/0.59 0.66/0.67 0.56/0.74 0.60/0.72 0.69/0.66');
  assert.equal(columnRidge(f580.L, f580.S, 0.49, TALL_CREST_IOD * 151), null);
});

test('s51: a row whose top the contour runs along takes its dark line above from the lip over the contour', () => {
  const col = (t: string) => { const v = t.split(' ').map((x) => x.split('/').map(Number)); return { L: v.map((x) => x[0]!), S: v.map((x) => x[1]!) }; };
  // infinitetalk6 f104's middle column (IOD 121, lips' saturation .33): the lip's shade over the contour, then inside it the row
  // on its first two rows, the cavity and the lower lip
  const over = col('0.73/0.39 0.61/0.44 0.61/0.41 0.76/0.34');
  const inside = col('0.86/0.31 0.80/0.33 0.63/0.42 0.46/0.52 0.42/0.54 0.48/0.50 0.61/0.44 0.76/0.38 0.93/0.34 0.96/0.33 0.97/0.33 0.96/0.33 1.04/0.32 1.17/0.29 1.22/0.29 1.15/0.31');
  const lead = Math.round(LEAD_IOD * 121);
  assert.equal(lead, over.L.length);
  assert.equal(columnRidge(inside.L, inside.S, 0.33), null, 'inside the contour alone: no dark line over the row (as before s51)');
  assert.deepEqual(columnRidge([...over.L, ...inside.L], [...over.S, ...inside.S], 0.33, 0, lead), [0, 1], 'the row: the first two rows inside');
  // the lip itself over the contour (lit, no shade line): no ridge
  assert.equal(columnRidge([1.02, 1.0, 0.98, 0.95, ...inside.L], [0.31, 0.31, 0.32, 0.32, ...inside.S], 0.33, 0, lead), null);
  // a peak over the contour (the lip's wet rim) is not the row: its crest must lie inside
  const rim = [0.6, 0.95, 0.62, 0.5, ...inside.L.map((v) => Math.min(v, 0.5)).slice(0, 8), ...inside.L.slice(8)];
  assert.equal(columnRidge(rim, [...over.S, ...inside.S], 0.33, 0, lead), null);
  // a run that holds a ridge of its own keeps it: a shallow peak on the contour's first row, a ridge only by the lip's rows
  // over it, does not take the column from the teeth crest under it (styletalk_feifeili_clip3 f24-28)
  const own = [0.8, 0.65, 0.95, 0.97, 0.6, 0.3, 0.3, 0.3, 0.5, 0.8, 1.0];
  assert.deepEqual(columnRidge(own, Array(own.length).fill(0.3), 0.33), [2, 3]);
  assert.deepEqual(columnRidge([0.6, 0.6, 0.6, 0.6, ...own], Array(own.length + 4).fill(0.3), 0.33, 0, 4), [2, 3]);
  // as pink as the lips and more (a lit lip's rim inside the contour): not teeth, with or without the lead
  assert.equal(columnRidge([...over.L, ...inside.L], [...over.S, ...inside.S.map((v) => v + 0.08)], 0.33, 0, lead), null);
});

test('the row depth takes the tall ridges\' foot only where the soft read found the teeth', () => {
  const soft = (share: number, depth: number | null) => ({ share, depth, crest: new Uint8Array(0), x0: 0, y0: 0, w: 0, h: 0 }) as SoftTeeth;
  // vrt2 f9: the bright test's row .08 deep, the ridges' foot .31
  assert.equal(depthWithSoft(0.08, 0.01, soft(0.06, 0.31)), 0.31);
  assert.equal(depthWithSoft(0.08, 0.1, soft(0.06, 0.31)), 0.08, 'the bright read found more: its depth');
  assert.equal(depthWithSoft(0.5, 0.01, soft(0.06, 0.31)), 0.5, 'never shallower');
  assert.equal(depthWithSoft(0.08, 0.01, soft(0.06, null)), 0.08, 'no tall ridge: as before');
  assert.equal(depthWithSoft(null, null, soft(0.06, 0.31)), null, 'lips shut');
});

test('s50: a tall run\'s ridge over a hole counts the row from the lip to the crest\'s foot; over a lit tongue, low in the run, or a short run\'s, the crest alone', () => {
  // vrt2 f9's middle column (the s49 test's): 23 rows, its crest [4, 6] under the upper lip's shade, a black cavity under it
  const f9 = [0.73, 0.82, 0.9, 0.88, 0.95, 1.08, 1.06, 0.73, 0.34, 0.16, 0.15, 0.14, 0.16, 0.2, 0.22, 0.25, 0.29, 0.35, 0.43, 0.51, 0.59, 0.69, 0.81];
  assert.ok(f9.length > RUN_MOST);
  assert.deepEqual(teethRows([4, 6], f9), [0, 6]);
  assert.deepEqual(teethRows([4, 6], f9, false), [4, 6], 'the crest alone, as before s50');
  // the same row over a lit tongue (lp_d6 f58 by her tongue out: the run under the crest ~1.0 of the lips\' luma)
  const overTongue = [...f9.slice(0, 8), 0.4, ...Array(14).fill(1.0)];
  assert.deepEqual(teethRows([4, 6], overTongue), [4, 6]);
  // a crest starting under TALL_SHADE of the run (lp_d6 f513/f517's tongue-out highlights start at .29-.31): the crest alone
  const low = Math.ceil(TALL_SHADE * f9.length) + 1;
  assert.deepEqual(teethRows([low, low + 1], f9), [low, low + 1]);
  // a short run (a soft slit's edge, infinitetalk): the crest alone
  assert.deepEqual(teethRows([2, 3], [0.72, 0.86, 0.97, 0.91, 0.68, 0.48, 0.56, 0.86, 1.08]), [2, 3]);
});

test('s50: videoretalking_2 f9\'s dim upper row reads as a third of its opening, and the renderer\'s guess no longer cuts it to a sliver', async () => {
  const clip = sharedData('train/clips/videoretalking_2.mp4');
  const img = videoFrameAt(clip, 9 / 25 + 0.001), face = (await detectFaces(img, { embedding: false }))[0];
  assert.ok(face, 'a face');
  const lm = flat(face.landmarks), crestOnly = softTeethRead(img, lm, { tallArea: false })!, row = softTeethRead(img, lm)!;
  // (the crest alone .044, the row .120; its depth by the ridges .30)
  assert.ok(crestOnly.share < 0.07, `the crest alone: ${crestOnly.share.toFixed(3)}`);
  assert.ok(row.share > 0.1, `the row: ${row.share.toFixed(3)}`);
  assert.ok(row.depth !== null && teethDepthAllowed(row.share) >= 0.9 * row.depth, `the share's guess ${teethDepthAllowed(row.share).toFixed(2)} reaches the depth ${row.depth}`);
  assert.ok(teethDepthAllowed(crestOnly.share) < 0.6 * row.depth!, 'before: the sliver');
});

test('infinitetalk_ref: his blurred upper row reads as teeth where it shows, his dark slits do not', async () => {
  const clip = sharedData('train/clips/infinitetalk_ref.mp4');
  for (const f of [5, 18, 72, 100]) {
    const { bright, soft } = await shares(clip, f);
    assert.ok(bright < 0.03, `f${f}: the bright test reads ${bright.toFixed(3)} (main's reading: none)`);
    assert.ok(soft >= 0.05, `f${f}: teeth edge seen, soft share ${soft.toFixed(3)}`);
  }
  for (const f of [30, 120]) {
    const { soft } = await shares(clip, f);
    assert.ok(soft < 0.02, `f${f}: a dark opening, no teeth: soft share ${soft.toFixed(3)}`);
  }
});

test('dev drivers: lp_d6\'s tongue out is no ridge; lp_d10\'s teeth edge in a slit and lp_d6\'s dim row are', async () => {
  const d6 = path.join(SHARED_DATA, 'video', 'lp_d6.mp4'), d10 = path.join(SHARED_DATA, 'video', 'lp_d10.mp4');
  // (f453/f620, s49: a tall run's first rule, before its saturation and cavity tests, read her tongue's highlights .09-.11)
  for (const f of [66, 157, 453, 620]) {
    const { soft } = await shares(d6, f);
    assert.ok(soft < 0.03, `lp_d6 f${f}: her tongue out, soft share ${soft.toFixed(3)} (.40-.44 without RUN_MOST)`);
  }
  const dim = await shares(d6, 448);
  assert.ok(dim.soft > dim.bright, `lp_d6 f448: her dim upper row, soft ${dim.soft.toFixed(3)} over bright ${dim.bright.toFixed(3)}`);
  const edge = await shares(d10, 331);
  assert.ok(edge.bright < 0.02 && edge.soft >= 0.05, `lp_d10 f331: teeth edge in a slit, bright ${edge.bright.toFixed(3)} soft ${edge.soft.toFixed(3)}`);
});

test('the tracker carries it: infinitetalk_ref\'s first .8 s read teeth in the motion where main read none', async () => {
  const raw = await trackedVideo(sharedData('train/clips/infinitetalk_ref.mp4'), { fps: 25, maxSide: 720, maxSeconds: 0.8 });
  const frames: Pick<MotionFrame, 'w' | 'mouthDark'>[] = raw.map(() => ({ w: {} }));
  withDriverMouthReads(frames, raw);
  const teeth = frames.map((f) => f.w.driverTeeth ?? 0);
  // (main: .00-.04 on every frame of f0-20; the bench: .05-.16 from f4)
  const read = teeth.slice(4, 21).filter((v) => v > 0.05).length;
  assert.ok(read >= 10, `frames 4-20 over .05: ${read}; ${teeth.map((v) => v.toFixed(2)).join(' ')}`);
});

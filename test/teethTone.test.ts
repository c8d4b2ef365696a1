// s55 (teethtone55, issue #13): the driver's teeth tone (its upper row over its cheeks: motion/teethTone.ts) read per frame,
// carried per clip, and our library rows set as light over our photo's cheeks (render/mouth/rowTone.ts): Katie's white
// teeth drawn white on lp_s1, not a shade greyer; a photo's own teeth and an audio motion as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { clipTeethTone, teethToneRead, teethToneSetting } from '../src/motion/teethTone.ts';
import { rowToneGain, rowToneSetting } from '../src/render/mouth/rowTone.ts';
import { teethShare } from '../src/motion/mouthDark.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { SHARED_PORTRAITS } from '../bench/sharedData.ts';
import { drawnMouth } from './drawnMouth.ts';

const Y = (c: readonly number[]) => 0.299 * c[0]! + 0.587 * c[1]! + 0.114 * c[2]!;
const LIP = [200, 110, 120];

/** drawnMouth's 120 x 40 px opening with `teeth` in its upper half over a dark lower half, eye corners `iod` px apart (the cheeks read the lips' pink: the image's background) */
function mouthWith(teeth: [number, number, number], iod = 300) {
  const m = drawnMouth(420, (y, top, bottom) => (y < (top + bottom) / 2 ? teeth : [30, 10, 12]));
  m.lm.set([210 - iod / 2, 110, 0], 33 * 3); m.lm.set([210 + iod / 2, 110, 0], 263 * 3);
  return m;
}

test('a frame\'s tone is the upper row\'s light over the cheeks\'; a darker row reads darker; no read without a row or on a small face', () => {
  const white = mouthWith([235, 232, 225]), grey = mouthWith([180, 178, 172]);
  const t = teethToneRead(white.img, white.lm, 0.4)!, g = teethToneRead(grey.img, grey.lm, 0.4)!;
  assert.ok(Math.abs(t - Y([235, 232, 225]) / Y(LIP)) < 0.02, `white row ${t}`);
  assert.ok(Math.abs(g / t - Y([180, 178, 172]) / Y([235, 232, 225])) < 0.02, `grey row ${g} against ${t}`);
  // (the tracker's own teeth share on the drawing: a lit row)
  assert.ok(teethShare(white.img, white.lm)! >= teethToneSetting.minShare);
  assert.equal(teethToneRead(white.img, white.lm, 0.05), null, 'no row shows: not read');
  assert.equal(teethToneRead(white.img, white.lm, null), null, 'lips closed');
  const small = mouthWith([235, 232, 225], 30);
  assert.equal(teethToneRead(small.img, small.lm, 0.4), null, 'a small face (the gap past a speech opening in its IOD too)');
  const wide = mouthWith([235, 232, 225], 120);
  assert.equal(teethToneRead(wide.img, wide.lm, 0.4), null, `a gap of ${(40 / 120).toFixed(2)} IOD: the tongue in the upper half`);
});

test('the clip\'s tone: the median of its frames read, none under minFrames', () => {
  assert.equal(clipTeethTone([1, null, 1.2, 0.9, undefined, 1.1, 5]), 1.1);
  assert.equal(clipTeethTone([1, 1.1, null, null]), undefined);
  assert.equal(clipTeethTone([]), undefined);
});

test('the rows\' gain: toward the driver\'s tone over ours, bounded, none on a painting, an audio motion or with the setting off', () => {
  const s = rowToneSetting;
  assert.equal(rowToneGain(undefined, 1.1), 1, 'no driver reading (audio, an old track)');
  assert.equal(rowToneGain(1.1, undefined), 1, 'no row tone');
  assert.ok(Math.abs(rowToneGain(1.0, 1 / s.rowShade[1]) - 1) < 1e-9, 'a driver as light as our row as rendered');
  assert.ok(rowToneGain(1.1, 1 / s.rowShade[1]) > 1.09 && rowToneGain(0.9, 1 / s.rowShade[1]) < 0.91, 'both ways');
  assert.equal(rowToneGain(3, 0.5), s.gain[1], 'a misread glint held');
  assert.equal(rowToneGain(0.1, 1), Math.max(s.gain[0], s.driver[0] / s.rowShade[1]), 'a faint or blurred row held');
  assert.equal(rowToneGain(1.2, 1, 1), 1, 'a painting keeps its own light');
  assert.ok(Math.abs(rowToneGain(1.2, 1, 0.5) - 1 - (rowToneGain(1.2, 1) - 1) / 2) < 1e-9, 'half textured, half the gain');
  assert.equal(rowToneGain(1.2, 1, 0, Infinity, { ...s, on: false }), 1);
  assert.ok(rowToneGain(1, 1, 0, 0.08) > rowToneGain(1, 1, 0, 0.2), 'a mid opening\'s extra shade made up');
});

// an open speech-smile frame (a library row on lp_s1: her photo shows no teeth)
const OPEN = { jawOpen: 0.2, mouthSmileLeft: 0.6, mouthSmileRight: 0.6 };

test('lp_s1 at an open frame: her rows as light over her cheeks as the driver\'s over its own, both ways; a darker driver darker', async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(SHARED_PORTRAITS, 'lp_s1.jpg'))), { width: 512, height: 512 });
  const n = r.neutralFrame();
  const shot = (tone?: number) => {
    const f = { ...n, w: { ...n.w, ...OPEN, ...(tone === undefined ? {} : { driverTeethTone: tone }) } };
    const img = r.render(f), copy = { ...img, data: new Uint8ClampedArray(img.data) };
    const lm = Float32Array.from((r.landmarks(f) as number[][]).flatMap((p) => [p[0]!, p[1]!, p[2] ?? 0]));
    return { copy, tone: teethToneRead(copy, lm, teethShare(copy, lm)) };
  };
  const none = shot(), white = shot(1.15), faint = shot(0.75);
  assert.ok(none.tone !== null && white.tone !== null && faint.tone !== null, 'the open row read');
  console.log(`lp_s1 row tone ${none.tone} -> driver 1.15: ${white.tone}, driver .75: ${faint.tone}`);
  assert.ok(white.tone! > none.tone! + 0.05, 'a white-toothed driver lightens the row');
  assert.ok(faint.tone! < none.tone! - 0.05, 'a faint-toothed one darkens it');
  assert.ok(Math.abs(white.tone! - 1.15) < Math.abs(none.tone! - 1.15), 'toward the driver\'s');
});

test('lp_s42, whose own teeth are drawn: the driver\'s tone leaves her rows as they were', async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(SHARED_PORTRAITS, 'lp_s42.jpg'))), { width: 256, height: 256 });
  const n = r.neutralFrame();
  const render = (w: Record<string, number>) => Buffer.from(r.render({ ...n, w: { ...n.w, ...OPEN, ...w } }).data);
  assert.ok(render({}).equals(render({ driverTeethTone: 1.2 })));
});

test("a smile lights a mid opening's row: the gain makes up less of a shade it does not have (s56 denture56)", () => {
  // (lp_s7 <- lp_d10: driver 1.036, our row 1.05 over our cheeks, a .10 IOD parting)
  const plain = rowToneGain(1.036, 1.05, 0, 0.1), smiling = rowToneGain(1.036, 1.05, 0, 0.1, rowToneSetting, 1);
  assert.ok(smiling < plain - 0.05, `gain ${plain.toFixed(3)} -> ${smiling.toFixed(3)}`);
  assert.ok(smiling > 1, 'still lifted toward her light');
  // (a full opening is lit already; no smile, or the setting off: the gap alone)
  assert.equal(rowToneGain(1.036, 1.05, 0, 0.2, rowToneSetting, 1), rowToneGain(1.036, 1.05, 0, 0.2));
  assert.equal(rowToneGain(1.036, 1.05, 0, 0.1, rowToneSetting, 0), plain);
  assert.equal(rowToneGain(1.036, 1.05, 0, 0.1, { ...rowToneSetting, smileLit: 0 }, 1), plain);
});

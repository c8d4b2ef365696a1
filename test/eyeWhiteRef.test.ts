// The driver's eye whites as the lower row's second grey reference (s53 whiteref53): eyeWhiteRef.ts reads an open eye's
// white and not a shut one's; lowerTeeth.ts takes a tinted lower row as teeth by it, and not a pink tongue, nor anything
// where the white is as red as the lips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eyeWhiteReference } from '../src/motion/eyeWhiteRef.ts';
import { lowerRowShow, whiteRefSetting, whiteToothSat } from '../src/motion/lowerTeeth.ts';
import { saturation } from '../src/math/colour.ts';
import { drawnMouth } from './drawnMouth.ts';

type Rgb = readonly [number, number, number];
const WHITE: Rgb = [235, 232, 225], DARK: Rgb = [60, 25, 30];
/** a pink tongue on the tinted video: .1 redder than its whites (klob's .42-.45 beside her whites' .33) */
const TONGUE: Rgb = [235, 138, 150];
/** a lit lower row on a pink-tinted video (sat .35: pcavs741's line 242,160,174 at .34; drawnMouth's lips 200,110,120 at .45) */
const TINTED: Rgb = [240, 156, 170];

function drawnLower(lowerColour: Rgb) {
  return drawnMouth(400, (y, top, bottom) => (y < top + 10 ? WHITE : y > bottom - 10 ? lowerColour : DARK));
}

/** Eye loops drawn on a skin-coloured image: an ellipse of `white` with a dark iris, lids `open` of the eye's width apart. */
function drawnEyes(white: Rgb, open: number) {
  const size = 200, data = new Uint8ClampedArray(size * size * 4), lm = new Float32Array(478 * 3);
  const loops = [[33, 246, 161, 160, 159, 158, 157, 173, 133, 155, 154, 153, 145, 144, 163, 7], [263, 466, 388, 387, 386, 385, 384, 398, 362, 382, 381, 380, 374, 373, 390, 249]];
  const centres = [[60, 100], [140, 100]] as const, hw = 25, hh = (open * 2 * hw) / 2;
  loops.forEach((loop, e) => loop.forEach((k, i) => {
    // (corner, upper lid, corner, lower lid: 16 points round the ellipse, the first at one corner)
    const a = Math.PI * (i / 8);
    lm[k * 3] = centres[e]![0] - hw * Math.cos(a); lm[k * 3 + 1] = centres[e]![1] - hh * Math.sin(a);
  }));
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let c: Rgb = [190, 140, 120];
      for (const [cx, cy] of centres) if (((x - cx) / hw) ** 2 + ((y - cy) / Math.max(hh, 0.1)) ** 2 < 1) c = Math.hypot(x - cx, y - cy) < 8 ? [50, 40, 35] : white;
      data.set([c[0], c[1], c[2], 255], (y * size + x) * 4);
    }
  return { img: { width: size, height: size, data }, lm };
}

test('the eye white: an open eye reads its white, a shut one nothing', () => {
  const tinted: Rgb = [225, 160, 170], open = drawnEyes(tinted, 0.4), shut = drawnEyes(tinted, 0.05);
  const w = eyeWhiteReference(open.img, open.lm);
  assert.ok(w, 'open eyes read');
  assert.ok(Math.abs(w.sat - saturation(...tinted)) < 0.01, `white sat ${w.sat}`);
  assert.ok(w.light > 170, `white light ${w.light}`);
  assert.equal(eyeWhiteReference(shut.img, shut.lm), null);
});

test('a tinted lower row is teeth by the eye white; a pink tongue is not; a white as red as the lips is no reference', () => {
  const row = drawnLower(TINTED), tongue = drawnLower(TONGUE);
  const lipLight = 0.299 * 200 + 0.587 * 110 + 0.114 * 120;
  // (the video's whites as tinted as the row: sat .33; a neutral white; a white as red as the lips)
  const tintWhite = { light: 1.2 * lipLight, sat: 0.33 }, neutral = { light: 1.5 * lipLight, sat: 0.08 }, red = { light: 1.2 * lipLight, sat: 0.43 };
  const without = lowerRowShow(row.img, row.lm)!, withWhite = lowerRowShow(row.img, row.lm, undefined, undefined, undefined, tintWhite)!;
  assert.ok(without < 0.1, `the row by the lips alone ${without}`);
  assert.ok(withWhite > 0.2, `the row by the white ${withWhite}`);
  assert.equal(lowerRowShow(row.img, row.lm, undefined, undefined, undefined, neutral), without, 'a grey white: the tests as before');
  assert.equal(lowerRowShow(row.img, row.lm, undefined, undefined, undefined, red), without, 'a white as red as the lips: no reference');
  assert.equal(lowerRowShow(tongue.img, tongue.lm, undefined, undefined, undefined, tintWhite), 0, 'a pink tongue stays tongue');
  assert.equal(whiteToothSat(null, 100, 0.45), 0);
  const was = whiteRefSetting.on;
  whiteRefSetting.on = false;
  try { assert.equal(lowerRowShow(row.img, row.lm, undefined, undefined, undefined, tintWhite), without, 'off: the tests before'); } finally { whiteRefSetting.on = was; }
});

// s35 (issue #13, lowrow35): the driver's lower row read per frame (motion/lowerTeeth.ts) and the library lower row shown by it
// (render/mouth/driverLowerRow.ts). lp_s42 <- lp_d6 f156-168 drew a line of even round beads along her lower lip where the
// driver shows two upper canines over her tongue and no lower teeth; a lit tongue is pink, not white, and must not read as teeth.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnLowerRun, lowerRowShow, lowerShowIod } from '../src/motion/lowerTeeth.ts';
import { driverLowerLight, driverLowerRaise, driverLowerShow, SHOWN_LIGHT } from '../src/render/mouth/driverLowerRow.ts';
import { withDriverMouthReads } from '../src/motion/driverMouthReads.ts';
import { driverMouthReadsOf } from '../src/rig/driverMouthReads.ts';
import { DRIVER_LOWER_SHOW } from '../src/rig/mouthBase.ts';
import { drawnMouth } from './drawnMouth.ts';
import type { MouthPlacement } from '../src/render/mouth/frameLight.ts';
import type { RawFaceFrame } from '../src/motion/faceTracker.ts';
import type { RgbaImage } from '../src/types.ts';

type Rgb = [number, number, number];
const WHITE: Rgb = [235, 232, 225], DARK: Rgb = [60, 25, 30], TONGUE: Rgb = [225, 140, 145];

/** A drawn mouth (drawnMouth.ts, 400 px): its opening's top `upper` px white teeth, its bottom `lower` px `lowerColour`, dark between. */
function drawnTeeth(upper: number, lower: number, lowerColour: Rgb): { img: RgbaImage; lm: Float32Array } {
  return drawnMouth(400, (y, top, bottom) => (y < top + upper ? WHITE : y > bottom - lower ? lowerColour : DARK));
}

test('a column: the run of teeth standing on the lower lip, its wet edge skipped; none; a bite', () => {
  const N = NaN;
  assert.equal(columnLowerRun([N, 1, 1, 0, 0, 0, 0, 1, 1, 0, N]), 2 / 9);
  assert.equal(columnLowerRun([1, 1, 0, 0, 0, 0, 0, 0, 0, 0]), 0);
  assert.equal(columnLowerRun([1, 1, 1, 1, 1, 1, 1, 1]), 0.4);
  assert.equal(columnLowerRun([1, 1, 0]), null);
});

test('the driver reading: lower teeth read, a lit pink tongue and a dark floor do not', () => {
  const teeth = drawnTeeth(10, 10, WHITE), tongue = drawnTeeth(10, 14, TONGUE), dark = drawnTeeth(10, 0, DARK);
  const t = lowerRowShow(teeth.img, teeth.lm)!, g = lowerRowShow(tongue.img, tongue.lm)!, d = lowerRowShow(dark.img, dark.lm)!;
  assert.ok(t > 0.2, `lower teeth ${t}`);
  assert.equal(g, 0, `tongue ${g}`);
  assert.equal(d, 0);
  assert.equal(lowerShowIod(0.25, 0.2), 0.05);
});

test('the reading rides the motion frame: producer, smoothing, a shut frame 0, a track without it absent', () => {
  const raw = (s: number | null | undefined, gap: number) => ({ m: { lipGap: gap }, lowerShow: s }) as unknown as RawFaceFrame;
  const frames = [0, 1, 2, 3, 4].map(() => ({ w: {} as Record<string, number>, mouthDark: undefined }));
  withDriverMouthReads(frames, [raw(0.3, 0.2), raw(0.3, 0.2), raw(0.3, 0.2), raw(null, 0.01), raw(0, 0.2)]);
  assert.ok(Math.abs(frames[1]!.w[DRIVER_LOWER_SHOW]! - 0.06) < 1e-3);
  assert.ok(frames[4]!.w[DRIVER_LOWER_SHOW]! < 0.02);
  assert.equal(driverMouthReadsOf(frames[1]!).driverLowerShow, frames[1]!.w[DRIVER_LOWER_SHOW]);
  const old = [0, 1].map(() => ({ w: {} as Record<string, number>, mouthDark: undefined }));
  withDriverMouthReads(old, [{ m: { lipGap: 0.2 } } as unknown as RawFaceFrame, null]);
  assert.equal(old[0]!.w[DRIVER_LOWER_SHOW], undefined);
});

test('the library lower row: under the lip where the driver shows none, tips and lit where it shows, the old rule without a reading', () => {
  assert.equal(driverLowerShow(0.02, undefined), 0.02);
  assert.ok(driverLowerShow(0.02, 0) < 0, 'no lower teeth in the driver: tips under the lip');
  assert.ok(driverLowerShow(0.02, 0.03) >= 0.035, 'shown: more than the bead-high tips');
  assert.equal(driverLowerShow(0.02, 0.2), 0.075);
  assert.equal(driverLowerLight(0.4, undefined), 0.4);
  assert.equal(driverLowerLight(0.4, 0), 0.4);
  // (s48 lowertips48: a row the driver shows lit as a wide opening's, SHOWN_LIGHT 1: at .7 mt_man <- pcavs681 f110's tips were grey)
  assert.ok(Math.abs(driverLowerLight(0.4, 0.05) - SHOWN_LIGHT) < 1e-9);
  assert.ok(driverLowerLight(0.4, 0.05) > driverLowerLight(0.4, 0.05, 0.7), 'a shown row lit over the old .7');
  assert.ok(Math.abs(driverLowerLight(0.4, 0.05, 0.7) - 0.7) < 1e-9);
  assert.equal(driverLowerLight(0.4, 0.005), 0.4, 'a row the driver does not show keeps the rule\'s light');
  // a row whose tips stand under the lip as placed is raised toward the driver's show, at most 0.04 IOD; none without a reading
  const p = { lowerX: 0, lowerY: 0, cos: 1, sin: 0, scale: 1, unit: 100, lowerLipX: 0, lowerLipY: 10 } as unknown as MouthPlacement;
  assert.equal(driverLowerRaise(p, -4, 4, 0, undefined), 0);
  assert.equal(driverLowerRaise(p, -4, 4, 0, 0), 0);
  // (s48 toothhole48: a shown row stands at least MIN_SHOWN .055 over the lip, so a .05 reading shows at .055; read .06 here)
  assert.ok(Math.abs(driverLowerRaise(p, -3, 4, 0, 0.06) - 3) < 1e-9, 'tips 3 px over the lip, shown 6: raised 3');
  assert.equal(driverLowerShow(0.06, 0.04), 0.06, 'a wide opening keeps the rule show where the driver shows lower teeth');
  assert.equal(driverLowerRaise(p, -4, 4, 0, 0.075 + 1), 4, 'at most 0.04 IOD');
});

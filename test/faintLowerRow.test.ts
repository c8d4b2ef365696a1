// holes55: a faint lower row drawn faint (render/mouth/faintLowerRow.ts) and a narrow parting in the driver's grey (greySlit.ts).
import test from 'node:test';
import assert from 'node:assert/strict';
import { driverLowerLight, driverLowerShow, MIN_SHOWN } from '../src/render/mouth/driverLowerRow.ts';
import { FAINT_FROM, faintLowerRowSetting, faintShare, faintStand, faintTrust } from '../src/render/mouth/faintLowerRow.ts';
import { slitLowerShow } from '../src/render/mouth/slitLowerRow.ts';
import { GREY_DARK, greySlitInto, greySlitSetting, greySlitShare } from '../src/render/mouth/greySlit.ts';

const BAND = 0.0245; // the lower lip's inner band at a .15 IOD gap (pcavs741 f97's opening)

test('a faint reading stands a thin row over the lip band, in proportion to the reading', () => {
  // pcavs741 f97 read .011: before, the row's tips stood under the band (hidden: a black hole)
  faintLowerRowSetting.on = false;
  const before = driverLowerShow(0.02, 0.011, BAND, 1);
  faintLowerRowSetting.on = true;
  const after = driverLowerShow(0.02, 0.011, BAND, 1);
  assert.ok(before < BAND, `before: tips ${before} under the band`);
  assert.ok(after > BAND && after < MIN_SHOWN, `after: tips ${after} over the band, under a full row's`);
  // proportionate: more reading, a taller row; the full row at the old full reading
  let last = -Infinity;
  for (const r of [0.005, 0.008, 0.011, 0.015, 0.02, 0.025]) {
    const s = driverLowerShow(0.02, r, BAND, 1);
    assert.ok(s > last, `taller with the reading at ${r}`);
    last = s;
  }
  assert.ok(Math.abs(driverLowerShow(0.02, 0.025, BAND, 1) - MIN_SHOWN) < 1e-9);
});

test('no row for no reading or a reading under FAINT_FROM; full readings as before', () => {
  assert.ok(driverLowerShow(0.02, 0, BAND, 1) < 0, 'no lower teeth in the driver: tips under the lip');
  assert.ok(driverLowerShow(0.02, FAINT_FROM * 0.9, BAND, 1) < 0);
  assert.equal(faintStand(0.055, FAINT_FROM * 0.9, BAND), -Infinity);
  assert.equal(faintShare(0), 0);
  assert.equal(driverLowerShow(0.02, undefined, BAND, 1), 0.02, 'audio: the rule alone');
  faintLowerRowSetting.on = false;
  const full = driverLowerShow(0.02, 0.2, BAND, 1);
  faintLowerRowSetting.on = true;
  assert.equal(driverLowerShow(0.02, 0.2, BAND, 1), full);
});

test('a faint row is lit in part; a slit shows a faint row faintly', () => {
  const dim = driverLowerLight(0.4, 0, undefined, 1), faint = driverLowerLight(0.4, 0.011, undefined, 1), full = driverLowerLight(0.4, 0.03, undefined, 1);
  assert.ok(dim < faint && faint < full, `${dim} < ${faint} < ${full}`);
  // in a slit (teethShow 0) at a shown gap past the slit's ramp: a faint reading shows a part of the row, none without it
  const slit = slitLowerShow(0, 0.08, 0, 1, 0.011, 1);
  assert.ok(slit > 0.1 && slit < 0.9, `slit show ${slit}`);
  assert.equal(slitLowerShow(0, 0.08, 0, 1, 0.002, 1), 0);
});

test('a narrow parting lifted toward the lips only where the driver reads it grey and our rows are hidden', () => {
  assert.equal(greySlitShare(undefined, 0), 0, 'audio motions unchanged');
  assert.equal(greySlitShare(0.1, 1), 0, 'an opening showing its rows unchanged');
  assert.equal(greySlitShare(GREY_DARK[1], 0), 0, 'a dark driver slit keeps its dark');
  assert.ok(greySlitShare(0.17, 0.2) > 0.5, 'infinitetalk f137: a grey parting');
  greySlitSetting.on = false;
  assert.equal(greySlitShare(0.17, 0.2), 0);
  greySlitSetting.on = true;
  const cav: [number, number, number] = [10, 5, 5], lip = [180, 110, 110];
  greySlitInto(cav, lip, 0.6);
  assert.ok(cav[0] > 10 && cav[0] < greySlitSetting.tone * 180, 'lifted toward the lip tone');
  const light: [number, number, number] = [200, 200, 200];
  greySlitInto(light, lip, 1);
  assert.deepEqual(light, [200, 200, 200], 'never darkened');
});

test('a faint reading trusted only where the driver shows no upper row (Katie f198: .015 under her upper teeth)', () => {
  assert.equal(faintTrust(0), 1, 'pcavs741 f97: no upper row read');
  assert.equal(faintTrust(0.56), 0);
  assert.equal(faintTrust(undefined), 0, 'audio: no reading');
  faintLowerRowSetting.on = false;
  const old = driverLowerShow(0.02, 0.015, BAND, 0);
  faintLowerRowSetting.on = true;
  assert.equal(driverLowerShow(0.02, 0.015, BAND, faintTrust(0.56)), old, 'under a shown upper row: as before');
  assert.ok(driverLowerShow(0.02, 0.015, BAND, faintTrust(0)) > BAND);
});

test('a faint reading in a lit opening (a forward tongue\'s wet rim) is not trusted; in a dark one it is', () => {
  assert.equal(faintTrust(0.0627, 0.0915), 0, 'lp_d6 f67: a tongue forward in a lit opening (tongueFlesh.test.ts)');
  assert.ok(faintTrust(0.074, 0.178) < 0.5, 'klob f55: half lit, a tongue up to the lips');
  assert.equal(faintTrust(0, 0.519), 1, 'pcavs741 f97: a dark opening');
  assert.equal(faintTrust(0, 0.745), 1, 'Reagan f63');
  assert.equal(faintTrust(0), 1, 'no cavity read: no say');
});

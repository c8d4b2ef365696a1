// s51 (wedge51): the glance white's shade fitted to the whole seen white (glanceWhite.ts wholeShade, dimToFit).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dimToFit, fitShiftShare, SHADE_FLOOR, wholeLuma, wholeShade, type SeenTexel } from '../src/render/glanceWhite.ts';

const lum = (c: number) => 0.299 * (c & 255) + 0.587 * ((c >>> 8) & 255) + 0.114 * ((c >>> 16) & 255);

// an eye 20 texels wide round cx 10, iris 4: lit toward x 0 (230), shaded toward x 20 (70), a darker band under the lid
function eye(): SeenTexel[] {
  const out: SeenTexel[] = [];
  for (let x = 0.5; x < 20; x++) for (let d = 0.5; d < 6; d++) if (Math.abs(x - 10) > 4.4) out.push({ x, d, l: 230 - 8 * x + (d < 1 ? -20 : 0) });
  return out;
}

test('the whole white\'s shade: between the lit and the shaded side where the iris was, darker under the lid', () => {
  const s = wholeShade(eye(), 10, 4)!;
  assert.ok(s);
  const mid = wholeLuma(s, 10, 3);
  assert.ok(mid < 200 && mid > 100, `mid ${mid}`);
  assert.ok(wholeLuma(s, 7, 3) > wholeLuma(s, 13, 3) + 20);
  assert.ok(wholeLuma(s, 10, 0.2) < wholeLuma(s, 10, 4));
});

test('one side seen: the surface is read no further than the seen white (no extrapolation)', () => {
  const one = eye().filter((p) => p.x < 10);
  const s = wholeShade(one, 10, 4)!;
  const edge = Math.min(...one.map((p) => p.x));
  const lastSeen = Math.max(...one.map((p) => p.x));
  assert.ok(Math.abs(wholeLuma(s, 18, 3) - wholeLuma(s, lastSeen, 3)) < 1e-9);
  assert.ok(wholeLuma(s, 18, 3) > 100, 'no runaway past the seen white');
  assert.ok(edge >= 0);
});

test('glints are left out of the fit, and too few texels give none', () => {
  const base = eye(), glint = base.map((p, i) => (i % 30 === 0 ? { ...p, l: 255 } : p));
  const a = wholeShade(base, 10, 4)!, b = wholeShade(glint, 10, 4)!;
  assert.ok(Math.abs(wholeLuma(a, 10, 3) - wholeLuma(b, 10, 3)) < 6);
  assert.equal(wholeShade(base.slice(0, 5), 10, 4), null);
});

test('dimToFit darkens a white toward the fit, never lightens it, never under SHADE_FLOOR of itself', () => {
  const white = (0xff << 24 | 220 << 16 | 215 << 8 | 225) >>> 0;
  assert.equal(dimToFit(white, 240, 1), white);
  assert.equal(dimToFit(white, 100, 0), white);
  assert.ok(Math.abs(lum(dimToFit(white, 180, 1)) - 180) < 2);
  assert.ok(lum(dimToFit(white, 180, 0.5)) > lum(dimToFit(white, 180, 1)));
  assert.ok(lum(dimToFit(white, 10, 1)) >= SHADE_FLOOR * lum(white) - 2);
  assert.equal(dimToFit(white, 180, 1) >>> 24, 0xff);
});

test('the fit takes no part at a tiny shift (vergence, a still eye) and all of it from FIT_SHIFT[1] iris radii', () => {
  assert.equal(fitShiftShare(0, 7), 0);
  assert.equal(fitShiftShare(0.1 * 7, 7), 0);
  assert.equal(fitShiftShare(0.6 * 7, 7), 1);
  assert.ok(fitShiftShare(0.3 * 7, 7) > 0 && fitShiftShare(0.3 * 7, 7) < 1);
  assert.equal(fitShiftShare(3, 0), 0);
});

test('a wide lit side does not outvote a narrow shaded one', () => {
  const pts: SeenTexel[] = [];
  for (let x = 0.5; x < 6; x++) for (let d = 0.5; d < 5; d++) pts.push({ x, d, l: 230 });
  for (let x = 14.5; x < 16; x++) for (let d = 0.5; d < 5; d++) pts.push({ x, d, l: 70 });
  const s = wholeShade(pts, 10, 4)!;
  assert.ok(wholeLuma(s, 10, 2) < 185, `centre ${wholeLuma(s, 10, 2)}`);
});

// The plate's fill copies the backdrop right around the person (plateGuide.ts, harmonicFill.ts):
// lp_s11's case in miniature, a small green backdrop inside a cream border on a large pink weave.
import test from 'node:test';
import assert from 'node:assert/strict';
import { harmonicFill } from '../src/analyze/harmonicFill.ts';
import { backdropMembrane, nearBackdropGuide } from '../src/analyze/plateGuide.ts';
import { inpaintBackground, personHole } from '../src/analyze/inpaint.ts';
import { distanceToOutside } from '../src/analyze/raster.ts';
import type { RgbaImage } from '../src/types.ts';

test('harmonicFill: a hole in a linear ramp is filled with the ramp; the known pixels stay', () => {
  const w = 90, h = 70;
  const v = new Float32Array(w * h), unknown = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x;
    v[i] = 20 + 1.5 * x + 0.8 * y;
    if (x > 15 && x < 75 && y > 10 && y < 60) { unknown[i] = 1; v[i] = 0; }
  }
  const out = harmonicFill(v, unknown, w, h, 1);
  let worst = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) worst = Math.max(worst, Math.abs(out[y * w + x]! - (20 + 1.5 * x + 0.8 * y)));
  assert.ok(worst < 1, `ramp restored within 1 level (worst ${worst.toFixed(2)})`);
});

test('inpaintBackground: a small plain backdrop in a large different surround fills with the backdrop, not the surround weave', () => {
  const size = 160;
  const img = { width: size, height: size, data: new Uint8ClampedArray(size * size * 4) };
  const matte = { width: size, height: size, data: new Float32Array(size * size) };
  const inPerson = (x: number, y: number) => Math.hypot(x - 80, y - 72) < 30 || (y > 95 && x > 44 && x < 116);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const i = y * size + x;
    const green = x >= 26 && x < 134 && y >= 22, cream = x >= 18 && x < 142 && y >= 14;
    // pink weave: a 6 px basket pattern; green with faint grain; cream card border
    const weave = 18 * Math.sign(Math.sin(x * 1.05) * Math.sin(y * 1.05));
    const grain = ((x * 7 + y * 13) % 5) - 2;
    const c = green ? [50 + grain, 100 + grain, 62 + grain] : cream ? [228, 224, 190] : [225 + weave, 180 + weave, 185 + weave];
    if (inPerson(x, y)) { matte.data[i] = 1; img.data.set([30, 25, 25, 255], i * 4); } else img.data.set([c[0]!, c[1]!, c[2]!, 255], i * 4);
  }
  const hole = personHole(matte);
  const depth = distanceToOutside((i) => !hole[i], size, size, 64);
  const score = (plate: RgbaImage) => {
    // the ring a moving head uncovers: hole pixels within 14 px of its border, above the shoulders
    let off = 0, rough = 0, n = 0;
    for (let y = 0; y < 95; y++) for (let x = 0; x < size; x++) {
      const i = y * size + x;
      if (!hole[i] || depth[i]! > 14) continue;
      const [r, g, b] = [plate.data[i * 4]!, plate.data[i * 4 + 1]!, plate.data[i * 4 + 2]!];
      off += Math.hypot(r - 50, g - 100, b - 62);
      // the weave's step to the next pixel (the green's grain steps ~1-4 levels)
      rough += Math.abs(g - plate.data[(i + 1) * 4 + 1]!) + Math.abs(g - plate.data[(i + size) * 4 + 1]!);
      n++;
    }
    return { off: off / n, rough: rough / n };
  };
  const after = score(inpaintBackground(img, matte));
  const before = score(inpaintBackground(img, matte, { nearBackdrop: false }));
  // without the guide and the harmonic membrane (before s36): weave tinted green, 13.8 levels off, steps of 8.9
  assert.ok(after.off < 5, `the revealed ring is the green backdrop's colour (mean distance ${after.off.toFixed(1)}; without the guide ${before.off.toFixed(1)})`);
  assert.ok(after.rough < 5, `no weave copied into it (mean step ${after.rough.toFixed(1)} levels; without the guide ${before.rough.toFixed(1)})`);
});

test('nearBackdropGuide: off where the backdrop by the person is the whole picture (a wall with writing), on for a foreign one', () => {
  const size = 128;
  const make = (foreign: boolean) => {
    const img = { width: size, height: size, data: new Uint8ClampedArray(size * size * 4) };
    const hole = new Uint8Array(size * size), known = new Uint8Array(size * size);
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
      const i = y * size + x;
      hole[i] = Math.hypot(x - 64, y - 64) < 24 ? 1 : 0;
      known[i] = 1 - hole[i]!;
      const nearHole = Math.hypot(x - 64, y - 64) < 44;
      // a white wall with dark writing in a corner; or a green patch round the hole on pink cloth
      const writing = !foreign && x > 100 && y < 20 && (x + y) % 3 === 0;
      const c = writing ? [40, 40, 40] : foreign ? (nearHole ? [50, 100, 62] : [225, 180, 185]) : [236, 236, 232];
      img.data.set([c[0]!, c[1]!, c[2]!, 255], i * 4);
    }
    const membrane = backdropMembrane(img, known)!;
    return nearBackdropGuide(img, hole, known, membrane);
  };
  assert.equal(make(false), null, 'a plain wall: no guide');
  assert.ok(make(true) !== null, 'a foreign backdrop round the person: guided');
});

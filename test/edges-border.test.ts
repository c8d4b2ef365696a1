// Past the crop's border (issue 15): the mesh band beyond the crop samples the texture mirrored
// (not its last row stretched), keeps the border's coverage; the continued matte past the photo
// gets a short ramp; the border-stretch figure tells stripes from texture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rasterTriangle, type RasterTarget } from '../src/render/raster.ts';
import { mirrorIntoTexture, type TextureSource } from '../src/render/textureSample.ts';
import { distancePastPhoto, firmMattePastPhoto } from '../src/avatar/invented.ts';
import { borderStretchShare } from '../src/eval/stretch.ts';
import { mulberry32 } from '../src/math/random.ts';
import type { RgbaImage } from '../src/types.ts';

test('mirrorIntoTexture folds about the first and last texel centres, identity inside', () => {
  assert.equal(mirrorIntoTexture(3.25, 8), 3.25);
  assert.equal(mirrorIntoTexture(-2, 8), 2);
  assert.equal(mirrorIntoTexture(9, 8), 5);
  const far = mirrorIntoTexture(-100, 8); // beyond a whole width: clamped into the texture
  assert.ok(far >= 0 && far <= 7);
});

/** An opaque texture whose row y has grey level 10*y, except `alphaRow`'s alpha pattern. */
function rowTexture(w: number, h: number, alpha = (_x: number, _y: number) => 255): TextureSource {
  const data32 = new Uint32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const a = alpha(x, y), g = Math.round((10 * y * a) / 255);
    data32[y * w + x] = (g | (g << 8) | (g << 16) | (a << 24)) >>> 0;
  }
  return { width: w, height: h, data32 };
}

/** Draws the square [0, n) x [0, n) with texture coordinates equal to the pixel position. */
function drawIdentity(tex: TextureSource, n: number): RasterTarget {
  const t: RasterTarget = { width: n, height: n, color: new Uint32Array(n * n), depth: new Float32Array(n * n) };
  rasterTriangle(t, 0, 0, 1, 0, 0, n, 0, 1, n, 0, n, n, 1, n, n, tex, null);
  rasterTriangle(t, 0, 0, 1, 0, 0, n, n, 1, n, n, 0, n, 1, 0, n, tex, null);
  return t;
}

test('the band past the texture shows the rows just inside, mirrored, not the last row stretched', () => {
  const tex = rowTexture(8, 8);
  const t = drawIdentity(tex, 12);
  // pixel row 10 (centre 10.5, texel-centre 10) mirrors texel row 4 (grey 40); a clamp gave row 7 (70)
  const g = t.color[10 * 12 + 3]! & 255;
  assert.ok(Math.abs(g - 40) <= 1, `row 10 grey ${g}, want ~40`);
  // inside the texture unchanged
  assert.equal(t.color[5 * 12 + 3]! & 255, 50);
});

test('past the border the coverage is the border row\'s own (a sloping outline does not turn back up)', () => {
  // alpha: opaque right of x > 7 - y, a shoulder widening toward the bottom border
  const tex = rowTexture(8, 8, (x, y) => (x > 7 - y ? 255 : 0));
  const t = drawIdentity(tex, 12);
  // below the texture column 2 keeps the border row's coverage (x=2 > 0); a mirrored coverage
  // would read row 4 or 5 there (2 > 3 or 2 > 2: no) and narrow the shoulder again (a notch)
  for (const y of [9, 10, 11]) assert.equal(t.color[y * 12 + 2]! >>> 24, 255, `row ${y} column 2 is covered like the border row`);
  // a column the border row covers stays covered below it
  const tex2 = rowTexture(8, 8, (x) => (x >= 4 ? 255 : 0));
  const t2 = drawIdentity(tex2, 12);
  assert.equal(t2.color[10 * 12 + 6]! >>> 24, 255);
  assert.equal(t2.color[10 * 12 + 1]! >>> 24, 0);
});

test('distancePastPhoto: 0 inside, crop pixels past each edge', () => {
  // a 100 px photo shown in a 50 px crop of side 100 from (-20, 0): 2 source px per crop px
  const d = distancePastPhoto({ x: -20, y: 0, side: 100, size: 50 }, { width: 100, height: 100 });
  assert.equal(d[10 * 50 + 20], 0);
  assert.ok(Math.abs(d[10 * 50 + 0]! - 9.5) < 1e-6); // centre at source x -19: 9.5 crop px past
  assert.equal(d[10 * 50 + 49], 0); // source x 79: inside (the photo's right edge is at crop x 60)
  const d2 = distancePastPhoto({ x: 0, y: 0, side: 100, size: 50 }, { width: 100, height: 90 });
  assert.ok(Math.abs(d2[49 * 50 + 10]! - 4.5) < 1e-6); // source y 99 past a 90 px photo: 9 source px
});

test('firmMattePastPhoto: a wide fade past the photo becomes a short ramp; the photo keeps its matte', () => {
  const w = 64, h = 8;
  // the photo covers x < 16; past it the continued matte fades over 40 px (a shoulder's ghost)
  const past = Float32Array.from({ length: w * h }, (_, i) => Math.max(0, (i % w) + 0.5 - 16));
  const data = Float32Array.from({ length: w * h }, (_, i) => Math.max(0, Math.min(1, 1 - ((i % w) - 8) / 40)));
  const out = firmMattePastPhoto({ width: w, height: h, data }, past).data;
  for (let x = 0; x < 16; x++) assert.equal(out[4 * w + x], data[4 * w + x]);
  let partial = 0, partialBefore = 0;
  for (let x = 0; x < w; x++) {
    if (out[4 * w + x]! > 0.05 && out[4 * w + x]! < 0.95) partial++;
    if (data[4 * w + x]! > 0.05 && data[4 * w + x]! < 0.95) partialBefore++;
  }
  assert.ok(partialBefore > 30, `the input fades over ${partialBefore} px`);
  // the 4 px blend from the photo's edge plus the ~3 px ramp at the outline
  assert.ok(partial <= 14, `the firmed matte is partial over ${partial} px (blend + ramp)`);
  assert.ok(out[4 * w + 60]! < 0.05 && out[4 * w + 20]! > 0.95);
});

test('borderStretchShare: stripes from a stretched last row score high, noise ~0.5', () => {
  const n = 64;
  const rnd = mulberry32(3);
  const noise: number[] = Array.from({ length: n * n }, () => rnd() * 255);
  const img = (lum: (x: number, y: number) => number): RgbaImage => {
    const data = new Uint8ClampedArray(n * n * 4);
    for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) { const v = lum(x, y), o = (y * n + x) * 4; data[o] = data[o + 1] = data[o + 2] = v; data[o + 3] = 255; }
    return { width: n, height: n, data };
  };
  // the band: the bottom 16 rows (in the test: the whole bottom band)
  const band = Uint8Array.from({ length: n * n }, (_, i) => (Math.floor(i / n) >= 48 ? 1 : 0));
  // the bottom 16 rows repeat row 47 (vertical stripes)
  const stretched = img((x, y) => noise[Math.min(y, 47) * n + x]!);
  const textured = img((x, y) => noise[y * n + x]!);
  const s = borderStretchShare(stretched, band), t = borderStretchShare(textured, band);
  // (the band's corners count toward the sides, where these stripes run along the stretch)
  assert.ok(s > 0.8, `stretched ${s}`);
  assert.ok(Math.abs(t - 0.5) < 0.08, `texture ${t}`);
});

test('pastBorderPad: the padded band holds what sampleInto shows past the border; inside the texture a copy', async () => {
  const { pastBorderPad } = await import('../src/render/pastBorder.ts');
  const tex = rowTexture(16, 16, (x) => (x >= 4 ? 255 : 0));
  const pad = pastBorderPad(tex.data32, 16, 16, 4);
  const pw = 24;
  assert.equal(pad.data32[(4 + 5) * pw + 4 + 7], tex.data32[5 * 16 + 7]);
  // two rows below the texture, column 8: the mirror of row 13 (grey 130) blurred toward its
  // neighbours, at the last row's coverage (opaque)
  const below = pad.data32[(4 + 17) * pw + 4 + 8]!;
  assert.equal(below >>> 24, 255);
  const g = below & 255;
  assert.ok(g > 100 && g < 150, `grey ${g}: the rows just inside, not the last row's 150 stretched`);
  // left of the texture, row 8: coverage of the border column (transparent)
  assert.equal(pad.data32[(4 + 8) * pw + 1]! >>> 24, 0);
});

test('pastBorderPad: a strand crossing the border at a slant runs on straight past it (no mirrored chevron)', async () => {
  const { pastBorderPad, borderRuns } = await import('../src/render/pastBorder.ts');
  const n = 128, m = 12;
  // a bright strand x = 40 + 0.8 y on an opaque dark texture: it leaves the bottom border at x ~141.6 (outside),
  // so use x = 10 + 0.8 y: at the bottom row (y 127) x ~111.6
  const lineX = (y: number) => 10 + 0.8 * y;
  const data32 = new Uint32Array(n * n);
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) {
    const g = Math.round(30 + 200 * Math.exp(-(((x - lineX(y)) / 1.5) ** 2)));
    data32[y * n + x] = (g | (g << 8) | (g << 16) | (255 << 24)) >>> 0;
  }
  const runs = borderRuns((i, j) => data32[(n - 1 - j) * n + i]! & 255, n, 4, 3);
  // along the bottom border the strand runs -0.8 texels per texel of depth (inward = up, x falls)
  assert.ok(Math.abs(runs[Math.round(lineX(n - 1))]! + 0.8) < 0.15, `run ${runs[Math.round(lineX(n - 1))]}`);
  const pad = pastBorderPad(data32, n, n, m);
  const pw = n + 2 * m;
  for (const d of [2, 4]) {
    const y = n - 1 + d;
    let best = -1, bestX = -1;
    for (let x = 60; x < n; x++) { const g = pad.data32[(y + m) * pw + x + m]! & 255; if (g > best) { best = g; bestX = x; } }
    // the straight continuation, not the mirror image's x at row n - 1 - d (a chevron)
    assert.ok(Math.abs(bestX - lineX(y)) <= 1.5, `row +${d}: the strand at x ${bestX}, its continuation ${lineX(y).toFixed(1)}, the plain mirror ${lineX(n - 1 - d).toFixed(1)}`);
  }
});

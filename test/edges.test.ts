// Past the photo's edge: exemplar synthesis, the continued matte, decontaminated edges (issue 15).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { synthesize } from '../src/analyze/synthesis.ts';
import { continueMatte, inventedMask, extendPastPhoto, bodyLayout } from '../src/analyze/extend.ts';
import { outlineLook } from '../src/analyze/hairCap.ts';
import { premultipliedForeground } from '../src/avatar/texture.ts';
import { streakCoherence } from '../src/eval/stretch.ts';
import { repeatedShare } from '../src/eval/repetition.ts';
import { mulberry32 } from '../src/math/random.ts';
import { imageOf } from './imageOf.ts';

/** A rough diagonal weave with noise: texture an edge stretch would turn into streaks. */
function weave(x: number, y: number): number {
  const n = Math.sin(x * 12.9898 + y * 78.233) * 43758.5453;
  return 110 + 50 * Math.sin((x + 2 * y) * 0.45) * Math.sin((x - y) * 0.3) + 25 * (n - Math.floor(n));
}


const std = (v: number[]) => { const m = v.reduce((a, b) => a + b, 0) / v.length; return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length); };

test('synthesize: a hole in a texture is filled with texture of the same strength, not a smear or streaks', () => {
  const size = 96;
  const truth = imageOf(size, (x, y) => { const v = weave(x, y); return [v, v * 0.8, v * 0.6]; });
  const hole = new Uint8Array(size * size);
  for (let y = 30; y < 66; y++) for (let x = 60; x < 96; x++) hole[y * size + x] = 1; // touches the right edge, like padding
  const colour = new Float32Array(size * size * 3);
  for (let i = 0; i < size * size; i++) for (let c = 0; c < 3; c++) colour[i * 3 + c] = hole[i] ? 0 : truth.data[i * 4 + c]!;
  const source = Uint8Array.from(hole, (h) => 1 - h);
  const out = synthesize({ width: size, height: size, colour, hole, source });
  const filled: number[] = [], real: number[] = [];
  for (let i = 0; i < size * size; i++) (hole[i] ? filled : real).push(out[i * 3]!);
  assert.ok(std(filled) > 0.7 * std(real), `texture strength kept: std ${std(filled).toFixed(1)} vs ${std(real).toFixed(1)}`);
  // known pixels untouched
  for (let i = 0; i < size * size; i++) if (!hole[i]) assert.equal(out[i * 3], truth.data[i * 4]);
  // an edge stretch (the old failure) is one-directional; the synthesis is not
  const synth = imageOf(size, (x, y) => { const i = y * size + x; return [out[i * 3]!, out[i * 3 + 1]!, out[i * 3 + 2]!]; });
  const stretched = imageOf(size, (x, y) => { const i = y * size + (hole[y * size + x] ? 59 : x); return [truth.data[i * 4]!, truth.data[i * 4 + 1]!, truth.data[i * 4 + 2]!]; });
  const inner = new Uint8Array(size * size);
  for (let y = 34; y < 62; y++) for (let x = 64; x < 92; x++) inner[y * size + x] = 1;
  const cs = streakCoherence(synth, inner).coherence, ce = streakCoherence(stretched, inner).coherence, cr = streakCoherence(truth, inner).coherence;
  assert.ok(ce > 0.95, `the stretch is a streak (${ce.toFixed(2)})`);
  assert.ok(cs < ce - 0.2 && cs < cr + 0.2, `synthesis ${cs.toFixed(2)} vs stretch ${ce.toFixed(2)}, real ${cr.toFixed(2)}`);
});

test('continueMatte: the torso goes on below the photo; a head cut by the top gets a rounded cap, not a column', () => {
  const size = 128;
  const matte = { width: size, height: size, data: new Float32Array(size * size) };
  // real pixels in rows 20..107; a head (ellipse) cut by row 20, a torso reaching row 107
  for (let y = 20; y < 108; y++) for (let x = 0; x < size; x++) {
    const head = ((x - 64) / 26) ** 2 + ((y - 45) / 32) ** 2 < 1;
    const torso = y > 80 && Math.abs(x - 64) < 40;
    matte.data[y * size + x] = head || torso ? 1 : 0;
  }
  const valid = [0, 20, size, 108];
  const invented = inventedMask(size, size, valid);
  // landmarks: forehead top (10) at y 30, chin (152) at y 72
  const lm: number[][] = Array.from({ length: 478 }, () => [64, 50, 0]);
  lm[10] = [64, 30, 0]; lm[152] = [64, 72, 0];
  const m = continueMatte(matte, invented, valid, lm);
  // below: the torso's columns stay person, beside it background
  assert.ok(m[120 * size + 64]! > 0.9 && m[120 * size + 100]! > 0.9 && m[120 * size + 10]! < 0.1);
  // above: narrower and narrower, then nothing (rounded), and no column up to the top
  const width = (y: number) => { let n = 0; for (let x = 0; x < size; x++) n += m[y * size + x]! > 0.5 ? 1 : 0; return n; };
  assert.ok(width(18) > 0 && width(18) >= width(12) && width(12) > width(8), `cap widths ${width(18)}, ${width(12)}, ${width(8)}`);
  assert.equal(width(0), 0, 'the cap closes below the crop top');
});

test('extendPastPhoto: person patches continue the person, background patches the background', () => {
  const size = 96;
  // background: blue-ish weave; person (a block at the bottom centre): red-ish weave
  const isPerson = (x: number, y: number) => y > 50 && Math.abs(x - 48) < 20;
  const img = imageOf(size, (x, y) => { const v = weave(x, y); return isPerson(x, y) ? [v + 60, v * 0.5, v * 0.4] : [v * 0.4, v * 0.6, v + 40]; });
  const matte = { width: size, height: size, data: new Float32Array(size * size) };
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) matte.data[y * size + x] = isPerson(x, y) ? 1 : 0;
  const lm: number[][] = Array.from({ length: 478 }, () => [48, 30, 0]);
  lm[10] = [48, 15, 0]; lm[152] = [48, 45, 0];
  const valid = [0, 0, size, 76]; // the photo ends at row 76
  const e = extendPastPhoto(img, matte, valid, lm, new Uint8Array(size * size), 1);
  let personRed = 0, bgBlue = 0, np = 0, nb = 0;
  for (let y = 80; y < size; y++) for (let x = 0; x < size; x++) {
    const o = (y * size + x) * 4;
    if (Math.abs(x - 48) < 14) { personRed += e.image.data[o]! > e.image.data[o + 2]! ? 1 : 0; np++; }
    if (Math.abs(x - 48) > 26) { bgBlue += e.image.data[o + 2]! > e.image.data[o]! ? 1 : 0; nb++; }
  }
  assert.ok(personRed / np > 0.95, `person continues as person (${(personRed / np).toFixed(2)})`);
  assert.ok(bgBlue / nb > 0.95, `background continues as background (${(bgBlue / nb).toFixed(2)})`);
  assert.ok(e.matte.data[90 * size + 48]! > 0.9 && e.matte.data[90 * size + 5]! < 0.1);
});

test('premultipliedForeground: edge pixels lose the old background colour even when the plate is wrong there', () => {
  const size = 64;
  const F = [90, 40, 30], B = [250, 250, 250];
  const alpha = (x: number, y: number) => Math.max(0, Math.min(1, (22 - Math.hypot(x - 32, y - 32)) / 6));
  const image = imageOf(size, (x, y) => { const a = alpha(x, y); return [0, 1, 2].map((c) => a * F[c]! + (1 - a) * B[c]!) as [number, number, number]; });
  const matte = { width: size, height: size, data: new Float32Array(size * size) };
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) matte.data[y * size + x] = Math.min(1, alpha(x, y) * 1.15); // matte a little too high, as usual at hair
  const plate = imageOf(size, () => [150, 150, 150]); // a plate guess that is darker than the real backdrop
  const out = premultipliedForeground(image, matte, plate);
  let worst = 0;
  for (let i = 0; i < size * size; i++) {
    const a = out.data[i * 4 + 3]! / 255;
    if (a < 0.15 || a > 0.8) continue;
    const lum = (out.data[i * 4]! * 0.3 + out.data[i * 4 + 1]! * 0.59 + out.data[i * 4 + 2]! * 0.11) / a;
    worst = Math.max(worst, lum - (F[0]! * 0.3 + F[1]! * 0.59 + F[2]! * 0.11));
  }
  // (plain subtraction of the plate, before issue 15: 201 levels)
  assert.ok(worst < 50, `edge colour at most ${worst.toFixed(1)} levels lighter than the person (a light halo otherwise)`);
});

/** Non-periodic texture: white noise (seeded) blurred twice, 0..255-ish. */
function blobs(size: number, seed: number): Float32Array {
  const random = mulberry32(seed);
  let v = Float32Array.from({ length: size * size }, () => random() * 255);
  for (let pass = 0; pass < 2; pass++) {
    const out = new Float32Array(v.length);
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
      let s = 0, n = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx, yy = y + dy;
        if (xx >= 0 && yy >= 0 && xx < size && yy < size) { s += v[yy * size + xx]!; n++; }
      }
      out[y * size + x] = s / n;
    }
    v = out;
  }
  // stretch the contrast back (blurring flattened it)
  return v.map((a) => 128 + (a - 128) * 4);
}

test('repeatedShare: real texture has no twins, a copied block has', () => {
  const size = 128;
  const tex = blobs(size, 3);
  const all = new Uint8Array(size * size).fill(1);
  const real = imageOf(size, (x, y) => { const v = tex[y * size + x]!; return [v, v, v]; });
  // three copies of the top-left 40 px block side by side along the bottom
  const copied = imageOf(size, (x, y) => { const v = y >= 80 ? tex[(y - 80) * size + (x % 40)]! : tex[y * size + x]!; return [v, v, v]; });
  const r = repeatedShare(real, all), c = repeatedShare(copied, all);
  assert.ok(r < 0.02, `real texture: ${r.toFixed(3)} of patches with a twin`);
  assert.ok(c > 0.2, `copied blocks: ${c.toFixed(3)} of patches with a twin`);
});

test('synthesize: the re-use penalty spreads copies over the source (fewer repeated blocks)', () => {
  const size = 128;
  const tex = blobs(size, 5);
  // a source strip of 32 rows at the top; the 96 rows below are the hole
  const hole = new Uint8Array(size * size);
  for (let i = 32 * size; i < size * size; i++) hole[i] = 1;
  const colour = new Float32Array(size * size * 3);
  for (let i = 0; i < size * size; i++) for (let c = 0; c < 3; c++) colour[i * 3 + c] = hole[i] ? 0 : tex[i]! * (1 - 0.2 * c);
  const source = Uint8Array.from(hole, (h) => 1 - h);
  const share = (reuse: number) => {
    const out = synthesize({ width: size, height: size, colour, hole, source }, { reuse });
    return repeatedShare(imageOf(size, (x, y) => { const i = y * size + x; return [out[i * 3]!, out[i * 3 + 1]!, out[i * 3 + 2]!]; }), hole);
  };
  const plain = share(0), penalised = share(300);
  assert.ok(penalised < 0.6 * plain, `twins: plain PatchMatch ${plain.toFixed(3)}, with the re-use penalty ${penalised.toFixed(3)}`);
});

test('outlineLook: a ragged hair outline measures rougher than a smooth one, a soft fringe wider than a hard edge', () => {
  const w = 96, rows = 30;
  const random = mulberry32(9);
  const smooth = new Float32Array(w * rows), ragged = new Float32Array(w * rows);
  for (let y = 0; y < rows; y++) {
    const jag = Math.round((random() * 2 - 1) * 4);
    for (let x = 0; x < w; x++) {
      smooth[y * w + x] = Math.abs(x - 48) <= 20 ? 1 : 0;
      // a soft fringe (8 px from 0 to 1) around a wandering edge
      ragged[y * w + x] = Math.min(1, Math.max(0, (20 + jag - Math.abs(x - 48)) / 8 + 0.5));
    }
  }
  const s = outlineLook(smooth, w, 0, rows, 48), r = outlineLook(ragged, w, 0, rows, 48);
  assert.ok(s.roughness < 0.1 && r.roughness > 1.5, `roughness smooth ${s.roughness.toFixed(2)}, ragged ${r.roughness.toFixed(2)}`);
  assert.ok(s.fringe === 0 && r.fringe >= 2, `fringe smooth ${s.fringe}, ragged ${r.fringe.toFixed(1)}`);
});

test('bodyLayout: 0 above the chin, the broad colour below it (a shirt stays green, a neck red)', () => {
  const size = 96;
  const img = imageOf(size, (x, y) => { const v = weave(x, y); return y < 48 ? [v * 0.3, v * 0.2, v * 0.2] : x < 48 ? [v * 0.4, v + 50, v * 0.4] : [v + 70, v * 0.6, v * 0.5]; });
  const layout = bodyLayout(img, 48);
  const at = (x: number, y: number) => [0, 1, 2].map((c) => layout[(y * size + x) * 3 + c]!);
  assert.deepEqual(at(20, 40), [0, 0, 0]);
  const [sr, sg] = at(20, 85), [nr, ng] = at(76, 85);
  assert.ok(sg! > sr! + 50, `shirt green below the chin (${sr!.toFixed(0)}, ${sg!.toFixed(0)})`);
  assert.ok(nr! > ng! + 50, `neck red below the chin (${nr!.toFixed(0)}, ${ng!.toFixed(0)})`);
  // no fine texture: neighbours differ by far less than the weave does
  assert.ok(Math.abs(at(20, 85)[1]! - at(21, 85)[1]!) < 3);
});

// Exemplar synthesis: fills a hole with patches copied from the known part of the same image
// (multi-scale PatchMatch with patch voting, after Wexler et al. 2007 and Barnes et al. 2009).
// Unlike a smooth fill or repeated edge pixels, it continues real texture (foliage, cloth weave,
// hair strands) and never draws streaks. An optional guide (e.g. the person matte, known
// everywhere, inside the hole too) steers which kind of patch lands where: a patch of the hole
// marked "person" is matched to person patches, "background" to background, and a boundary to a
// boundary, so outlines continue sharp instead of smeared.
import { fillHole } from './inpaint.ts';
import { boxBlur, dilate } from './raster.ts';
import { smoothstep } from '../math/smooth.ts';
import { mulberry32 } from '../math/random.ts';
import { onionPeel, search, vote, type Level, type MatchCost } from './patchMatch.ts';

export interface SynthesisInput {
  width: number;
  height: number;
  /** RGB, 3 floats per pixel; read where hole = 0 */
  colour: Float32Array;
  /** 1 = to synthesise */
  hole: Uint8Array;
  /** 1 = patches may be copied from here (hole pixels never are) */
  source: Uint8Array;
  /** guide channels, `guideChannels` floats per pixel, known everywhere (same scale as colour: 0..255) */
  guide?: Float32Array;
  guideChannels?: number;
}

export interface SynthesisOptions {
  /** patch side (odd), default 7 */
  patch?: number;
  /** weight of the vertical distance between a target and its source, per pixel of distance (keeps sky up, ground down) */
  positionWeight?: number;
  seed?: number;
  /** coarsest level's longer side, default 40 */
  coarsest?: number;
  /** cost of copying a source patch that another hole pixel already copies, per patch pixel in colour SSD units (default 300: about a 10-level error per channel); 0 = plain PatchMatch, repeats blocks */
  reuse?: number;
  /** copies of one source centre past which the penalty stops growing (default 6) */
  reuseCap?: number;
}

/** Returns the image with its hole synthesised from the source region (3 floats per pixel). */
export function synthesize(input: SynthesisInput, opts: SynthesisOptions = {}): Float32Array {
  const G = input.guide ? input.guideChannels ?? 1 : 0;
  const patch = opts.patch ?? 7;
  const coarsest = opts.coarsest ?? 40;
  const random = mulberry(opts.seed ?? 1);
  // pyramid: level 0 = full size
  const levels: Level[] = [{ w: input.width, h: input.height, colour: input.colour.slice(), hole: input.hole, source: sourceMask(input.source, input.hole), guide: input.guide ?? new Float32Array(0) }];
  while (Math.max(levels[levels.length - 1]!.w, levels[levels.length - 1]!.h) > coarsest * 1.5) levels.push(halve(levels[levels.length - 1]!, G));
  let holeAny = false;
  for (let i = 0; i < input.hole.length && !holeAny; i++) holeAny = input.hole[i] === 1;
  if (!holeAny) return input.colour.slice();

  const radiusAt = (L: Level) => Math.max(1, Math.min(patch >> 1, Math.floor(Math.min(L.w, L.h) / 16)));
  // start at the coarsest level that still has enough whole source patches
  // (a thin strip of background may hold whole patches only at finer levels; coarse levels then
  // use 3x3 patches)
  let start = levels.length - 1;
  const radii = levels.map((L) => radiusAt(L));
  while (start > 0 && validCentres(levels[start]!, radii[start]!).length < 64) {
    if (radii[start]! > 1) radii[start] = 1;
    else start--;
  }
  const pwAt = (L: Level) => (opts.positionWeight ?? 0) * (input.width / L.w);
  const reuse = opts.reuse ?? 300;
  let nnf: Int32Array | null = null;
  for (let k = start; k >= 0; k--) {
    const L = levels[k]!;
    const cost: MatchCost = { r: radii[k]!, G, pw: pwAt(L), reuse, reuseCap: opts.reuseCap ?? 6, reuseScale: textureStrength(L, radii[k]!) };
    const valid = validCentres(L, cost.r);
    if (valid.length === 0) return smoothFill(input);
    const active = activeTargets(L, cost.r);
    if (nnf === null) {
      nnf = randomField(L, active, valid, random);
      onionPeel(L, nnf, valid, cost);
    } else {
      nnf = upsampleField(nnf, levels[k + 1]!, L, active, valid, cost.r, random);
      // the finest level costs no search: it votes from the upsampled matches over a small
      // window (whole patches would blur texture, single pixels would show 2x2 blocks)
      vote(L, nnf, active, k === 0 ? Math.min(cost.r, 2) : cost.r, false);
    }
    if (k === 0 && start > 0) {
      // ...except along the hole's border, where a seam would show: one search there
      const band = borderBand(L, cost.r + 6);
      search(L, nnf, band, valid, { ...cost, pw: opts.positionWeight ?? 0 }, random, 4);
      vote(L, nnf, active, Math.min(cost.r, 2), false);
      break;
    }
    const iterations = k <= 1 ? 1 : 3;
    for (let it = 0; it < iterations; it++) {
      search(L, nnf, active, valid, cost, random, 6);
      vote(L, nnf, active, cost.r, k === 0 && it === iterations - 1);
    }
  }
  return levels[0]!.colour;
}

/** A centre may be a source when its whole patch is source: computed per level in validCentres. */
function sourceMask(source: Uint8Array, hole: Uint8Array): Uint8Array {
  const m = new Uint8Array(source.length);
  for (let i = 0; i < m.length; i++) m[i] = source[i] && !hole[i] ? 1 : 0;
  return m;
}

/** 2x box downsampling; a coarse pixel is hole if any fine one is, source only if all are. */
function halve(f: Level, G: number): Level {
  const w = Math.max(1, f.w >> 1), h = Math.max(1, f.h >> 1);
  const colour = new Float32Array(w * h * 3), hole = new Uint8Array(w * h), source = new Uint8Array(w * h), guide = new Float32Array(w * h * G);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const o = y * w + x;
    let known = 0, anyHole = 0, allSource = 1;
    const acc = [0, 0, 0];
    for (let q = 0; q < 4; q++) {
      const fx = Math.min(f.w - 1, x * 2 + (q & 1)), fy = Math.min(f.h - 1, y * 2 + (q >> 1));
      const j = fy * f.w + fx;
      if (f.hole[j]) anyHole = 1;
      else { known++; for (let c = 0; c < 3; c++) acc[c]! += f.colour[j * 3 + c]!; }
      if (!f.source[j]) allSource = 0;
      for (let g = 0; g < G; g++) guide[o * G + g]! += f.guide[j * G + g]! / 4;
    }
    hole[o] = anyHole;
    source[o] = allSource && !anyHole ? 1 : 0;
    if (known) for (let c = 0; c < 3; c++) colour[o * 3 + c] = acc[c]! / known;
  }
  return { w, h, colour, hole, source, guide };
}

/** Patch centres whose whole patch lies inside the image and in the source region. */
function validCentres(L: Level, r: number): Int32Array {
  const notSource = new Uint8Array(L.w * L.h);
  for (let i = 0; i < notSource.length; i++) notSource[i] = L.source[i] ? 0 : 1;
  const bad = dilate(notSource, L.w, L.h, r);
  const out: number[] = [];
  for (let y = r; y < L.h - r; y++) for (let x = r; x < L.w - r; x++) if (!bad[y * L.w + x]) out.push(y * L.w + x);
  return Int32Array.from(out);
}

/** Target centres whose patch touches the hole (their matches decide the hole's colours). */
function activeTargets(L: Level, r: number): Int32Array {
  const near = dilate(L.hole, L.w, L.h, r);
  const out: number[] = [];
  for (let i = 0; i < near.length; i++) if (near[i]) out.push(i);
  return Int32Array.from(out);
}

/** Hole pixels within `reach` of a known pixel (a 4-neighbour flood from the known region). */
function borderBand(L: Level, reach: number): Int32Array {
  const known = new Uint8Array(L.w * L.h);
  for (let i = 0; i < known.length; i++) known[i] = L.hole[i] ? 0 : 1;
  const near = dilate(known, L.w, L.h, reach);
  const out: number[] = [];
  for (let i = 0; i < near.length; i++) if (near[i] && L.hole[i]) out.push(i);
  return Int32Array.from(out);
}

/** Coarsest level: a smooth push-pull fill as the first guess of the hole's colours. */
function initColour(L: Level): void {
  const n = L.w * L.h;
  const img = { width: L.w, height: L.h, data: new Uint8ClampedArray(n * 4) };
  for (let i = 0; i < n; i++) { for (let c = 0; c < 3; c++) img.data[i * 4 + c] = L.colour[i * 3 + c]!; img.data[i * 4 + 3] = 255; }
  const filled = fillHole(img, L.hole, 1);
  for (let i = 0; i < n; i++) if (L.hole[i]) for (let c = 0; c < 3; c++) L.colour[i * 3 + c] = filled.data[i * 4 + c]!;
}

function smoothFill(input: SynthesisInput): Float32Array {
  const L: Level = { w: input.width, h: input.height, colour: input.colour.slice(), hole: input.hole, source: input.source, guide: new Float32Array(0) };
  initColour(L);
  return L.colour;
}

/** nnf[i] = source centre index for target pixel i (-1 when i is not active). */
function randomField(L: Level, active: Int32Array, valid: Int32Array, random: () => number): Int32Array {
  const nnf = new Int32Array(L.w * L.h).fill(-1);
  for (const i of active) nnf[i] = valid[Math.floor(random() * valid.length)]!;
  return nnf;
}

function upsampleField(coarse: Int32Array, C: Level, L: Level, active: Int32Array, valid: Int32Array, r: number, random: () => number): Int32Array {
  const ok = new Uint8Array(L.w * L.h);
  for (const v of valid) ok[v] = 1;
  const nnf = new Int32Array(L.w * L.h).fill(-1);
  for (const i of active) {
    const x = i % L.w, y = (i - x) / L.w;
    const cx = Math.min(C.w - 1, x >> 1), cy = Math.min(C.h - 1, y >> 1);
    const m = coarse[cy * C.w + cx]!;
    let s = -1;
    if (m >= 0) {
      const mx = m % C.w, my = (m - mx) / C.w;
      const sx = Math.min(L.w - 1 - r, Math.max(r, mx * 2 + (x & 1))), sy = Math.min(L.h - 1 - r, Math.max(r, my * 2 + (y & 1)));
      if (ok[sy * L.w + sx]) s = sy * L.w + sx;
    }
    nnf[i] = s >= 0 ? s : valid[Math.floor(random() * valid.length)]!;
  }
  return nnf;
}

/**
 * How visible a repeat of the patch at each pixel would be, 0..1: the mean absolute luminance step
 * over the patch, from 1.5 levels per pixel (a plain backdrop: repeats unseen) to 5 (foliage,
 * hair, weave: repeats show). Steps are per pixel of this level, so coarse levels read stronger.
 */
function textureStrength(L: Level, r: number): Float32Array {
  const { w, h, colour } = L;
  const lum = (i: number) => 0.3 * colour[i * 3]! + 0.59 * colour[i * 3 + 1]! + 0.11 * colour[i * 3 + 2]!;
  const step = new Float32Array(w * h);
  for (let y = 0; y < h - 1; y++) for (let x = 0; x < w - 1; x++) {
    const i = y * w + x;
    if (L.source[i] && L.source[i + 1] && L.source[i + w]) step[i] = Math.abs(lum(i + 1) - lum(i)) + Math.abs(lum(i + w) - lum(i));
  }
  return boxBlur(step, w, h, r).map((v) => 0.25 + 0.75 * smoothstep(1.5, 5, v));
}

/** Seeded random numbers (seed 0 reads as 1, as this module always did). */
const mulberry = (seed: number) => mulberry32(seed >>> 0 || 1);

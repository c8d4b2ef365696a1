// The opened lower lip's tone (lowlip35, session 35: mt_man's "swollen, flat, pale pink lower lip",
// critic33/34). Open, the lip's texture slides off the photo's slit (lipTexture.ts) and its shade is
// lifted toward its lit front (lowerLipLight.ts): on a photo whose lower lip lies in the upper lip's
// shade down to .4 of its depth (mt_man) the whole drawn lip became the photo's pale front, evenly lit,
// lighter and paler than the photo's own lip (luma 1.09-1.13x, R/G .94-.96x). Real speakers' open
// lower lips keep their closed lip's colour within a few % (lp_d10 luma 1.04 / R/G 1.02, Katie 1.03 /
// .98, lp_d6 .90 / 1.03) and darken toward the inner line where they roll in (lp_d6). So the lip's
// body, as a full opening draws it, is given back the photo's own lip colour (per channel: its luma and
// its red), all of the change laid in a band that is whole at the inner line and gone by BAND_TO of the
// lip's depth: a darker, redder wet band over the lit front. A gain on each pixel: its grain, gloss and
// creases are kept, only their level moves; a lip already as the photo's (st_happy) is left as it is.
// Depth is the mesh's: a pixel's place between the lip's rows (inner line .. outer contour), at rest and
// where the full opening's slid rows draw it.
import { smoothstep } from '../../math/smooth.ts';
import { LANDMARK_COUNT, LIP_COLUMNS_LOWER as LOWER } from '../../rig/topology.ts';
import { lipSlideShares, slideLipTexture } from './lipTexture.ts';

/** the lip's body, where its colour is matched to the photo's (depth from the inner line; bench/lowerLipFigures.ts lowerLipColour reads the same) */
const BODY = [0.25, 0.75] as const;
/** the change is whole at the inner line and falls to BASE of it by this depth of the drawn lip (lp_d6's roll-in darkens .7 of it) ... */
const BAND_TO = 0.75;
/** ... the rest of the lip takes this share of it (a band alone had to be near black at the line to bring mt_man's body down) ... */
const BASE = 0.3;
/** ... and none from the second of these depths on (the lip's edge against the skin under it stays the photo's) */
const EDGE_FROM = 0.8, EDGE_TO = 1;
/** at the inner line the channels' gains stay over GAIN_MIN (scaled together, so the lip's red is kept), and the tone never lightens (a lip already as the photo's, st_happy, is left) */
const GAIN_MIN = 0.65;
/** the colours are read across the middle of the mouth (share of its half-width) ... */
const READ_SIDE = 0.5;
/** ... and the tone fades out toward the corners as the lift does (their pixels are skin and the corners' shade) */
const SIDE_FROM = 0.55, SIDE_AT = 0.9;
/** below this lip thickness (texture px) there is no depth to shade */
const LEAST_THICKNESS = 4;

/** The share of the change at drawn depth s (1 at the inner line and above it). */
export const bandShare = (s: number) => (BASE + (1 - BASE) * (1 - smoothstep(0, BAND_TO, s))) * (1 - smoothstep(EDGE_FROM, EDGE_TO, s));

/**
 * Each channel's gain at the inner line (1 + a; bandShare(s) of a at depth s) that brings the drawn
 * body's mean to the photo's: photoMean the photo's body mean, drawnSum / bandSum the drawn body's sums of
 * c and c * bandShare(s) over n pixels. Never over 1; where one would fall under GAIN_MIN all three
 * changes are scaled down together.
 */
export function bandGains(photoMean: readonly number[], drawnSum: readonly number[], bandSum: readonly number[], n: number): [number, number, number] {
  const a = [0, 1, 2].map((ch) => (bandSum[ch]! > 0 ? Math.min(0, (photoMean[ch]! * n - drawnSum[ch]!) / bandSum[ch]!) : 0));
  const most = -Math.min(...a), k = most > 1 - GAIN_MIN ? (1 - GAIN_MIN) / most : 1;
  return [1 + k * a[0]!, 1 + k * a[1]!, 1 + k * a[2]!];
}

type Pt = readonly [number, number];

/** The lip rows (inner .. outer contour, each corner to corner without the corners) and what one row's depth is, per column. */
export interface LipRows {
  /** rows 0..3 at rest (texture px) */
  readonly rest: readonly (readonly Pt[])[];
  /** the same rows as the full opening samples them (lipTexture.ts slideLipTexture at open 1) */
  readonly slid: readonly (readonly Pt[])[];
}

/** Each row's depth per column: its place along the column from the inner row (0) to the outer contour (1), at rest. */
export function rowDepths(rest: readonly (readonly Pt[])[]): number[][] {
  const inner = rest[0]!, outer = rest[rest.length - 1]!;
  return rest.map((row, r) => row.map(([x, y], c) => {
    if (r === 0) return 0;
    if (r === rest.length - 1) return 1;
    const [ax, ay] = inner[c]!, [bx, by] = outer[c]!, ex = bx - ax, ey = by - ay, len2 = ex * ex + ey * ey;
    return len2 > 0 ? Math.min(1, Math.max(0, ((x - ax) * ex + (y - ay) * ey) / len2)) : r / (rest.length - 1);
  }));
}

/**
 * The depth at each pixel of a box (x0, y0, w, h) covered by the quad grid of `rows` (rows x columns,
 * texture px) with `depth` at its vertices, interpolated over each triangle; NaN where no quad covers it.
 */
export function depthField(rows: readonly (readonly Pt[])[], depth: number[][], x0: number, y0: number, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h).fill(NaN);
  const tri = (a: Pt, b: Pt, c: Pt, da: number, db: number, dc: number) => {
    const det = (b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1]);
    if (Math.abs(det) < 1e-9) return;
    const xa = Math.max(0, Math.floor(Math.min(a[0], b[0], c[0]) - x0)), xb = Math.min(w - 1, Math.ceil(Math.max(a[0], b[0], c[0]) - x0));
    const ya = Math.max(0, Math.floor(Math.min(a[1], b[1], c[1]) - y0)), yb = Math.min(h - 1, Math.ceil(Math.max(a[1], b[1], c[1]) - y0));
    for (let y = ya; y <= yb; y++) for (let x = xa; x <= xb; x++) {
      const px = x0 + x + 0.5, py = y0 + y + 0.5;
      const u = ((px - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (py - a[1])) / det;
      const v = ((b[0] - a[0]) * (py - a[1]) - (px - a[0]) * (b[1] - a[1])) / det;
      if (u < -1e-6 || v < -1e-6 || u + v > 1 + 1e-6) continue;
      out[y * w + x] = da + u * (db - da) + v * (dc - da);
    }
  };
  for (let r = 0; r + 1 < rows.length; r++) for (let c = 0; c + 1 < rows[r]!.length; c++) {
    const p00 = rows[r]![c]!, p01 = rows[r]![c + 1]!, p10 = rows[r + 1]![c]!, p11 = rows[r + 1]![c + 1]!;
    const d00 = depth[r]![c]!, d01 = depth[r]![c + 1]!, d10 = depth[r + 1]![c]!, d11 = depth[r + 1]![c + 1]!;
    tri(p00, p01, p10, d00, d01, d10);
    tri(p01, p11, p10, d01, d11, d10);
  }
  return out;
}

/**
 * The lower lip's pixels toned by depth. `photo`: the texture before any lift (RGBA); `lifted`: the
 * lift's pixels and colours (lowerLipLight.ts; the rest of the lip keeps the photo's); rows: the lip's
 * rows at rest and as the full opening samples them; midX / halfWidth: the mouth's middle and half-width
 * (texture px). Returns every toned pixel with its colour at a full opening (the lift's own pixels too).
 */
export function toneLowerLip(photo: Uint8ClampedArray, width: number, height: number, lifted: { pixels: Int32Array; lifted: Uint8ClampedArray }, rows: LipRows, midX: number, halfWidth: number): { pixels: Int32Array; lifted: Uint8ClampedArray } {
  const rest = rows.rest, all = [...rest, ...rows.slid].flat();
  const x0 = Math.max(0, Math.floor(Math.min(...all.map((p) => p[0])))), x1 = Math.min(width - 1, Math.ceil(Math.max(...all.map((p) => p[0]))));
  const y0 = Math.max(0, Math.floor(Math.min(...all.map((p) => p[1])))), y1 = Math.min(height - 1, Math.ceil(Math.max(...all.map((p) => p[1]))));
  const w = x1 - x0 + 1, h = y1 - y0 + 1;
  const mid = rest[0]!.length >> 1, [ix, iy] = rest[0]![mid]!, [ox, oy] = rest[rest.length - 1]![mid]!;
  if (w < 2 || h < 2 || Math.hypot(ox - ix, oy - iy) < LEAST_THICKNESS) return lifted;
  const depths = rowDepths(rest);
  // (the slid rows' vertices keep their rest depths: where a pixel is drawn, not where it lies)
  const tRest = depthField(rest, depths, x0, y0, w, h), sDrawn = depthField(rows.slid, depths, x0, y0, w, h);
  // the colour each pixel has at a full opening before the tone: the lift's, else the photo's
  const liftAt = new Int32Array(w * h).fill(-1);
  for (let q = 0; q < lifted.pixels.length; q++) {
    const p = lifted.pixels[q]!, x = (p % width) - x0, y = Math.floor(p / width) - y0;
    if (x >= 0 && y >= 0 && x < w && y < h) liftAt[y * w + x] = q;
  }
  const rgb: [number, number, number] = [0, 0, 0];
  const photoAt = (k: number) => { const o = ((y0 + Math.floor(k / w)) * width + x0 + (k % w)) * 4; rgb[0] = photo[o]!; rgb[1] = photo[o + 1]!; rgb[2] = photo[o + 2]!; return rgb; };
  const openAt = (k: number) => { const q = liftAt[k]!; if (q < 0) return photoAt(k); rgb[0] = lifted.lifted[q * 3]!; rgb[1] = lifted.lifted[q * 3 + 1]!; rgb[2] = lifted.lifted[q * 3 + 2]!; return rgb; };
  const sideOf = (k: number) => Math.abs(x0 + (k % w) + 0.5 - midX) / Math.max(1, halfWidth);
  // (a pixel above the slid inner row is not drawn at a full opening; on the way there it is drawn at the line)
  const drawnAt = (k: number) => (sDrawn[k]! >= 0 ? sDrawn[k]! : 0);
  // the photo's lip body, and the body a full opening draws (its pixels' colours and their band shares)
  const photoSum = [0, 0, 0], drawnSum = [0, 0, 0], bandSum = [0, 0, 0];
  let nPhoto = 0, nDrawn = 0;
  for (let k = 0; k < w * h; k++) {
    if (!(tRest[k]! >= 0 && tRest[k]! <= 1) || sideOf(k) >= READ_SIDE) continue;
    if (tRest[k]! >= BODY[0] && tRest[k]! <= BODY[1]) { const c = photoAt(k); for (let ch = 0; ch < 3; ch++) photoSum[ch]! += c[ch]!; nPhoto++; }
    const s = drawnAt(k);
    if (s >= BODY[0] && s <= BODY[1]) { const c = openAt(k), b = bandShare(s); for (let ch = 0; ch < 3; ch++) { drawnSum[ch]! += c[ch]!; bandSum[ch]! += c[ch]! * b; } nDrawn++; }
  }
  if (nPhoto === 0 || nDrawn === 0) return lifted;
  const gains = bandGains(photoSum.map((v) => v / nPhoto), drawnSum, bandSum, nDrawn);
  const pixels: number[] = [], colours: number[] = [];
  const done = new Uint8Array(lifted.pixels.length);
  for (let k = 0; k < w * h; k++) {
    if (!(tRest[k]! >= 0 && tRest[k]! <= 1)) continue;
    const share = bandShare(drawnAt(k)) * (1 - smoothstep(SIDE_FROM, SIDE_AT, sideOf(k)));
    if (share <= 0) continue;
    const c = openAt(k), q = liftAt[k]!;
    pixels.push((y0 + Math.floor(k / w)) * width + x0 + (k % w));
    for (let ch = 0; ch < 3; ch++) colours.push(c[ch]! * (1 + (gains[ch]! - 1) * share));
    if (q >= 0) done[q] = 1;
  }
  // the lift's pixels the tone does not reach (past the outer contour, at the corners) as the lift has them
  for (let q = 0; q < lifted.pixels.length; q++) if (!done[q]) { pixels.push(lifted.pixels[q]!); colours.push(lifted.lifted[q * 3]!, lifted.lifted[q * 3 + 1]!, lifted.lifted[q * 3 + 2]!); }
  return { pixels: Int32Array.from(pixels), lifted: Uint8ClampedArray.from(colours) };
}

/** The tone on (the opened lower lip's level by depth); off, the lift alone as before session 35. */
export const LOWER_LIP_TONE = true;

/**
 * The lift's pixels and colours with the opened lip's tone (LowerLipLight's hook): the lip's rows read
 * from the texture's landmarks, the full opening's slide as lipTexture.ts makes it.
 */
export function toneOpenLowerLip(data: Uint8ClampedArray, width: number, height: number, lift: { pixels: Int32Array; lifted: Uint8ClampedArray }, landmarkXY: (i: number) => [number, number]): { pixels: Int32Array; lifted: Uint8ClampedArray } {
  if (!LOWER_LIP_TONE) return lift;
  const uv = new Float32Array(LANDMARK_COUNT * 2), uvOpen = new Float32Array(LANDMARK_COUNT * 2);
  for (let i = 0; i < LANDMARK_COUNT; i++) { const [x, y] = landmarkXY(i); uv[i * 2] = x; uv[i * 2 + 1] = y; }
  uvOpen.set(uv);
  slideLipTexture(uv, uvOpen, 1, lipSlideShares({ width, height, data }, uv), 0);
  const rowsOf = (u: Float32Array) => LOWER.map((row) => row.map((i): Pt => [u[i * 2]!, u[i * 2 + 1]!]));
  const lx = uv[61 * 2]!, rx = uv[291 * 2]!;
  return toneLowerLip(data, width, height, lift, { rest: rowsOf(uv), slid: rowsOf(uvOpen) }, 0.5 * (lx + rx), Math.max(1, 0.5 * Math.abs(rx - lx)));
}

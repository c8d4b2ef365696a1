// Translucent specks inside a turned person layer (issue #15, s48 jawnotch48: lp_s12 at +25, a 3x4 px speck of alpha
// 127-160 in opaque skin a few pixels inside the far jaw's outline at (214, 330)).
//
// The head sheet's first band past a turned far jaw samples the photo's soft matte ramp; where the face mesh and the
// outline's slivers leave a few of its pixels showing, they read half transparent inside skin. pinholeFill.ts closes
// one-pixel holes only. Here a run of up to SPECK_RUN pixels on a row or a column, between two opaque ends and none
// less than translucent (alpha >= SPECK_MIN_ALPHA: a gap between strands of hair is clear, so kept), whose alpha falls
// well below the line between its ends, takes that line's colour (premultiplied). Reads the layer as it was.
import type { PixelBox } from './pinholeFill.ts';
import { farOval } from './farSeam.ts';
import { distanceToPolyline } from '../math/polygon.ts';

/** Switch for the pass (one option per setting; default off, see below). */
// Still off by default (s49 fastcomb49): s48 measured ~1.5 ms (specklessFill) / ~1 ms (jawComb) a turned frame of
// ordinary head motion; with no per-pixel allocation and only the rows/columns the far jaw / oval can reach (same bytes)
// both together take ~2 % of a lp_s42 frame timed in place (~.25-.3 ms of 11.9), but bench/renderAB.ts lp_s42 still
// reads +.6 ms a frame (median of 8 runs, both orders, load ~20): over the ~.3 ms bar set for turning them on.
export const specklessFillSetting = { on: false };
/** Longest run filled (pixels). */
export const SPECK_RUN = 4;
/** Both ends at least this opaque (alpha 0-255). */
export const SPECK_END_ALPHA = 192;
/** Every pixel of the run at least this opaque: a clear gap is a real gap. */
export const SPECK_MIN_ALPHA = 96;
/** The run's deepest pixel at least this far below the ends' line. */
export const SPECK_DEPTH = 40;

const ch = (c: number, s: number) => (c >>> s) & 0xff;
/** Packed premultiplied colour between c (t = 0) and d (t = 1). */
export function lerpColor(c: number, d: number, t: number): number {
  let out = 0;
  for (const s of [0, 8, 16, 24]) out |= Math.round(ch(c, s) + (ch(d, s) - ch(c, s)) * t) << s;
  return out >>> 0;
}

/** Runs along one line of `n` pixels, the k-th at index start + k step. Pushes (index, colour) fills. */
function lineSpecks(color: Uint32Array, start: number, step: number, n: number, fills: number[]): void {
  for (let k = 0; k + 2 < n; k++) {
    const l = color[start + k * step]!, al = l >>> 24;
    if (al < SPECK_END_ALPHA || color[start + (k + 1) * step]! >>> 24 >= al) continue;
    let e = k + 1, lowest = 255, clear = false;
    while (e < n && e - k - 1 <= SPECK_RUN && color[start + e * step]! >>> 24 < SPECK_END_ALPHA) {
      const a = color[start + e * step]! >>> 24;
      if (a < SPECK_MIN_ALPHA) clear = true;
      lowest = Math.min(lowest, a);
      e++;
    }
    const run = e - k - 1;
    if (clear || run < 1 || run > SPECK_RUN || e >= n) continue;
    const r = color[start + e * step]!;
    if (Math.min(al, r >>> 24) - lowest < SPECK_DEPTH) continue;
    for (let q = 1; q <= run; q++) fills.push(start + (k + q) * step, lerpColor(l, r, q / (run + 1)));
    k = e - 1;
  }
}

/**
 * Where a pass scans within a box: per row y (index y - box.y0) the columns lo..hi, per column x (index x - box.x0) the
 * rows lo..hi, inclusive (empty when lo > hi). A run is found from its own pixels and its two ends only, so a span that
 * holds every pixel `near` allows, widened by SPECK_RUN + 1 each way, finds the same fills as the whole line.
 */
export interface ScanSpans { rowLo: Int32Array; rowHi: Int32Array; colLo: Int32Array; colHi: Int32Array }

/** Columns worth a scan (fillSpecks with spans; reused). */
let colMark = new Uint8Array(0);

/**
 * In place on packed premultiplied colours, W x H, within `box` (inclusive): fills translucent specks, only pixels `near`
 * allows (the far oval: the photo's own soft matte elsewhere, a wisp of hair at the temple, an ear's rim, is kept), scanning
 * only `spans` of the box's rows and columns when given. Returns the count filled.
 */
export function fillSpecks(color: Uint32Array, W: number, H: number, box: PixelBox, near: (x: number, y: number) => boolean = () => true, spans?: ScanSpans): number {
  const x0 = Math.max(0, box.x0), x1 = Math.min(W - 1, box.x1), y0 = Math.max(0, box.y0), y1 = Math.min(H - 1, box.y1);
  const fills: number[] = [];
  // with spans, the columns holding a translucent pixel (a run's own) within the rows' spans: a column run's fills are
  // in the band, so in those spans; no other column can give one
  if (spans && colMark.length < x1 - x0 + 1) colMark = new Uint8Array(x1 - x0 + 1);
  if (spans) colMark.fill(0, 0, x1 - x0 + 1);
  for (let y = y0; y <= y1; y++) {
    const lo = spans ? Math.max(x0, spans.rowLo[y - box.y0]!) : x0, hi = spans ? Math.min(x1, spans.rowHi[y - box.y0]!) : x1;
    if (hi > lo) lineSpecks(color, y * W + lo, 1, hi - lo + 1, fills);
    if (spans) for (let x = lo; x <= hi; x++) { const a = color[y * W + x]! >>> 24; if (a >= SPECK_MIN_ALPHA && a < SPECK_END_ALPHA) colMark[x - x0] = 1; }
  }
  for (let x = x0; x <= x1; x++) {
    if (spans && !colMark[x - x0]) continue;
    const lo = spans ? Math.max(y0, spans.colLo[x - box.x0]!) : y0, hi = spans ? Math.min(y1, spans.colHi[x - box.x0]!) : y1;
    if (hi > lo) lineSpecks(color, lo * W + x, W, hi - lo + 1, fills);
  }
  // a pixel in both a row's and a column's run takes the more opaque fill
  const best = new Map<number, number>();
  for (let k = 0; k < fills.length; k += 2) {
    const i = fills[k]!, c = fills[k + 1]!, had = best.get(i);
    if (!near(i % W, (i / W) | 0)) continue;
    if (had === undefined || c >>> 24 > had >>> 24) best.set(i, c);
  }
  for (const [i, c] of best) color[i] = c;
  return best.size;
}

/**
 * The spans of `box` that can hold a pixel within `reach` of the polyline (each segment's box widened by the reach: a
 * superset of the band), widened by SPECK_RUN + 2 along the scan so a speck's ends are in too.
 */
export function bandSpans(line: [number, number][], reach: number, box: PixelBox): ScanSpans {
  const rows = Math.max(0, box.y1 - box.y0 + 1), cols = Math.max(0, box.x1 - box.x0 + 1), pad = SPECK_RUN + 2;
  const rowLo = new Int32Array(rows).fill(2 ** 30), rowHi = new Int32Array(rows).fill(-(2 ** 30));
  const colLo = new Int32Array(cols).fill(2 ** 30), colHi = new Int32Array(cols).fill(-(2 ** 30));
  for (let k = 0; k + 1 < line.length; k++) {
    const [ax, ay] = line[k]!, [bx, by] = line[k + 1]!;
    // pixel centres (x + .5, y + .5) within the segment's box widened by the reach
    const px0 = Math.floor(Math.min(ax, bx) - reach - 0.5), px1 = Math.ceil(Math.max(ax, bx) + reach - 0.5);
    const py0 = Math.floor(Math.min(ay, by) - reach - 0.5), py1 = Math.ceil(Math.max(ay, by) + reach - 0.5);
    for (let y = Math.max(box.y0, py0); y <= Math.min(box.y1, py1); y++) {
      const j = y - box.y0;
      rowLo[j] = Math.min(rowLo[j]!, px0 - pad); rowHi[j] = Math.max(rowHi[j]!, px1 + pad);
    }
    for (let x = Math.max(box.x0, px0); x <= Math.min(box.x1, px1); x++) {
      const j = x - box.x0;
      colLo[j] = Math.min(colLo[j]!, py0 - pad); colHi[j] = Math.max(colHi[j]!, py1 + pad);
    }
  }
  return { rowLo, rowHi, colLo, colHi };
}

/** The far oval's landmarks of a turn by `yaw` (farSeam.ts's temple-to-jaw-corner run) and on down the jaw to the chin's side. */
export function farOvalAndJaw(yaw: number): number[] {
  return yaw > 0 ? [...farOval(yaw), 136, 150, 149] : [...farOval(yaw), 365, 379, 378];
}

/** How far from the far oval (face widths on screen) specks are filled: the sheet's band the turn shows there. */
export const SPECK_REACH = 0.06;

/** The pass on a frame turned by `yaw` (relative to the photo): specks within SPECK_REACH of the far oval and jaw (screen landmarks sx, sy). */
export function specklessPass(color: Uint32Array, W: number, H: number, box: PixelBox, sx: Float32Array, sy: Float32Array, yaw: number, faceWidth: number): number {
  if (!specklessFillSetting.on || yaw === 0) return 0;
  const line = farOvalAndJaw(yaw).map((i): [number, number] => [sx[i]!, sy[i]!]), reach = SPECK_REACH * faceWidth;
  return fillSpecks(color, W, H, box, (x, y) => distanceToPolyline(x + 0.5, y + 0.5, line) <= reach, bandSpans(line, reach, box));
}

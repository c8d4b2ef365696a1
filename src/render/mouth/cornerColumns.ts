// The lips' corner columns stretched by a wide opening (s55 cut55, issue #13; critic54 worst #4: lp_s42 <- christie
// f6/f34/f109 "a straight dark diagonal cutting through the lower lip at the image-left corner").
// Each lip's first column in from a corner (the inner row's 95 / 324 below, 191 / 415 above, and the middle rows'
// beside them) lies in the photo a few pixels from the commissure, where the lips are thinnest and often no lip
// colour at all: the skin past the corner, the slit's shade, or a gradient tint's pale ends (lp_s42's lips are red
// only in their middle two thirds). A wide opening drops the lower lip's corner column .09-.11 IOD from the corner
// (2-2.7 x its photo length) while the corner stays: that sliver of photo is stretched over a tall wedge of lip, a
// pale patch along the opening whose edge, where the photo's red begins, runs straight along the next mesh column
// across the lip. So as far as a corner column is stretched past its photo length, it samples the lip one column in
// (and that column half a column further in): the lip's colour reaches the corner, fading to the commissure's skin
// over the corner's own triangles (whose corner vertex lipTexture.ts keeps sampling past the outer corner). The outer
// contour keeps its texture (its vertices also carry the skin round the lips). Only the texture coordinates change.
import { LIP_COLUMNS_LOWER, LIP_COLUMNS_UPPER } from '../../rig/topology.ts';
import { smoothstep } from '../../math/smooth.ts';
import type { TextureSource } from '../textureSample.ts';

/**
 * on: the pull (off: main's texture); from / full: the corner column's length over its photo length where the pull
 * begins and where it is whole; floor: the photo length (IOD) a ratio is taken against at least (a corner column the
 * photo drew .01 IOD long is not "stretched 7 x" by an ordinary opening); rows: the lip rows pulled, inner first (the
 * outer contour, row 3, never); darkFrom / darkFull: the wedge's light over the lip's where the pull begins / is whole
 * (wedgeShare).
 */
export const cornerColumnsSetting = { on: true, from: 1.5, full: 2.5, floor: 0.03, rows: 3, darkFrom: 0.5, darkFull: 0.65 };

/**
 * How much of the pull a corner keeps by its wedge's light over the lip's it would take (0..1): a wedge much darker
 * than the lip is the picture's own dark (lp_s12's beard round his corners: .36 of his lip) and stays; the lip's colour
 * pulled over it drew a light streak from the corner along the opening. lp_s42's wedge, the commissure's lifted
 * skin and the slit's grey (.8 of her lip), is pulled.
 */
export function wedgeShare(wedge: number, lip: number, s: { darkFrom: number; darkFull: number } = cornerColumnsSetting): number {
  return lip > 0 ? smoothstep(s.darkFrom, s.darkFull, wedge / lip) : 0;
}

/** Mean luma of the texture along the segment between two vertices' texture points (uv per vertex; nearest texel, 9 samples). */
export function segmentLuma(tex: TextureSource, uv: ArrayLike<number>, a: number, b: number): number {
  const W = tex.width, H = tex.height, d = tex.data32, N = 8;
  let sum = 0;
  for (let k = 0; k <= N; k++) {
    const t = k / N;
    const x = Math.min(W - 1, Math.max(0, Math.round(uv[a * 2]! + t * (uv[b * 2]! - uv[a * 2]!) - 0.5)));
    const y = Math.min(H - 1, Math.max(0, Math.round(uv[a * 2 + 1]! + t * (uv[b * 2 + 1]! - uv[a * 2 + 1]!) - 0.5)));
    const c = d[y * W + x]!;
    sum += 0.299 * (c & 255) + 0.587 * ((c >>> 8) & 255) + 0.114 * ((c >>> 16) & 255);
  }
  return sum / (N + 1);
}

/** The corners (inner-lip landmarks) image-left and image-right. */
const CORNERS = [78, 308] as const;

/** How far a corner column is stretched: its length in the frame over its length in the photo (both IOD), the photo's at least `floor`. */
export function cornerStretch(frameLen: number, photoLen: number, floor = cornerColumnsSetting.floor): number {
  const base = Math.max(floor, photoLen);
  return base > 0 && Number.isFinite(frameLen) ? frameLen / base : 0;
}

/** The share of a column it is pulled in (0 none .. 1 the next column's texture) at a stretch. */
export function cornerPull(stretch: number, s: { from: number; full: number } = cornerColumnsSetting): number {
  return stretch > s.from ? smoothstep(s.from, s.full, stretch) : 0;
}

/**
 * Pulls one lip's corner columns in at one side, in place: for each of `rows` rows (inner first) the corner
 * column takes `k` of the way to the next column's texture point, and that column half of `k` of the way to the one
 * after (the lip's texture compressed toward the corner, no two columns on one point). uv: per vertex (x, y).
 */
export function pullColumnsInto(uv: Float32Array, lipRows: readonly (readonly number[])[], side: 0 | 1, k: number, rows: number): void {
  if (!(k > 0)) return;
  for (let r = 0; r < Math.min(rows, lipRows.length); r++) {
    const ids = lipRows[r]!, n = ids.length;
    if (n < 3) continue;
    const a = ids[side === 0 ? 0 : n - 1]!, b = ids[side === 0 ? 1 : n - 2]!, c = ids[side === 0 ? 2 : n - 3]!;
    const bx = uv[b * 2]!, by = uv[b * 2 + 1]!;
    uv[a * 2] += k * (bx - uv[a * 2]!); uv[a * 2 + 1] += k * (by - uv[a * 2 + 1]!);
    uv[b * 2] = bx + 0.5 * k * (uv[c * 2]! - bx); uv[b * 2 + 1] = by + 0.5 * k * (uv[c * 2 + 1]! - by);
  }
}

/**
 * The frame's corner columns pulled in (uvNow, after lipTexture.ts slideLipTexture): per lip and side, the inner
 * row's corner column's stretch from the frame's projected points (sx, sy: output px; `unit` output px per IOD)
 * against the photo's (rest: crop px; `iod` crop px). Returns the four pulls [upper left, upper right, lower left,
 * lower right] (for the benches).
 */
export function pullCornerColumns(uvNow: Float32Array, sx: ArrayLike<number>, sy: ArrayLike<number>, unit: number, rest: ArrayLike<number>, iod: number, tex: TextureSource | null, s = cornerColumnsSetting): number[] {
  const pulls = [0, 0, 0, 0];
  if (!s.on || !tex || !(unit > 0) || !(iod > 0)) return pulls;
  for (const [li, lipRows] of [LIP_COLUMNS_UPPER, LIP_COLUMNS_LOWER].entries()) {
    const inner = lipRows[0]!;
    for (const side of [0, 1] as const) {
      const c = CORNERS[side], v = inner[side === 0 ? 0 : inner.length - 1]!;
      const frameLen = Math.hypot(sx[v]! - sx[c]!, sy[v]! - sy[c]!) / unit;
      const photoLen = Math.hypot(rest[v * 3]! - rest[c * 3]!, rest[v * 3 + 1]! - rest[c * 3 + 1]!) / iod;
      let k = cornerPull(cornerStretch(frameLen, photoLen, s.floor), s);
      if (k > 0) {
        // (the wedge: the corner's texture point to each row's corner column; the lip it would take: the next two columns)
        let wedge = 0, lip = 0;
        const rows = Math.min(s.rows, lipRows.length);
        for (let r = 0; r < rows; r++) {
          const ids = lipRows[r]!, n = ids.length;
          wedge += segmentLuma(tex, uvNow, c, ids[side === 0 ? 0 : n - 1]!) / rows;
          lip += segmentLuma(tex, uvNow, ids[side === 0 ? 1 : n - 2]!, ids[side === 0 ? 2 : n - 3]!) / rows;
        }
        k *= wedgeShare(wedge, lip, s);
      }
      pulls[li * 2 + side] = k;
      pullColumnsInto(uvNow, lipRows, side, k, s.rows);
    }
  }
  return pulls;
}

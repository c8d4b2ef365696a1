// How far the photo's iris really reaches beside its centre (iris41, critic40 #5). A cartoon eye's iris is far larger
// than the face mesh's iris ring (lp_s7: the blue reaches 13 px left and 18 px right of the mesh's centre on a ring of
// 12) and lighter toward its rim (light blue ~170 against a white of ~208). The white shown where a moved iris was
// (scleraBehind.ts) reads each row's white beside the iris from 1.1 rings out: on lp_s7's lower rows that is the
// iris's own light blue rim, so the white behind the moved iris was blue there: a blue hook or crescent under the
// moved iris (lp_s7 <- lp_d10 f84-91). The reach is read off the limbus: on each row near the centre and each side,
// the outermost pixel darker than half way from the iris to the white that has a lighter one just outside it, within
// REACH_MAX rings and the opening; per side the median over the rows. The white is read past it (whiteClearance), and
// the disc's matte counts the rim as iris by its colour against that white (colourIrisShare): the light rim moves too.
import { insidePolygon } from '../math/polygon.ts';
import { luma601 as lum } from '../math/colour.ts';
import { lumaOf } from './closedEye/lightCeiling.ts';

type Tex = { width: number; height: number; data: Uint8ClampedArray };

/** Rows within this share of the ring above and below the centre are walked. */
const ROWS = 0.5;
/** The walk runs from this share of the ring out to REACH_MAX (a limbus further out is the eye's corner). */
const WALK_FROM = 0.5, REACH_MAX = 1.7;
/** A side's reach counts when it passes the white's clearance the mesh's ring gives (scleraBehind.ts) by this many px: a big iris the mesh missed. */
export const BIG_IRIS_PX = 1.5;
/**
 * For a big iris, a pixel is iris by colour from this RGB distance to the white shown behind it (a share of that
 * white's luminance), all iris at COLOUR_ALL: lp_s7's light blue rim sits ~.25 from its white, the white's grain under .1.
 */
export const COLOUR_NONE = 0.12, COLOUR_ALL = 0.22;

/** How much packed RGBA pixel `p` is iris by its colour distance to the packed white `w` behind it (0..1). */
export function colourIrisShare(p: number, w: number): number {
  const d = Math.hypot((p & 255) - (w & 255), ((p >>> 8) & 255) - ((w >>> 8) & 255), ((p >>> 16) & 255) - ((w >>> 16) & 255));
  const wl = Math.max(1, lumaOf(w));
  return Math.min(1, Math.max(0, (d / wl - COLOUR_NONE) / (COLOUR_ALL - COLOUR_NONE)));
}

/** Per side (image left, right), how far from the centre the white behind the iris is not read: `clear` (px), or the iris's reach on that side where it passes clear by BIG_IRIS_PX. */
export function whiteClearance(reach: IrisReach | null, clear: number): [number, number] {
  return [0, 1].map((s) => (reach && reach.sides[s]! > clear + BIG_IRIS_PX ? reach.sides[s]! + 0.5 : clear)) as [number, number];
}

export interface IrisReach {
  /** the mesh's iris centre (texture px) and the reach measured from it: the larger side's, and each side's (image left, right) */
  cx: number; cy: number; r: number; sides: [number, number];
  /** the iris's mean colour (its pixels found on the walk) and the rows' white beside it (RGB) */
  irisColour: number[]; white: number[];
  /** whether texel (x, y) lies inside the opening */
  inside(x: number, y: number): boolean;
}

const rgbAt = (tex: Tex, x: number, y: number) => { const o = (y * tex.width + x) * 4; return [tex.data[o]!, tex.data[o + 1]!, tex.data[o + 2]!]; };

/** The photo's iris reach round the mesh's centre (cx, cy) with ring radius `ring`, in the opening `poly`; null when no row reads. */
export function irisReach(tex: Tex, poly: [number, number][], cx: number, cy: number, ring: number): IrisReach | null {
  const inside = (x: number, y: number) => x >= 0 && y >= 0 && x < tex.width && y < tex.height && insidePolygon(x + 0.5, y + 0.5, poly);
  const sides: number[][] = [[], []], irisPx: number[][] = [], whitePx: number[][] = [];
  for (let y = Math.floor(cy - ROWS * ring); y <= Math.ceil(cy + ROWS * ring); y++) {
    for (const [s, dir] of [[0, -1], [1, 1]] as const) {
      const row: number[][] = [];
      for (let d = Math.ceil(WALK_FROM * ring); d <= REACH_MAX * ring + 1; d++) { const x = Math.floor(cx) + dir * d; if (!inside(x, y)) break; row.push(rgbAt(tex, x, y)); }
      if (row.length < 3) continue;
      const l = row.map(lum), dark = Math.min(...l), light = Math.max(...l), cut = (dark + light) / 2;
      let edge = -1;
      for (let k = 0; k < row.length - 1; k++) if (l[k]! < cut && l[k + 1]! >= cut && k + Math.ceil(WALK_FROM * ring) <= REACH_MAX * ring) edge = k;
      if (edge < 0) continue;
      sides[s]!.push(edge + Math.ceil(WALK_FROM * ring) + 0.5);
      irisPx.push(...row.slice(0, edge + 1).filter((_, k) => l[k]! < cut));
      whitePx.push(...row.slice(edge + 1).filter((_, k) => l[edge + 1 + k]! >= cut));
    }
  }
  const med = (a: number[]) => (a.length ? a.sort((p, q) => p - q)[a.length >> 1]! : 0);
  const each: [number, number] = [med(sides[0]!), med(sides[1]!)], r = Math.max(...each);
  if (!r) return null;
  const mean = (cs: number[][]) => [0, 1, 2].map((ch) => cs.reduce((sum, c) => sum + c[ch]!, 0) / Math.max(1, cs.length));
  return { cx, cy, r, sides: each, irisColour: mean(irisPx), white: mean(whitePx), inside };
}


/** irisReach on a packed RGBA texture (as the gaze shader reads it). */
export function irisReachOnPhoto(tex: { width: number; height: number; data32: Uint32Array }, poly: [number, number][], cx: number, cy: number, ring: number): IrisReach | null {
  return irisReach({ width: tex.width, height: tex.height, data: new Uint8ClampedArray(tex.data32.buffer, tex.data32.byteOffset, tex.data32.byteLength) }, poly, cx, cy, ring);
}

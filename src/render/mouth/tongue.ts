// The library tongue, softened and in the hue of the picture's own lips.
import type { MouthLayer } from './atlas.ts';
import type { LightMatch } from './lightMatch.ts';
import { ready, type ReadyLayer } from './readyLayer.ts';
import { luminance as lum } from '../../math/colour.ts';
import { nearestRank } from '../../math/stats.ts';
import { smooth01, smoothstep } from '../../math/smooth.ts';
import { smoothTongueColumns } from './tongueColumns.ts';
import { hueApart, paletteMove, paletteTarget, type PaletteMove } from './tonguePalette.ts';
import { tongueInPink } from './tongueFlesh.ts';

/** Blur of the tongue layer, in IOD. */
const TONGUE_BLUR = 0.012;
/** the tongue's median luma over the lips' (its light in the mouth comes on top: interior.ts) */
const TONGUE_OVER_LIP = 1.05;
/** the dome's height falls by this share of lateral^2 (tongueShape.ts archFall: less for an arched tongue) ... */
export const DOME_FALL = 0.75;
/** ... and never below this share (squared) at the corners */
const DOME_LEAST = 0.2;
/** the layer's alpha over which the tongue's top edge comes in (a contour a pixel or two wide, not a fade) */
const EDGE_FROM = 0.15, EDGE_TO = 0.85;

/**
 * The tongue at output scale: softer than the teeth (its top edge is the source's lower-teeth
 * silhouette, which read as a jagged line under the dark band between the rows), in the lips' hue.
 */
export function readyTongue(tongue: MouthLayer, outPerIod: number, teethBlur: number, match: LightMatch, lip: [number, number, number]): ReadyLayer {
  const level = withLevelTop(ready(tongue, outPerIod, Math.max(teethBlur, TONGUE_BLUR * outPerIod), match));
  // (a library pink far from the lips' hue goes all the way to their inner surface's colour, less colourful and lit: tonguePalette.ts)
  const move = paletteMove(hueApart(opaqueMeanColour(level), lip));
  // (no column of the library strip standing out as a vertical stripe once grown: tongueColumns.ts)
  // (then turned toward a tongue's own pink, less orange than warm lips: tongueFlesh.ts)
  return smoothTongueColumns(atLipLight(tongueInPink(inLipHue(level, lip, move)), lum(...lip) * move.light));
}

/** the share of the tongue's half width over which its sides fade out (session 19: the library strip's ends step from clear to opaque within 4 px, and the top's contour kept them a hard vertical edge: critic19, obama2 f16, lp_s1 f2, the demo f126) */
const SIDE_FADE = 0.3;

/**
 * Per column of the ready tongue, how much of it shows: 1 over its middle, falling smoothly to 0
 * over SIDE_FADE of its half width at each end (its opaque extent: columns whose most opaque pixel
 * is at least half). Applied after the top's contour, so the ends fade instead of cutting.
 */
export function tongueSides(l: ReadyLayer): Float32Array {
  const W = l.width, H = l.height, d = l.data, out = new Float32Array(W);
  let x0 = -1, x1 = -1;
  for (let x = 0; x < W; x++) {
    let m = 0;
    for (let y = 0; y < H; y++) m = Math.max(m, d[(y * W + x) * 4 + 3]!);
    if (m >= 0.5) { if (x0 < 0) x0 = x; x1 = x; }
  }
  if (x0 < 0) return out;
  const w = Math.max(1, (SIDE_FADE * (x1 - x0)) / 2);
  for (let x = x0; x <= x1; x++) out[x] = smooth01((x - x0 + 0.5) / w) * smooth01((x1 - x + 0.5) / w);
  return out;
}

/**
 * The layer with its top edge level (the median of its columns' tops, each the first row at least
 * half opaque), opaque from it down to the anchor, coloured there by the column's own opaque pixels
 * or its first one. The library tongue's top is the source's lower-teeth silhouette, a W 0.06 IOD
 * deep: drawn as a contour (tongueEdge) and grown 2-4x it was a wavy line across the opening. The
 * arc of its top is the dome's (interior.ts, tongueDome).
 */
export function withLevelTop(l: ReadyLayer): ReadyLayer {
  const W = l.width, d = l.data, out = Float32Array.from(d);
  const tops = columnTops(l), ay = Math.min(l.height, Math.round(l.anchorY));
  const top = medianOf([...tops].filter((t) => t >= 0));
  if (top === null) return l;
  for (let x = 0; x < W; x++) {
    if (tops[x]! < 0) continue;
    const first = (tops[x]! * W + x) * 4;
    for (let y = 0; y < ay; y++) {
      const o = (y * W + x) * 4, cover = Math.min(1, Math.max(0, y + 1 - top));
      const src = d[o + 3]! >= 0.5 ? o : first, sa = Math.max(1e-6, d[src + 3]!);
      for (let ch = 0; ch < 3; ch++) out[o + ch] = (d[src + ch]! / sa) * cover;
      out[o + 3] = cover;
    }
  }
  return { ...l, data: out };
}

const medianOf = (v: number[]) => nearestRank(v, 0.5, null);

/** Each column's first row at least half opaque above the anchor (-1: none). */
function columnTops(l: ReadyLayer): Int32Array {
  const W = l.width, tops = new Int32Array(W).fill(-1), ay = Math.min(l.height, Math.round(l.anchorY));
  for (let x = 0; x < W; x++) {
    for (let y = 0; y < ay; y++) if (l.data[(y * W + x) * 4 + 3]! >= 0.5) { tops[x] = y; break; }
  }
  return tops;
}

/**
 * The tongue's own light against the lips' (TONGUE_OVER_LIP of the lips' luma at its median),
 * whatever the library frame's exposure and the cheek match made of it: real open mouths show a
 * tongue about as bright as the lips (lp_d6 at 0.2-0.45 IOD gaps: 0.87-0.95, bench/tongueShow.ts).
 */
function atLipLight(l: ReadyLayer, lipLuma: number): ReadyLayer {
  const m = opaqueMedianLuma(l);
  if (!(m > 0)) return l;
  const k = (TONGUE_OVER_LIP * lipLuma) / m, data = Float32Array.from(l.data);
  for (let o = 0; o < data.length; o += 4) {
    const cap = 255 * data[o + 3]!;
    for (let ch = 0; ch < 3; ch++) data[o + ch] = Math.min(cap, data[o + ch]! * k);
  }
  return { ...l, data };
}

/** The median luma (straight colour) of a layer's pixels at least 0.9 opaque; 0 if none. */
export function opaqueMedianLuma(l: ReadyLayer): number {
  const v: number[] = [];
  for (let o = 0; o < l.data.length; o += 4) {
    const a = l.data[o + 3]!;
    if (a >= 0.9) v.push(lum(l.data[o]!, l.data[o + 1]!, l.data[o + 2]!) / a);
  }
  v.sort((a, b) => a - b);
  return v.length ? v[v.length >> 1]! : 0;
}

/**
 * The tongue's height at `lateral` (0 the opening's middle, 1 its corner) as a share of its
 * middle's: a dome, its top an arc falling toward the corners (the library strip stretched to fill
 * a wide opening drew a flat band with a level top, read as the cavity's glow, not a tongue).
 */
export function tongueDome(lateral: number, fall = DOME_FALL): number {
  return Math.sqrt(Math.max(DOME_LEAST, 1 - fall * lateral * lateral));
}

/**
 * The tongue's coverage from its layer's (stretched, soft) alpha: its top a contour against the
 * throat, not a ramp (grown 2-4x, the layer's 2 px edge became 0.08 IOD of fade into the dark).
 */
export function tongueEdge(alpha: number): number {
  return smoothstep(EDGE_FROM, EDGE_TO, alpha);
}

/**
 * The tongue in the hue of the picture's own lips (its luminance kept): the library tongue's fixed
 * pink was off the palette of a varnished painting (a lilac tongue in Mona Lisa's yellow) and of
 * black-and-white photos. tonguePalette.ts paletteMove says how far.
 */
function inLipHue(l: ReadyLayer, lipColour: [number, number, number], { share, chroma, inner }: PaletteMove): ReadyLayer {
  const lip = paletteTarget(lipColour, inner), ly = Math.max(1, lum(...lip));
  const data = Float32Array.from(l.data);
  for (let o = 0; o < data.length; o += 4) {
    const y = lum(data[o]!, data[o + 1]!, data[o + 2]!);
    for (let ch = 0; ch < 3; ch++) {
      const moved = data[o + ch]! + (Math.min(255 * data[o + 3]!, (y * lip[ch]!) / ly) - data[o + ch]!) * share;
      data[o + ch] = y + (moved - y) * chroma;
    }
  }
  return { ...l, data };
}

/** The mean straight colour of a layer's pixels at least 0.9 opaque (black if none). */
function opaqueMeanColour(l: ReadyLayer): [number, number, number] {
  const sum = [0, 0, 0];
  let n = 0;
  for (let o = 0; o < l.data.length; o += 4) {
    const a = l.data[o + 3]!;
    if (a < 0.9) continue;
    for (let ch = 0; ch < 3; ch++) sum[ch] += l.data[o + ch]! / a;
    n++;
  }
  return n ? [sum[0]! / n, sum[1]! / n, sum[2]! / n] : [0, 0, 0];
}

/**
 * How far (layer px) the tongue's top stands over its anchor: the highest row of its middle
 * columns (a fifth of the layer's width) at least half opaque. Null for an empty layer.
 */
export function tongueTopAbove(l: ReadyLayer): number | null {
  const W = l.width, d = l.data, half = Math.max(1, Math.round(0.1 * W));
  const c = Math.min(W - 1, Math.max(0, Math.round(l.anchorX))), ay = Math.min(l.height - 1, Math.max(0, Math.round(l.anchorY)));
  for (let y = 0; y < l.height; y++) {
    let a = 0;
    for (let x = Math.max(0, c - half); x <= Math.min(W - 1, c + half); x++) a += d[(y * W + x) * 4 + 3]!;
    if (a / (2 * half + 1) >= 0.5) return ay - y;
  }
  return null;
}

// The white shown where a moved iris was: each row's white as the photo shows it beside the iris.
// Earlier fills read as a patch: a membrane (Laplace) fill of the disc took the lid margin and
// lashes above and below the iris along (a grey blob, eyes12); that membrane lifted toward the
// opening's whitest colour was a flat pale chip with a hard outline (white2, critic s12); the row
// mirrored across the disc's edge carried lashes and the pink corner in as streaks. A real eye's
// white varies mostly from row to row (the upper lid's shadow, the lower lid's rim), and the photo
// shows each row's white on either side of the iris: the whiter 40 % of those pixels, smoothed over
// neighbouring rows, gives the row its light, and near the disc's edge the fill goes over to the
// membrane, which meets the photo there. A painted eye with almost no white keeps its dim one.
import { distanceToOutline, insidePolygon, rowCrossings } from '../math/polygon.ts';
import { packRounded, type TextureSource } from './raster.ts';
import { whiteness } from './mouth/eyeWhite.ts';

/** Fewer white pixels than this beside the disc on a row: the row gives no white. */
const MIN_ROW_PIXELS = 2;
/** Of a row's pixels beside the disc, the whiter share (by whiteness) gives its white. */
const ROW_WHITER_SHARE = 0.4;
/** Vertical smoothing of the rows' whites: weights at row offsets -2..2. */
const ROW_SMOOTH = [1, 2, 3, 2, 1];
/** Pixels within this share of the iris radius of its centre are iris, not white. */
const IRIS_CLEAR = 1.1;
/**
 * The fill goes over from the membrane at the disc's edge (and at the opening's) to the rows' white
 * over this share of the iris radius, within [EDGE_BLEND_MIN, EDGE_BLEND_MAX] px (a fixed 2 px left a
 * small eye's disc mostly membrane).
 */
const EDGE_BLEND = 0.2, EDGE_BLEND_MIN = 0.75, EDGE_BLEND_MAX = 2;

/** Horizontal extent [x0, x1] of a closed polygon on the line at height y (its outermost crossings), or null off it. */
export function rowExtent(poly: [number, number][], y: number): [number, number] | null {
  const xs = rowCrossings(poly, y);
  return xs.length >= 2 && xs.at(-1)! > xs[0]! ? [xs[0]!, xs.at(-1)!] : null;
}

/**
 * Each patch row's white (RGBA floats, or null): the whiter ROW_WHITER_SHARE of the opening's pixels on that
 * row outside the iris (radius `iris`), by whiteness() (the limbus, lashes and the pink corner score lower).
 */
export function rowWhites(tex: TextureSource, poly: [number, number][], disc: { cx: number; cy: number; iris: number }, y0: number, size: number): (number[] | null)[] {
  const { cx, cy, iris } = disc;
  const rows: (number[] | null)[] = [];
  for (let j = 0; j < size; j++) {
    const py = y0 + j;
    const row = py >= 0 && py < tex.height ? rowExtent(poly, py + 0.5) : null;
    const found: { w: number; c: number }[] = [];
    if (row) {
      // the white between the iris and the disc's edge counts (the limbus ring scores low anyway)
      const reach = IRIS_CLEAR * iris, dy = py + 0.5 - cy, half = Math.abs(dy) < reach ? Math.sqrt(reach * reach - dy * dy) : 0;
      for (let px = Math.max(0, Math.ceil(row[0] - 0.5)); px <= Math.min(tex.width - 1, Math.floor(row[1] - 0.5)); px++) {
        if (Math.abs(px + 0.5 - cx) < half) continue;
        const c = tex.data32[py * tex.width + px]!;
        found.push({ w: whiteness([c & 255, (c >>> 8) & 255, (c >>> 16) & 255]), c });
      }
    }
    if (found.length < MIN_ROW_PIXELS) { rows.push(null); continue; }
    found.sort((a, b) => b.w - a.w);
    const take = found.slice(0, Math.max(1, Math.round(ROW_WHITER_SHARE * found.length)));
    const mean = [0, 0, 0, 0];
    for (const { c } of take) for (let ch = 0; ch < 4; ch++) mean[ch]! += ((c >>> (ch * 8)) & 255) / take.length;
    rows.push(mean);
  }
  return rows;
}

/** Rows smoothed with ROW_SMOOTH over the rows that have a white; null where none within reach. */
export function smoothRows(rows: (number[] | null)[]): (number[] | null)[] {
  const reach = (ROW_SMOOTH.length - 1) / 2;
  return rows.map((_, j) => {
    const sum = [0, 0, 0, 0];
    let weight = 0;
    for (let o = -reach; o <= reach; o++) {
      const r = rows[j + o];
      if (!r) continue;
      const w = ROW_SMOOTH[o + reach]!;
      weight += w;
      for (let ch = 0; ch < 4; ch++) sum[ch]! += w * r[ch]!;
    }
    return weight > 0 ? sum.map((v) => v / weight) : null;
  });
}

/**
 * The white behind a disc (centre cx, cy, radius; its iris's radius; texture px) over a patch from (x0, y0), `size` px
 * square, the membrane fill of that patch in `white`: inside the disc each row's white, going over
 * to the membrane near the disc's and the opening's edges (EDGE_BLEND) and on rows without white of their own.
 */
export function rowWhiteBehind(
  tex: TextureSource, poly: [number, number][], disc: { cx: number; cy: number; radius: number; iris: number },
  patch: { x0: number; y0: number; size: number; white: Uint32Array },
): Uint32Array {
  const { cx, cy, radius } = disc, { x0, y0, size, white: membrane } = patch;
  const rows = smoothRows(rowWhites(tex, poly, disc, y0, size));
  const blend = Math.min(EDGE_BLEND_MAX, Math.max(EDGE_BLEND_MIN, EDGE_BLEND * disc.iris));
  const out = Uint32Array.from(membrane);
  const mixed = new Float64Array(4);
  for (let j = 0; j < size; j++) {
    const r = rows[j];
    if (!r) continue;
    for (let i = 0; i < size; i++) {
      const inside = radius - Math.hypot(x0 + i + 0.5 - cx, y0 + j + 0.5 - cy);
      if (inside <= 0) continue;
      const x = x0 + i + 0.5, y = y0 + j + 0.5;
      // and toward the lid margin: a light white drawn up to the opening's edge showed its triangles as steps
      const inOpening = insidePolygon(x, y, poly) ? distanceToOutline(x, y, poly) : 0;
      const t = Math.min(1, inside / blend) * Math.min(1, inOpening / blend), k = j * size + i, m = membrane[k]!;
      for (let ch = 0; ch < 4; ch++) mixed[ch] = (1 - t) * ((m >>> (ch * 8)) & 255) + t * r[ch]!;
      out[k] = packRounded(mixed);
    }
  }
  return out;
}

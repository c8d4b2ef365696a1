// The library's rows of teeth made to fill any opening: each row cut at its first dark gap and
// carried on to the mouth corners (mainRow), and its teeth carried on behind the lip (teethUnderLip).
import { brightLuminance, type ReadyLayer } from './readyLayer.ts';
import { smoothstep } from '../../math/smooth.ts';
import { luminance as lum } from '../../math/colour.ts';

/**
 * How far (iod) a library row carries on past its last tooth, how much narrower those teeth are, and
 * how much darker at the end. (0.16 and 0.45 until round 12: in a wide smile the rows faded into a
 * dark grey wedge at each end, where Katie's real teeth run nearly to the corners.)
 */
const ROW_RUN = 0.22, ROW_NARROW = 1.4, ROW_END_SHADE = 0.2;
/** A row is cut where its columns are at least this bright (share of its centre's), not in a gap's dark edge. */
const ROW_CUT_CLEAN = 0.8;
/**
 * How far (iod) the teeth go on behind the lip before the gum's shadow: upper incisors are ~0.17 IOD
 * long and the library shows ~0.09 of them; the lower row as far (0.04 until round 7: a smile's
 * dropped lower lip uncovered a black crescent between the lower teeth and the lip).
 * The upper row goes on further, into the gum (below): a smiling driver lifts the upper lip 0.08-0.1
 * IOD over the photo's (Katie), and at 0.08 (solid for half of it) a dark band of cavity showed under
 * the lip where she shows the full length of her teeth.
 */
const UNDER_LIP_UPPER = 0.14, UNDER_LIP_LOWER = 0.1;
/** The widest run of columns (iod) without a tooth start that is bridged from its neighbours (bridgedStarts). */
const UNDER_LIP_BRIDGE = 0.06;
/**
 * The half width (iod) of the columns whose teeth colour is averaged to carry on under the lip: about
 * a tooth's width (0.02, under half a tooth, left each tooth's light and its gaps' shade as soft
 * vertical bands in the gum above a smile's teeth, st_art_1).
 */
const UNDER_LIP_BLEND = 0.045;
/**
 * Along the upper row's reach behind the lip (shares of it): teeth up to GUM_FROM, turning to the gum's
 * colour by GUM_FULL, then fading out (the lower row, without a gum colour, fades from FADE_FROM_BARE).
 */
const GUM_FROM = 0.55, GUM_FULL = 0.8, FADE_FROM_GUM = 0.8, FADE_FROM_BARE = 0.5;

/**
 * The library's upper row is raised this much (iod) over the photo's inner upper lip centre. It was
 * cut at an open mouth's lip, the upper lip raised: hung from a closed photo's lip line its tips
 * reached 0.09 below it and met the lower row until the jaw had dropped 0.16 (a band of teeth with
 * no dark gap between the rows at any speech opening). A closed lip hides all but the last few
 * hundredths of the incisors.
 */
export const UPPER_TEETH_RAISE = 0.03;
/**
 * The library's lower row is dropped this much (iod) under the photo's inner lower lip centre as the
 * jaw carries it. Its tips stood 0.07 above the lip line, so the rows overlapped 0.13 IOD at rest
 * (a real overbite is ~0.03) and every speech opening up to ~0.13 IOD of jaw drop was one tall band
 * of teeth, lower teeth half of it (lp_d6, Obama, Fei-Fei Li, lp_s5), where real speakers show the
 * upper row, a dark gap or the tongue, and the lower tips just over the lip.
 */
export const LOWER_TEETH_DROP = 0.04;
/**
 * ...only where the rows overlap: gone by a 0.3 IOD lip gap, where the lower row's tips (~0.06 IOD
 * over the lip) would otherwise sink behind the lower lip's inner band (no lower teeth in a wide-open
 * mouth, lp_s42 .5-.75).
 */
export const DROP_UNTIL: [number, number] = [0.08, 0.2];
/**
 * The lower row's tips stand at most this far (iod) over the lower lip's inner line: where the lip
 * is further under the jaw's anchor, the jaw set (lower teeth and tongue) follows it down. A tracked
 * driver splits a lip gap between the jaw and mouthLowerDown as its landmarks allow, but a real lip
 * that far down has the jaw under it: Obama 2 (lip 0.09-0.12 IOD under the jaw's anchor) drew 0.12
 * IOD of lower teeth, one band of teeth filling the opening, where his real mouth shows a dark band
 * under the upper row and hardly any lower teeth; a smiling speaker shows ~0.05 of them (Katie).
 * (0.05 was tried in session 16 for a darker opening: a smile's centre column lost its lower teeth,
 * test/mouth.test.ts mt_man 0.52 of the gap teeth, and lp_s42's lower edge went under the lip)
 */
export const LOWER_TEETH_SHOW = 0.075;

/**
 * How far (layer px) the teeth of a lower row stand over its anchor: the top row over the centre
 * columns (a fifth of the layer) whose mean premultiplied luminance reaches half the brightest's.
 * Null for an empty layer.
 */
export function lowerTipsAbove(l: ReadyLayer): number | null {
  const W = l.width, d = l.data, half = Math.max(1, Math.round(0.1 * W));
  const c = Math.min(W - 1, Math.max(0, Math.round(l.anchorX))), ay = Math.min(l.height - 1, Math.max(0, Math.round(l.anchorY)));
  const rowLum = (y: number) => { let s = 0; for (let x = Math.max(0, c - half); x <= Math.min(W - 1, c + half); x++) { const o = (y * W + x) * 4; s += lum(d[o]!, d[o + 1]!, d[o + 2]!); } return s; };
  let top = 0;
  for (let y = 0; y < l.height; y++) top = Math.max(top, rowLum(y));
  if (top <= 0) return null;
  for (let y = 0; y <= ay; y++) if (rowLum(y) >= 0.5 * top) return ay - y;
  return 0;
}

/**
 * The columns [left, right] of a row of teeth: out from the anchor's column until a column (its mean
 * over the bright rows) falls under 45 % of the centre's. Null for an empty layer.
 */
function rowExtent(l: ReadyLayer): [number, number] | null {
  const W = l.width, H = l.height, d = l.data;
  const c = Math.min(W - 1, Math.max(0, Math.round(l.anchorX))), half = Math.max(1, Math.round(0.12 * W));
  const lumAt = (x: number, y: number) => { const o = (y * W + x) * 4; return lum(d[o]!, d[o + 1]!, d[o + 2]!); };
  // the teeth's rows: bright across the centre columns
  const rowLum = Float32Array.from({ length: H }, (_, y) => { let s = 0; for (let x = c - half; x <= c + half; x++) s += lumAt(Math.min(W - 1, Math.max(0, x)), y); return s / (2 * half + 1); });
  const top = Math.max(...rowLum);
  if (top <= 0) return null;
  const rows = [...rowLum.keys()].filter((y) => rowLum[y]! >= 0.6 * top);
  const bright = Float32Array.from({ length: W }, (_, x) => rows.reduce((s, y) => s + lumAt(x, y), 0) / rows.length);
  const ref = bright.subarray(c - half < 0 ? 0 : c - half, c + half + 1).reduce((s, v) => s + v, 0) / (2 * half + 1);
  let left = c, right = c;
  while (left > 0 && bright[left - 1]! >= 0.45 * ref) left--;
  while (right < W - 1 && bright[right + 1]! >= 0.45 * ref) right++;
  // back off the gap's darkening edge (a blurred dark gap reaches a few columns in): mirrored from
  // there, a dark vertical line ran through the teeth at the row's cut (lp_s12's smile, lp_s1)
  const back = Math.max(1, Math.round(0.25 * half));
  for (let k = 0; k < back && left < c && bright[left]! < ROW_CUT_CLEAN * ref; k++) left++;
  for (let k = 0; k < back && right > c && bright[right]! < ROW_CUT_CLEAN * ref; k++) right--;
  return [left, right];
}

/**
 * The library's row of teeth from its centre out to the first dark gap on each side (past a gap
 * beside a canine the source frame has a lone tooth fragment, which drew a dark vertical stripe and
 * a sliver of tooth at the ends of every wide opening), then carried on toward the mouth corners:
 * the row's last teeth mirrored outward, narrower (the arch turns away) and darker (deeper in the
 * mouth), fading out over ROW_RUN iod. Before, the row ended in a straight vertical cut with black
 * cavity beyond it at every wide opening.
 */
export function mainRow(l: ReadyLayer, outPerIod: number): ReadyLayer {
  const extent = rowExtent(l);
  if (!extent) return l;
  const [left, right] = extent;
  const W = l.width, H = l.height, d = l.data;
  const data = Float32Array.from(d);
  const run = ROW_RUN * outPerIod;
  for (let x = 0; x < W; x++) {
    const out = x < left ? left - x : x > right ? x - right : 0;
    if (out === 0) continue;
    // the mirrored source column, ROW_NARROW times as fast (narrower teeth), within the row
    const src = x < left ? Math.min(right, left + out * ROW_NARROW) : Math.max(left, right - out * ROW_NARROW);
    const s0 = Math.floor(src), s1 = Math.min(W - 1, s0 + 1), t = src - s0;
    const fade = Math.max(0, 1 - out / run) ** 1.5;
    // (darker toward the back, mildly: exp(-out / (run / 2)) read as a dark grey block in a wide smile, lp_s1)
    const shade = 1 - ROW_END_SHADE * Math.min(1, out / run);
    for (let y = 0; y < H; y++) {
      const o = (y * W + x) * 4, a0 = (y * W + s0) * 4, a1 = (y * W + s1) * 4;
      for (let ch = 0; ch < 4; ch++) {
        const v = d[a0 + ch]! * (1 - t) + d[a1 + ch]! * t;
        data[o + ch] = v * fade * (ch === 3 ? 1 : shade);
      }
    }
  }
  return { ...l, data };
}

/**
 * Per column, from the lip side (row k from the lip into the mouth: rowAt(k)): where its teeth
 * start (first row at least `teeth` bright) and their straight colour a little (inset) into the row.
 * The rows right under the lip are its shadow or the lip's own pink in the source frame (the shader
 * draws the lip's shadow where the lip is now).
 */
function toothStarts(l: ReadyLayer, rowAt: (k: number) => number, teeth: number, inset: number) {
  const W = l.width, H = l.height, d = l.data;
  const firstAt = new Int32Array(W).fill(-1), colour = new Float32Array(W * 3), has = new Uint8Array(W);
  for (let x = 0; x < W; x++) {
    let first = -1;
    for (let k = 0; k < H; k++) {
      const o = (rowAt(k) * W + x) * 4, a = d[o + 3]!;
      if (a >= 0.9 && lum(d[o]!, d[o + 1]!, d[o + 2]!) / a >= teeth) { first = k; break; }
    }
    if (first < 1) continue;
    const start = Math.min(H - 1, first + inset);
    let n = 0;
    for (let k = start; k < Math.min(H, start + inset + 1); k++) {
      const o = (rowAt(k) * W + x) * 4, a = d[o + 3]!;
      if (a < 0.9) continue;
      for (let ch = 0; ch < 3; ch++) colour[x * 3 + ch]! += d[o + ch]! / a;
      n++;
    }
    if (!n) continue;
    for (let ch = 0; ch < 3; ch++) colour[x * 3 + ch] = colour[x * 3 + ch]! / n;
    firstAt[x] = first; has[x] = 1;
  }
  return { firstAt, colour, has };
}

/**
 * A column with no tooth start of its own (a dark gap between teeth, a darker lateral tooth) between
 * two that have one within `span` px takes theirs, interpolated; then each start is the median of
 * its neighbours'. Carried on column by column, the columns left out and the starts' steps drew
 * dark vertical streaks behind a raised lip (a "barcode": lp_s42 <- lp_d6, st_art_1 <- lp_d0).
 */
function bridgedStarts(s: ReturnType<typeof toothStarts>, span: number): ReturnType<typeof toothStarts> {
  const W = s.has.length, firstAt = Int32Array.from(s.firstAt), colour = Float32Array.from(s.colour), has = Uint8Array.from(s.has);
  for (let x = 0; x < W; x++) {
    if (s.has[x]) continue;
    let l = x - 1, r = x + 1;
    while (l >= 0 && x - l <= span && !s.has[l]) l--;
    while (r < W && r - x <= span && !s.has[r]) r++;
    if (l < 0 || r >= W || !s.has[l] || !s.has[r]) continue;
    const t = (x - l) / (r - l);
    firstAt[x] = Math.round(s.firstAt[l]! * (1 - t) + s.firstAt[r]! * t);
    for (let ch = 0; ch < 3; ch++) colour[x * 3 + ch] = s.colour[l * 3 + ch]! * (1 - t) + s.colour[r * 3 + ch]! * t;
    has[x] = 1;
  }
  const r = Math.max(1, Math.round(span / 3)), median = Int32Array.from(firstAt);
  for (let x = 0; x < W; x++) {
    if (!has[x]) continue;
    const near: number[] = [];
    for (let q = Math.max(0, x - r); q <= Math.min(W - 1, x + r); q++) if (has[q]) near.push(firstAt[q]!);
    near.sort((a, b) => a - b);
    median[x] = near[near.length >> 1]!;
  }
  return { firstAt: median, colour, has };
}

/**
 * The teeth go on behind the lip: each column's teeth colour (a little into the row) carried on
 * past the row's lip end for UNDER_LIP_* iod, darkening toward the gum, over the source's flat
 * shadowed band. A smile lifts the upper lip (and drops the lower) off the teeth: before, that
 * showed a grey band above the upper teeth. `dir` -1: the lip is above (upper row), 1: below. With
 * `gum` (straight colour) the far part of the reach turns to it before fading out.
 */
export function teethUnderLip(l: ReadyLayer, outPerIod: number, dir: -1 | 1, gum: [number, number, number] | null = null): ReadyLayer {
  const bright = brightLuminance(l);
  if (bright === null) return l;
  const W = l.width, H = l.height;
  // (above 0.6: the source's shadowed band behind the lip is 0.6 of its teeth)
  const teeth = 0.7 * bright;
  const reach = (dir < 0 ? UNDER_LIP_UPPER : UNDER_LIP_LOWER) * outPerIod, inset = Math.max(1, Math.round(0.015 * outPerIod));
  const rowAt = (k: number) => (dir < 0 ? k : H - 1 - k);
  const { firstAt, colour, has } = bridgedStarts(toothStarts(l, rowAt, teeth, inset), Math.round(UNDER_LIP_BRIDGE * outPerIod));
  // averaged across neighbouring columns: carried on column by column, the dark gaps between the
  // teeth drew vertical stripes (a "barcode") under a dropped lower lip (lp_s1)
  const r = Math.max(1, Math.round(UNDER_LIP_BLEND * outPerIod));
  const data = Float32Array.from(l.data);
  for (let x = 0; x < W; x++) {
    if (!has[x]) continue;
    const c = [0, 0, 0];
    let n = 0;
    for (let q = Math.max(0, x - r); q <= Math.min(W - 1, x + r); q++) {
      if (!has[q]) continue;
      for (let ch = 0; ch < 3; ch++) c[ch]! += colour[q * 3 + ch]!;
      n++;
    }
    const first = firstAt[x]!, start = Math.min(H - 1, first + inset);
    for (let k = start - 1; k >= 0 && start - k <= reach; k--) {
      const t = Math.max(0, (first - k) / reach);
      const a = 1 - smoothstep(gum ? FADE_FROM_GUM : FADE_FROM_BARE, 1, t), shade = 1 - 0.35 * t;
      const toGum = gum ? smoothstep(GUM_FROM, GUM_FULL, t) : 0;
      const o = (rowAt(k) * W + x) * 4;
      for (let ch = 0; ch < 3; ch++) {
        const tooth = (c[ch]! / n) * shade;
        data[o + ch] = (tooth + ((gum?.[ch] ?? 0) - tooth) * toGum) * a + data[o + ch]! * (1 - a);
      }
      data[o + 3] = a + data[o + 3]! * (1 - a);
    }
  }
  return { ...l, data };
}

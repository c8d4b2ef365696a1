// A soft driver's teeth (issue #13, teethread46; critic45: mt_man <- infinitetalk_ref shows black slits through 6 s of
// loud speech). mouthDark.ts isTeethPixel takes a pixel inside the inner-lip contour as teeth over 1.15 x the lips' luma
// and under .3 saturation. On a soft or small face the teeth blur with the lips and the dark gap into a band no lighter
// than the lips: infinitetalk_ref (IOD 120 px at 720, a warm soft encode) shows his upper row's edge at f12/f48/f72/f102
// as a 2-4 px band at .85-1.0 of the lips' luma and .28-.36 saturation (the lips' own .33-.35; his lower lip's body is
// 1.1-1.2, lighter than his teeth), so the share read 0 on 141 of 150 frames (bench/teethRead.ts).
// What still tells the teeth in such a frame is their shape in the opening, in the clip's own terms: down a column of the
// opening, teeth are a light ridge between two darker lines (the upper lip's shaded inner edge above, the gap or the lower
// lip's shade below), by a margin of the lips' own light; a speech slit without teeth falls from the upper lip into the
// dark and rises into the lower lip (no ridge), and a lip in the contour is lit on one side only.
// Each column's first ridge from the top, in the upper part of the opening and no pinker than the lips, counts the rows
// of its crest (within .6 of the margin of its peak) as teeth. The tracker's share is the larger of the two reads
// (teethWithSoft): a sharp driver's bright teeth already read by isTeethPixel are unchanged.
import type { RgbaImage } from '../types.ts';
import { saturation, luma601At } from '../math/colour.ts';
import { rowCrossings } from '../math/polygon.ts';
import { nearestRank } from '../math/stats.ts';
import { MOUTH_LOOP } from '../rig/topology.ts';
import { lipReference } from './mouthDark.ts';

/** the crest's luma over its darker neighbours above and below, both, as a share of the lips' luma */
export const RIDGE_MARGIN = 0.15;
/** the crest's least luma over the lips' (a ridge inside the dark gap is not teeth) */
export const RIDGE_LIGHT = 0.75;
/** the crest's most saturation over the lips' (a lit tongue or lip is as pink as the lips or pinker; teeth are greyer) */
export const RIDGE_SAT_OF_LIP = 1.0;
/** the crest's peak lies in the top part of its column's run inside the opening (the upper row hangs from the lip) */
export const RIDGE_TOP = 0.75;
/** the crest: the rows round the peak within this share of the margin of its luma (its blurred edges half-way down count) */
const CREST_OF_MARGIN = 0.6;
/** a column needs this many rows inside the opening to hold a ridge (dark, crest, dark) ... */
const MIN_RUN = 3;
/**
 * ... and at most this many (px at the tracker's scale): blur merges teeth with the lips only in a small opening; a tall
 * one's teeth are resolved and bright (isTeethPixel reads them), and what lies lit between its dark cavity and lower lip
 * is a tongue (lp_d6 f66/f157/f309/f580: 30-40 px runs, a lit tongue bracketed by the cavity and the lower row's shade,
 * read .3-.44 without this). infinitetalk's speech openings run 6-17 px, latentsync_demo1's 5-10.
 */
export const RUN_MOST = 20;
/**
 * A taller run (s49 teethshow49: a mid-to-wide opening whose upper row is dim, videoretalking_2 f9/f24 at gaps .21/.25
 * IOD, 22-29 px, its grey row 1.0-1.2 of the lips' luma over a black cavity: read 0, drawn as a toothless hole) holds a
 * ridge only as an upper row's edge: its peak in the run's top TALL_TOP, a fall under it into the cavity of TALL_FALL
 * margins, a crest no taller than TALL_CREST_IOD of the eyes' distance. lp_d6's lit tongue (f66/f157/f580: 36-41 px)
 * rises from the dark to a peak low in the run, and where a bump peaks high its crest runs .11+ IOD.
 */
export const TALL_TOP = 0.4, TALL_FALL = 2, TALL_CREST_IOD = 0.08;
/**
 * ... and, a lit tongue out being as tall and light (lp_d6 f453-457, f515-528, f617-631, f795-797: its highlights read as
 * ridges, .37-.43 saturation beside lips .41-.50), a crest greyer than the lips (vrt2's rows .22-.26 beside .39) over a
 * cavity darker than TALL_DARK of the lips' luma (vrt2 f9 .13-.16, f24 .37-.41)
 */
export const TALL_SAT_OF_LIP = 0.75, TALL_DARK = 0.5;
/** teethRows: a tall run's crest starting within this share of the run from its top has only the lip's shade over it (vrt2's rows start at .07-.27 of their runs, median .1-.2; lp_d6 f513/f517's tongue-out highlights at .29-.31) */
export const TALL_SHADE = 0.25;
/**
 * ... over a run under the crest no lighter than this share of the lips' luma at its median: a hole (vrt2's rows: .30-.68
 * per column over f8-f74; lp_d10's rows over her dim tongue back .49-.70) and not a lit tongue (lp_d6 f58, f148, f357,
 * f397, f585-600 by her tongue outs: .79-1.19; lp_d10 f120/f320 .76-.82)
 */
export const TALL_UNDER = 0.7;
/**
 * The rows over the inner-lip contour a column's ridge may take its dark line above from, in IOD (s51 teethread51). The face
 * mesh's inner upper lip line hugs the dark: where a dim row hangs from the lip it may run along the row's top, not the lip's
 * edge, so the run inside it starts on the row and the lip's shade line over the row lies outside (infinitetalk6 f104: the
 * shade .61-.68 of the lips' luma 2-3 px over the contour, the row .84-.87 on its first two rows, the cavity .44 under:
 * read 0 teeth, drawn as a dark hole). The crest's peak must still lie inside the contour, and only its rows inside count.
 */
export const LEAD_IOD = 0.03;
/** softTeethRead's options: `tallArea` (default true, s50 toothhole50): a tall run's ridge counts the run from its top to the crest's foot (TALL_SHADE) as teeth; false: the crest alone (as before s50, for benches); `leadIod` (default LEAD_IOD; 0: as before s51) */
export interface SoftTeethOptions { tallArea?: boolean; leadIod?: number }
/** the crest is a band, not the column's fill: at most this share of the run (a tongue fills it) */
export const CREST_MOST_OF_RUN = 0.5;
/**
 * only the columns of the opening's middle this share of its width: at its corners a short run holds a tongue's or lip's
 * side against the corner's shade (lp_d6 f66-67, her tongue out: a lit column at the right corner read .01-.02, enough
 * to cut the out's last frame .28 -> .05)
 */
export const MIDDLE_SHARE = 0.8;
/** openings with fewer pixels are not read (mouthDark.ts MIN_PIXELS) */
const MIN_PIXELS = 12;

/**
 * In one column's luma run (top to bottom, over the lips' luma) and saturation, the rows of its first ridge's crest:
 * [from, to] inclusive, or null. `tallCrest`: the most rows a tall run's (over RUN_MOST) crest may span (0: tall runs
 * hold none). `lead`: the first rows of L and S lie over the contour (LEAD_IOD): they give the dark line above, the
 * peak lies under them and the rows returned are the crest's inside the contour, counted from its first row. They are read
 * only where the run inside holds no ridge of its own: read first, a shallow peak on the contour's first rows took a column
 * whose teeth crest lies lower (styletalk_feifeili_clip3 f24-28: share .117 -> .106). Pure, for tests.
 */
export function columnRidge(L: ArrayLike<number>, S: ArrayLike<number>, lipSat: number, tallCrest = 0, lead = 0): [number, number] | null {
  const from = (a: ArrayLike<number>) => Array.from({ length: Math.max(0, a.length - lead) }, (_, i) => a[lead + i]!);
  return (lead > 0 ? ridgeIn(from(L), from(S), lipSat, tallCrest, 0) : null) ?? ridgeIn(L, S, lipSat, tallCrest, lead);
}

/** columnRidge's search, the first `lead` rows over the contour. */
function ridgeIn(L: ArrayLike<number>, S: ArrayLike<number>, lipSat: number, tallCrest: number, lead: number): [number, number] | null {
  const all = L.length, n = all - lead, tall = n > RUN_MOST;
  if (n < MIN_RUN || (tall && !(tallCrest >= 1))) return null;
  const topShare = tall ? TALL_TOP : RIDGE_TOP, fall = (tall ? TALL_FALL : 1) * RIDGE_MARGIN, satMost = (tall ? TALL_SAT_OF_LIP : RIDGE_SAT_OF_LIP) * lipSat;
  let minAbove = L[0]!;
  for (let p = 1; p < all - 1; p++) {
    const l = L[p]!;
    if ((p - lead) / (n - 1) > topShare) return null;
    // a local peak inside the contour (ties to the right allowed: a flat crest) with a darker line above it ...
    if (p >= lead && l >= L[p - 1]! && l > L[p + 1]! && l >= RIDGE_LIGHT && l - minAbove >= RIDGE_MARGIN && S[p]! <= satMost) {
      // ... and below it
      let minBelow = Infinity;
      for (let q = p + 1; q < all; q++) minBelow = Math.min(minBelow, L[q]!);
      if (l - minBelow >= fall && (!tall || minBelow <= TALL_DARK)) {
        const crest = l - CREST_OF_MARGIN * RIDGE_MARGIN;
        let a = p, b = p;
        while (a > lead && L[a - 1]! >= crest) a--;
        while (b < all - 1 && L[b + 1]! >= crest) b++;
        return b - a + 1 <= (tall ? Math.min(tallCrest, CREST_MOST_OF_RUN * n) : CREST_MOST_OF_RUN * n) ? [a - lead, b - lead] : null;
      }
    }
    minAbove = Math.min(minAbove, l);
  }
  return null;
}

/**
 * The rows of a column's run (`L`, its luma over the lips', top to bottom) a ridge counts as teeth: its crest; in a tall run (over RUN_MOST) whose crest starts
 * within TALL_SHADE of the run's top, the run from its top to the crest's foot (`tallArea`, s50 toothhole50). A tall run's
 * ridge is the lit edge of a row hanging from the lip, the dark line over it the row's top in the lip's shade: the row is
 * the run down to the crest's foot, as SoftTeeth.depth reads it. Counted as the crest alone, vrt2 f9's row, a third of
 * the opening, read .06 of it, and the renderer's guess from the share (render/mouth/driverTeeth.ts DEPTH_PER_SHARE 2.5:
 * .15) cut our row to a sliver under its measured depth (.31), mouthDark .74 darkening it. Only over a hole: the run
 * under the crest at most TALL_UNDER of the lips' luma at its median; over a lit tongue the crest alone, as before (lp_d6
 * f58, by her tongue out, read .04 -> .05 and tongueOut.ts's no-teeth test took her tongue out .87 -> .51). Pure, for tests.
 */
export function teethRows(ridge: [number, number], L: ArrayLike<number>, tallArea = true): [number, number] {
  const n = L.length;
  if (!tallArea || n <= RUN_MOST || ridge[0] > TALL_SHADE * n) return ridge;
  const below = Array.from({ length: n - ridge[1] - 1 }, (_, k) => L[ridge[1] + 1 + k]!);
  return nearestRank(below, 0.5, Infinity) <= TALL_UNDER ? [0, ridge[1]] : ridge;
}

/** The soft read of one frame: the share of the opening's pixels a ridge counts as teeth (teethRows), and the pixel test for benches. */
export interface SoftTeeth {
  share: number; crest: Uint8Array; x0: number; y0: number; w: number; h: number;
  /** the upper row's depth by the tall runs' ridges (over RUN_MOST): over the columns holding one, the median share of the run down to the crest's foot (null: none) */
  depth: number | null;
}

/** The share of the pixels inside the inner lip contour on a column's teeth ridge (columnRidge); null under MIN_PIXELS pixels. */
export function softTeethRead(img: RgbaImage, lm: ArrayLike<number>, { tallArea = true, leadIod = LEAD_IOD }: SoftTeethOptions = {}): SoftTeeth | null {
  const poly = MOUTH_LOOP.map((k) => [lm[k * 3]!, lm[k * 3 + 1]!] as [number, number]);
  const { light, sat } = lipReference(img, lm);
  let px0 = Infinity, px1 = -Infinity, py0 = Infinity, py1 = -Infinity;
  for (const [x, y] of poly) { px0 = Math.min(px0, x); px1 = Math.max(px1, x); py0 = Math.min(py0, y); py1 = Math.max(py1, y); }
  const x0 = Math.max(0, Math.ceil(px0)), y0 = Math.max(0, Math.ceil(py0));
  const w = Math.min(img.width - 1, Math.floor(px1)) - x0 + 1, h = Math.min(img.height - 1, Math.floor(py1)) - y0 + 1;
  if (w <= 0 || h <= 0 || !(light > 0)) return null;
  // the inside mask, row by row between the contour's crossings (even-odd, as mouthDark.ts teethShare counts)
  const inside = new Uint8Array(w * h), crest = new Uint8Array(w * h), xs: number[] = [];
  let count = 0;
  for (let y = y0; y < y0 + h; y++) {
    rowCrossings(poly, y, xs);
    for (let k = 0; k + 1 < xs.length; k += 2)
      for (let x = Math.max(x0, Math.ceil(xs[k]!)); x < Math.min(x0 + w, xs[k + 1]!); x++) { inside[(y - y0) * w + x - x0] = 1; count++; }
  }
  if (count < MIN_PIXELS) return null;
  const iod = Math.hypot(lm[33 * 3]! - lm[263 * 3]!, lm[33 * 3 + 1]! - lm[263 * 3 + 1]!), leadMost = Math.round(leadIod * iod);
  const d = img.data, L = new Float64Array(h + leadMost), S = new Float64Array(h + leadMost), depths: number[] = [];
  const tallCrest = TALL_CREST_IOD * iod;
  const read = (k: number, y: number, x: number) => {
    const i = (y * img.width + x) * 4;
    L[k] = luma601At(d, i) / light;
    S[k] = saturation(d[i]!, d[i + 1]!, d[i + 2]!);
  };
  let teeth = 0;
  const c0 = Math.max(0, Math.floor(px0 + ((1 - MIDDLE_SHARE) / 2) * (px1 - px0)) - x0), c1 = Math.min(w - 1, Math.ceil(px1 - ((1 - MIDDLE_SHARE) / 2) * (px1 - px0)) - x0);
  for (let c = c0; c <= c1; c++) {
    // the column's first run inside the opening
    let top = 0;
    while (top < h && !inside[top * w + c]) top++;
    // (the lip's side over the column's first inside row: its pixels over the contour, LEAD_IOD)
    const lead = Math.min(leadMost, y0 + top);
    for (let j = 0; j < lead; j++) read(j, y0 + top - lead + j, x0 + c);
    let n = 0;
    while (top + n < h && inside[(top + n) * w + c]) { read(lead + n, y0 + top + n, x0 + c); n++; }
    const ridge = columnRidge(L.subarray(0, lead + n), S.subarray(0, lead + n), sat, tallCrest, lead);
    if (!ridge) continue;
    // (tall runs only: a short run's ridge under a tongue out, lp_d6 f64, would hang tongueout45's cut row back to .74)
    if (n > RUN_MOST) depths.push((ridge[1] + 1) / n);
    const [from, to] = teethRows(ridge, L.subarray(lead, lead + n), tallArea);
    for (let r = from; r <= to; r++) crest[(top + r) * w + c] = 1;
    teeth += to - from + 1;
  }
  return { share: teeth / count, crest, x0, y0, w, h, depth: nearestRank(depths, 0.5, null) };
}

/** The tracker's teeth share with the soft read: the larger of the two (null: nothing to read, as before). */
export function teethWithSoft(share: number | null, img: RgbaImage, lm: ArrayLike<number>, soft = softTeethRead(img, lm)): number | null {
  if (share === null) return null;
  return soft ? Math.max(share, soft.share) : share;
}

/**
 * The upper row's depth with the soft read's (s49 teethshow49): the deeper of the two, where the soft read is what found
 * the teeth (its share over the bright one's). teethDepth.ts reads the row by isTeethPixel alone, so a dim row the ridges
 * find (videoretalking_2 f9: depth .08, the row's foot at ~.3 of the opening) would still be cut to a sliver.
 */
export function depthWithSoft(depth: number | null, bright: number | null, soft: SoftTeeth | null): number | null {
  if (depth === null || !soft || soft.depth === null || !(soft.share > (bright ?? 0))) return depth;
  return Math.max(depth, soft.depth);
}

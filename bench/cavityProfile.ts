// The open mouth's depth and the tongue's hue, read off a frame (issue #13, cavity30: critic28's flat dark hole where
// the tongue sank, and an orange tongue on a painting). Inside the inner-lip contour (MOUTH_LOOP), teeth left out
// (mouthDark.ts isTeethPixel): the luma down the middle columns in five bands top to bottom over the lips' (a real dark
// mouth falls off into the throat and rises over the tongue's back; a flat hole reads the same in every band), the
// spread of the luma over the opening (std over the lips' luma), and the lit pixels' (not dark: driverCavity.ts
// DARK_OF_LIP) hue in CIE Lab against the lips' (hue angle difference in degrees, + toward yellow; chroma ratio).
// Used by bench/tongueHeight.ts; never asserts.
import type { RgbaImage } from '../src/types.ts';
import { MOUTH_LOOP } from '../src/rig/topology.ts';
import { rowCrossings } from '../src/math/polygon.ts';
import { isTeethPixel, lipReference } from '../src/motion/mouthDark.ts';
import { DARK_OF_LIP } from '../src/motion/driverCavity.ts';
import { labOf as lab } from '../src/render/mouth/tonguePalette.ts';

const LIP_PAIRS: readonly [number, number][] = [[0, 13], [37, 82], [267, 312], [39, 81], [269, 311], [17, 14], [84, 87], [314, 317], [181, 178], [405, 402]];
const BANDS = 5;

const median = (v: number[]) => { if (!v.length) return NaN; const s = [...v].sort((a, b) => a - b); return s[s.length >> 1]!; };

export interface CavityFigures {
  /** median luma over the lips' in BANDS bands, top to bottom, of the middle columns */
  profile: number[];
  /** std of the opening's non-teeth luma over the lips' */
  spread: number;
  /** lit pixels' Lab hue minus the lips' (degrees; + toward yellow/orange), their chroma over the lips'; NaN without lit pixels */
  hueOff: number;
  /** hue38 (s38): the lips' own Lab hue (degrees) and chroma, so a band's absolute hue is lipHue + bandHue */
  lipLab: [number, number];
  chroma: number;
  /** hue35 (s35): per band (middle columns, dark pixels too) the Lab hue minus the lips' (degrees) and chroma over the lips' */
  bandHue: number[];
  bandChroma: number[];
  /** hue35: per band the mean r, g, b over their luma, each over the lips' own (1 1 1: the lips' hue; r up, b down: redder) */
  bandTint: [number, number, number][];
  /** hue35: the lips' r, g, b over luma each over the cheeks' (1 1 1: lips the skin's hue), and per band the opening's over the cheeks' */
  lipOverCheek: [number, number, number];
  bandOverCheek: [number, number, number][];
  /** hue35: vertical stripes on the tongue: over the opening's lower part (.55-.9 of its height) per column the mean luma over the lips', its mean absolute departure from a 7-column running mean (0: no stripes) */
  stripe: number;
  /** slab36 (s36): the opening's tonal structure. `range`: (p90 - p10) of the non-teeth luma over its mean (a flat slab low);
   *  `sides`: over the opening's lower part (.55-.9 of each column's height) the outer columns' (.5-.8 of the half width) mean luma
   *  over the middle columns' (under .25): a rounded tongue's sides in shade read under 1, a flat bar 1;
   *  `edge`: the sharpest rise of the middle columns' luma profile (per 1/20 of the height, over the lips'): a hard top edge high */
  range: number;
  sides: number;
  /** slab36: across the opening's upper-middle (.25-.55 of each column's height, teeth left out) the median luma over the lips' in
   *  four lateral bins (0-.2, .2-.4, .4-.6, .6-.8 of the half width): a painted slab reads one value, a real cavity its depth's fall */
  across: number[];
  edge: number;
  /** slab37 (s37): the tongue's top per column, the first row down (.1-.95 of the column's height, 3-row running mean, teeth left out)
   *  at least halfway from the middle columns' dark (their least over .1-.6 of the height) to their lit tongue (their most over .5-.95;
   *  none when the two are under .15 of the lips' luma apart). `arch`: how much lower the outer columns'
   *  top (.45-.7 of the half width) sits than the middle's (under .2), over the middle's opening height: a level line 0, an arch
   *  higher in the middle > 0; `soft`: over the middle columns, the rows from 20 % to 80 % of the way from that dark to that lit, over
   *  the column's height (a hard contour low) */
  arch: number;
  soft: number;
  /** cavity38 (s38): the opening's luma structure, median luma over the lips' (teeth left out) in a GRID_ROWS x GRID_COLS grid:
   *  rows by share of each column's height (top to bottom), columns by share of the half width (0-.2 .. .6-.8, both sides):
   *  a real dark mouth darkest in the middle-back, lighter toward the walls and under the upper row; one flat tone reads one value */
  grid: number[][];
  /** cavity38: the dark's own depth: of the non-teeth pixels darker than DEEP_OF_LIP of the lips' luma, their share of the opening
   *  and their p5 and p50 luma over the lips' (a flat painted dark: p5 near p50; a real one deepens into its middle-back: p5 well under) */
  dark: [number, number, number];
  /** cavity38: where the deepest dark sits: the darkest tenth of the opening's non-teeth pixels' mean lateral position (0 middle
   *  .. 1 corner, share of the half width) and height (0 top .. 1 bottom, share of its column's) */
  deepAt: [number, number];
  /** tongue39 (s39): the corners, per side (image-left, image-right): of the non-teeth pixels beyond CORNER_FROM of the half
   *  width, p5 and p50 luma over the lips' (critic38's black wedge at lp_s9's image-right corner: p5 near 0) */
  corners: [number, number][];
}
const CORNER_FROM = 0.8;
const DEEP_OF_LIP = 0.5;
const GRID_ROWS = 4, GRID_COLS = 4;

/** cheek points (face mesh) whose small neighbourhood gives the skin's colour */
const CHEEKS = [205, 425, 50, 280];

export function cavityFigures(img: RgbaImage, lm: ArrayLike<number>): CavityFigures | null {
  const d = img.data, W = img.width;
  const lipRgb = [0, 0, 0];
  for (const [o, n] of LIP_PAIRS) {
    const x = Math.round((lm[o * 3]! + lm[n * 3]!) / 2), y = Math.round((lm[o * 3 + 1]! + lm[n * 3 + 1]!) / 2), i = (y * W + x) * 4;
    for (let c = 0; c < 3; c++) lipRgb[c] += d[i + c]! / LIP_PAIRS.length;
  }
  const { light: lipLight, sat: lipSat } = lipReference(img, lm);
  const poly = MOUTH_LOOP.map((k) => [lm[k * 3]!, lm[k * 3 + 1]!] as [number, number]);
  const cx = (lm[13 * 3]! + lm[14 * 3]!) / 2, half = Math.abs(lm[308 * 3]! - lm[78 * 3]!) / 2;
  let y0 = Infinity, y1 = -Infinity;
  for (const [, y] of poly) { y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
  const bands: number[][] = Array.from({ length: BANDS }, () => []), all: number[] = [];
  const bandRgb = Array.from({ length: BANDS }, () => [0, 0, 0, 0]);
  let la = 0, lb = 0, nLit = 0;
  const xs: number[] = [];
  // per column the opening's top and bottom rows
  const tops = new Map<number, [number, number]>();
  for (let y = Math.ceil(y0); y <= Math.floor(y1); y++) {
    rowCrossings(poly, y, xs);
    for (let k = 0; k + 1 < xs.length; k += 2)
      for (let x = Math.ceil(xs[k]!); x <= xs[k + 1]!; x++) {
        const t = tops.get(x);
        tops.set(x, t ? [Math.min(t[0], y), Math.max(t[1], y)] : [y, y]);
      }
  }
  for (const [x, [top, bottom]] of tops) {
    if (bottom - top < 4 || Math.abs(x - cx) > 0.8 * half) continue;
    for (let y = top; y <= bottom; y++) {
      const i = (y * W + x) * 4, r = d[i]!, g = d[i + 1]!, b = d[i + 2]!;
      if (isTeethPixel(r, g, b, lipLight, lipSat)) continue;
      const l = (0.299 * r + 0.587 * g + 0.114 * b) / Math.max(1, lipLight);
      all.push(l);
      if (Math.abs(x - cx) <= 0.35 * half) {
        const k = Math.min(BANDS - 1, Math.floor(((y - top) / (bottom - top + 1)) * BANDS));
        bands[k]!.push(l);
        const br = bandRgb[k]!; br[0] += r; br[1] += g; br[2] += b; br[3]++;
      }
      if (l >= DARK_OF_LIP) { const [, a, bb] = lab(r, g, b); la += a; lb += bb; nLit++; }
    }
  }
  // (slab36) the lower part's middle and outer columns, and the middle columns' profile in 20 steps
  let midSum = 0, midN = 0, outSum = 0, outN = 0;
  const fine = Array.from({ length: 20 }, () => [0, 0]);
  const acrossBins: number[][] = [[], [], [], []];
  const placed: [number, number, number][] = [];
  const gridCells: number[][][] = Array.from({ length: GRID_ROWS }, () => Array.from({ length: GRID_COLS }, () => []));
  const cornerL: number[][] = [[], []];
  for (const [x, [top, bottom]] of tops) {
    if (Math.abs(x - cx) >= CORNER_FROM * half)
      for (let y = top; y <= bottom; y++) {
        const i = (y * W + x) * 4;
        if (!isTeethPixel(d[i]!, d[i + 1]!, d[i + 2]!, lipLight, lipSat)) cornerL[x < cx ? 0 : 1]!.push((0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!) / Math.max(1, lipLight));
      }
    if (bottom - top < 8) continue;
    const lat = Math.abs(x - cx) / Math.max(1, half);
    for (let y = top; y <= bottom; y++) {
      const i = (y * W + x) * 4, l = (0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!) / Math.max(1, lipLight), t = (y - top) / (bottom - top + 1);
      if (isTeethPixel(d[i]!, d[i + 1]!, d[i + 2]!, lipLight, lipSat)) continue;
      if (lat <= 0.25) { const f = fine[Math.min(19, Math.floor(t * 20))]!; f[0] += l; f[1]++; }
      if (t >= 0.25 && t <= 0.55 && lat < 0.8) acrossBins[Math.floor(lat / 0.2)]!.push(l);
      if (lat < 0.8) placed.push([l, lat, t]);
      if (lat < 0.8) gridCells[Math.min(GRID_ROWS - 1, Math.floor(t * GRID_ROWS))]![Math.floor(lat / 0.2)]!.push(l);
      if (t < 0.55 || t > 0.9) continue;
      if (lat <= 0.25) { midSum += l; midN++; } else if (lat >= 0.5 && lat <= 0.8) { outSum += l; outN++; }
    }
  }
  const fineMean = fine.map(([s, n]) => (n ? s / n : NaN));
  let edge = 0;
  for (let k = 1; k < 20; k++) if (Number.isFinite(fineMean[k]!) && Number.isFinite(fineMean[k - 1]!)) edge = Math.max(edge, fineMean[k]! - fineMean[k - 1]!);
  const { arch, soft } = tongueTopFigures(d, W, tops, cx, half, lipLight, lipSat);
  const colMean: [number, number][] = [];
  for (const [x, [top, bottom]] of tops) {
    if (bottom - top < 8 || Math.abs(x - cx) > 0.6 * half) continue;
    let sum = 0, n = 0;
    for (let y = Math.round(top + 0.55 * (bottom - top)); y <= top + 0.9 * (bottom - top); y++) {
      const i = (y * W + x) * 4;
      sum += (0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!) / Math.max(1, lipLight); n++;
    }
    if (n) colMean.push([x, sum / n]);
  }
  colMean.sort((a, b) => a[0] - b[0]);
  let stripeSum = 0, stripeN = 0;
  for (let k = 3; k + 3 < colMean.length; k++) {
    let m = 0;
    for (let j = -3; j <= 3; j++) m += colMean[k + j]![1] / 7;
    stripeSum += Math.abs(colMean[k]![1] - m); stripeN++;
  }
  if (all.length < 20) return null;
  const mean = all.reduce((s, v) => s + v, 0) / all.length;
  const spread = Math.sqrt(all.reduce((s, v) => s + (v - mean) ** 2, 0) / all.length);
  const sorted = [...all].sort((a, b) => a - b), pct = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const [, a0, b0] = lab(lipRgb[0]!, lipRgb[1]!, lipRgb[2]!);
  const hue = (a: number, b: number) => (Math.atan2(b, a) * 180) / Math.PI;
  const cheek = [0, 0, 0];
  let nCheek = 0;
  for (const k of CHEEKS)
    for (let dy = -2; dy <= 2; dy++)
      for (let dx = -2; dx <= 2; dx++) {
        const x = Math.round(lm[k * 3]!) + dx, y = Math.round(lm[k * 3 + 1]!) + dy;
        if (x < 0 || y < 0 || x >= W || y >= img.height) continue;
        const i = (y * W + x) * 4;
        for (let c = 0; c < 3; c++) cheek[c] += d[i + c]!;
        nCheek++;
      }
  const chrom = (m: readonly number[]) => { const l = 0.299 * m[0]! + 0.587 * m[1]! + 0.114 * m[2]!; return [m[0]! / l, m[1]! / l, m[2]! / l]; };
  const cheekC = chrom(cheek.map((v) => v / Math.max(1, nCheek))), over = (m: readonly number[]) => chrom(m).map((v, c) => v / cheekC[c]!) as [number, number, number];
  const lipLuma = 0.299 * lipRgb[0]! + 0.587 * lipRgb[1]! + 0.114 * lipRgb[2]!;
  const bandMean = bandRgb.map((v) => (v[3]! ? [v[0]! / v[3]!, v[1]! / v[3]!, v[2]! / v[3]!] : [NaN, NaN, NaN]));
  const bandLab = bandMean.map((m) => lab(m[0]!, m[1]!, m[2]!));
  return {
    lipLab: [hue(a0, b0), Math.hypot(a0, b0)],
    bandHue: bandLab.map(([, a, bb]) => hue(a, bb) - hue(a0, b0)),
    bandChroma: bandLab.map(([, a, bb]) => Math.hypot(a, bb) / Math.max(1e-6, Math.hypot(a0, b0))),
    bandTint: bandMean.map((m) => {
      const l = 0.299 * m[0]! + 0.587 * m[1]! + 0.114 * m[2]!;
      return [0, 1, 2].map((c) => (m[c]! / l) / (lipRgb[c]! / lipLuma)) as [number, number, number];
    }),
    stripe: stripeN ? stripeSum / stripeN : NaN,
    lipOverCheek: over(lipRgb),
    bandOverCheek: bandMean.map(over),
    profile: bands.map(median),
    range: (pct(0.9) - pct(0.1)) / Math.max(1e-6, mean),
    sides: midN && outN ? outSum / outN / (midSum / midN) : NaN,
    across: acrossBins.map(median),
    grid: gridCells.map((row) => row.map(median)),
    deepAt: ((ps) => { const n = Math.max(1, Math.ceil(ps.length / 10)), d = ps.slice(0, n); return [d.reduce((s, p) => s + p[1], 0) / n, d.reduce((s, p) => s + p[2], 0) / n]; })([...placed].sort((a, b) => a[0] - b[0])) as [number, number],
    dark: ((dk) => [dk.length / all.length, dk[Math.floor(0.05 * dk.length)] ?? NaN, dk[dk.length >> 1] ?? NaN])(sorted.filter((v) => v < DEEP_OF_LIP)) as [number, number, number],
    corners: cornerL.map((v) => { const q = [...v].sort((a, b) => a - b); return [q[Math.floor(0.05 * q.length)] ?? NaN, q[q.length >> 1] ?? NaN] as [number, number]; }),
    edge,
    arch,
    soft,
    spread,
    hueOff: nLit ? hue(la / nLit, lb / nLit) - hue(a0, b0) : NaN,
    chroma: nLit ? Math.hypot(la / nLit, lb / nLit) / Math.max(1e-6, Math.hypot(a0, b0)) : NaN,
  };
}

export const cavityText = (f: CavityFigures | null) =>
  f ? `deep ${f.dark.map(n2).join('/')} at ${f.deepAt.map(n2).join('/')} grid ${f.grid.map((row) => row.map(n2).join(' ')).join(' / ')} corners ${f.corners.map((c) => c.map(n2).join('/')).join(' ')} | profile ${f.profile.map((v) => (Number.isFinite(v) ? v.toFixed(2) : '--')).join(' ')} spread ${f.spread.toFixed(3)} range ${n2(f.range)} sides ${n2(f.sides)} across ${f.across.map(n2).join(' ')} edge ${n2(f.edge)} arch ${n2(f.arch)} soft ${n2(f.soft)} stripe ${n3(f.stripe)} hue ${Number.isFinite(f.hueOff) ? f.hueOff.toFixed(1) : '--'} chroma ${Number.isFinite(f.chroma) ? f.chroma.toFixed(2) : '--'} | lips h/C ${n0(f.lipLab[0])}/${n0(f.lipLab[1])} band hue ${f.bandHue.map(n0).join(' ')} chroma ${f.bandChroma.map(n2).join(' ')}  tint ${f.bandTint.map((t) => t.map(n2).join('/')).join(' ')} | lip/cheek ${f.lipOverCheek.map(n2).join('/')} bands/cheek ${f.bandOverCheek.map((t) => t.map(n2).join('/')).join(' ')}` : 'no cavity';
const n3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '--');
const n0 = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '--');
const n2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '--');

/** slab37: the tongue's top per column (see CavityFigures.arch / soft). */
function tongueTopFigures(d: ArrayLike<number>, W: number, tops: Map<number, [number, number]>, cx: number, half: number, lipLight: number, lipSat: number): { arch: number; soft: number } {
  // each column's 3-row running mean of luma over the lips' (teeth rows NaN)
  const cols: { lat: number; top: number; h: number; m: number[] }[] = [];
  for (const [x, [top, bottom]] of tops) {
    const h = bottom - top, lat = Math.abs(x - cx) / Math.max(1, half);
    if (h < 10 || lat > 0.7 || (lat > 0.2 && lat < 0.45)) continue;
    const l: number[] = [];
    for (let y = top; y <= bottom; y++) {
      const i = (y * W + x) * 4;
      l.push(isTeethPixel(d[i]!, d[i + 1]!, d[i + 2]!, lipLight, lipSat) ? NaN : (0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!) / Math.max(1, lipLight));
    }
    cols.push({ lat, top, h, m: l.map((_, k) => (k > 0 && k + 1 < l.length ? (l[k - 1]! + l[k]! + l[k + 1]!) / 3 : NaN)) });
  }
  const span = (m: number[], a: number, b: number) => m.slice(Math.max(0, Math.round(a)), Math.round(b) + 1).filter(Number.isFinite);
  const mids = cols.filter((c) => c.lat <= 0.2);
  if (!mids.length) return { arch: NaN, soft: NaN };
  // one threshold for all columns: halfway from the middle's dark (upper part) to its lit tongue (lower part)
  const dark = median(mids.map((c) => Math.min(...span(c.m, 0.1 * c.h, 0.6 * c.h)))), lit = median(mids.map((c) => Math.max(...span(c.m, 0.5 * c.h, 0.95 * c.h))));
  if (!(lit - dark > 0.15)) return { arch: NaN, soft: NaN };
  const thr = (dark + lit) / 2, mid: number[] = [], out: number[] = [], softs: number[] = [];
  for (const c of cols) {
    let at = -1;
    for (let k = Math.ceil(0.1 * c.h); k <= 0.95 * c.h; k++) if (c.m[k]! >= thr) { at = k; break; }
    if (at < 0) continue;
    (c.lat <= 0.2 ? mid : out).push(c.top + at);
    if (c.lat > 0.2) continue;
    // the step at the top: its 20-80 % span (rows, over the height) between the middle's dark and lit
    let k20 = -1, k80 = -1;
    for (let k = Math.ceil(0.1 * c.h); k <= 0.95 * c.h; k++) { if (k20 < 0 && c.m[k]! >= dark + 0.2 * (lit - dark)) k20 = k; if (k80 < 0 && c.m[k]! >= dark + 0.8 * (lit - dark)) k80 = k; }
    if (k20 >= 0 && k80 >= k20) softs.push((k80 - k20) / c.h);
  }
  const midH = median(mids.map((c) => c.h));
  return { arch: mid.length && out.length ? (median(out) - median(mid)) / midH : NaN, soft: softs.length ? median(softs) : NaN };
}

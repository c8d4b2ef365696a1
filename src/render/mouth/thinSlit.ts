// A nearly shut mouth's slit drawn as an even line, not a row of dots (issue #13, s57 speckle57; critic56/57 "shut lips
// speckled", "dotted seam"). Parted by under ~4 output px (st_happy + japanese.wav f37 / f39 / f105: .013-.018 IOD, 2-2.5 px
// at her 146 px IOD), what shows between the lips' inner bands is a dark core about a pixel tall. The raster cuts it in whole
// pixels (the lip triangles over the fan at pixel centres) and the coverage pass (lipCoverage.ts) covers only the pixels a line
// crosses that the fan owns, so along a sloping slit the core is one near-black pixel where it sits on a row (luma 18-22 on her
// lips' ~100) and two lighter ones where it straddles two (40-50): a dotted line, dark beads every few columns, which at 1x
// reads as grain where the lips meet.
// s57 filtered each column across and along ([.25 .5 .25]): even, but it lifted a 1.3 px parting's darkest pixel (mt_man 22 ->
// 45, test/lipOpening.test.ts: "a light line, not a dark slit"). s58 (seam58) moves the darkness instead of averaging it: in
// each column of a sloping slit the darkness of the rows beside its darkest row is moved into that row, up to the darkness of
// the slit's darkest pixel near by (the bead's), so every column shows one pixel as dark as the beads, none is made lighter
// where the slit is darkest, and each column keeps its ink (the line steps a row where its middle crosses one, as an
// unsmoothed 1 px line does, instead of fading in and out). s57's gate on the slit's slope (a level run has no beads) is
// gone: a column already whole is left as it is, and gated, a curved slit's evened sides met its untouched level middle as
// dashes (lp_s10 + vrt5a bead 6.5 -> 6.8 gated, 5.7 not). Wider openings and the photo's own mouth are left alone.
import type { RasterTarget } from '../raster.ts';
import { smoothstep } from '../../math/smooth.ts';
import { DARK_KEEP, inkMiddle, smoothAlong, smoothMiddles, softLine } from './slitProfile.ts';

/**
 * Settings. ON (s58 seam58: the darkness moved, not averaged; st_happy f37-39 bead 8.5-9.5 -> see docs/mouth/sessions/s58-seam58.md,
 * mt_man jawOpen .02's darkest centre pixel kept). Bench: --set render/mouth/thinSlit.ts:thinSlitSetting.on=false.
 * soft: ON (s59 edge59): each column's darkness laid as a soft line at its smoothed sub-pixel middle (slitProfile.ts), not
 * gathered into its darkest row (which stepped a whole row every 8-10 columns: critic58's staircase). Off: seam58's gathering.
 */
export const thinSlitSetting = { on: true, soft: true };

/** the opening's tallest column (output px) up to which its slit is evened whole, and from which not at all */
export const THIN_SLIT_PX = [2.5, 4] as const;
/**
 * ... and the tallest column (px) under which there is no slit to even (lips touching, a fraction of a pixel apart: the
 * shut frames of a turned or blinking head stay as they were), and from which it is evened whole
 */
export const LEAST_SLIT_PX = [0.5, 1] as const;
/** columns either side searched for the bead's darkness (st_happy f39 slopes .1-.13 px per column: a bead every 8-10 columns, half that) */
const BEAD_REACH = 4;
/** a column whose lip and core differ by fewer luma levels has no slit to even */
const LEAST_CONTRAST = 12;

/** How much (0..1) a slit whose tallest column is `tallest` px is evened; `rebuilt`: the share of the mouth that is drawn (not the photo's own). */
export function thinSlitStrength(tallest: number, rebuilt: number): number {
  if (!thinSlitSetting.on || !(tallest > 0)) return 0;
  return smoothstep(LEAST_SLIT_PX[0], LEAST_SLIT_PX[1], tallest) * (1 - smoothstep(THIN_SLIT_PX[0], THIN_SLIT_PX[1], tallest)) * Math.min(1, Math.max(0, rebuilt));
}

/** The opening's per-column lines (the shader's tables: the tighter of the rounded and raw lines is the opening). */
export interface SlitLines {
  readonly upperY: Float32Array;
  readonly lowerY: Float32Array;
  readonly upperRaw: Float32Array;
  readonly lowerRaw: Float32Array;
}

/** The opening's tallest column (px) over the columns it spans; 0 when none is open. */
export function tallestColumn(m: SlitLines): number {
  let most = 0;
  for (let x = 0; x < m.upperY.length; x++) {
    const h = Math.min(m.lowerY[x]!, m.lowerRaw[x]!) - Math.max(m.upperY[x]!, m.upperRaw[x]!);
    if (h > most) most = h;
  }
  return most;
}

const luma = (c: number) => 0.299 * (c & 255) + 0.587 * ((c >>> 8) & 255) + 0.114 * ((c >>> 16) & 255);

/**
 * Cover shares moved within one column (pure): `cover[k]` 0..1 is how far row k is from the lip toward the slit's core. The
 * darkest row takes `k` of the cover of the rows beside it (the larger first) until it is whole; what it takes they lose.
 * The sum is kept, no row's cover falls below 0, the darkest row's never falls.
 */
export function gatherCover(cover: number[], k: number): number[] {
  const out = cover.slice();
  let top = 0;
  for (let i = 1; i < out.length; i++) if (out[i]! > out[top]!) top = i;
  const sides = [top - 1, top + 1].filter((i) => i >= 0 && i < out.length).sort((a, b) => out[b]! - out[a]!);
  for (const i of sides) {
    const moved = Math.min(Math.max(0, 1 - out[top]!), k * Math.max(0, out[i]!));
    out[top]! += moved; out[i]! -= moved;
  }
  return out;
}

/**
 * In place: in every column of the opening, from the row above its top line to the row below its
 * bottom one, the slit's darkness laid as a soft line at the column's smoothed middle (slitProfile.ts softLine; setting soft
 * off: gathered into the column's darkest row, gatherCover), by `strength` from thinSlitStrength.
 * A pixel's cover is read as how far its luma lies from the column's lightest (the lip) toward the darkest pixel of the slit
 * within BEAD_REACH columns (the bead); a changed pixel moves by the change of cover times (bead colour - lip colour) (soft:
 * toward the bead, or toward the lip beside the slit, by the share of the way it moves, towardCover).
 */
export function softenThinSlit(t: RasterTarget, m: SlitLines, strength: number): void {
  if (!(strength > 0)) return;
  const W = t.width, H = t.height, color = t.color, n = Math.min(W, m.upperY.length);
  const rows = (x: number): [number, number] => {
    const top = Math.max(m.upperY[x]!, m.upperRaw[x]!), bottom = Math.min(m.lowerY[x]!, m.lowerRaw[x]!);
    return bottom > top ? [Math.max(0, Math.floor(top) - 1), Math.min(H - 1, Math.floor(bottom) + 1)] : [1, 0];
  };
  // per column the slit's darkest pixel (its colour), read before any column is changed
  const dark = new Array<number>(n).fill(-1);
  for (let x = 0; x < n; x++) {
    const [a, b] = rows(x);
    let best = -1, bl = 256;
    for (let y = a; y <= b; y++) { const c = color[y * W + x]!; if (c >>> 24 !== 0 && luma(c) < bl) { bl = luma(c); best = c; } }
    dark[x] = best;
  }
  // per column: its rows, their covers and the colours the cover runs between (read before any column is changed)
  const cols: ({ ys: number[]; cover: number[]; bead: number; lip: number } | null)[] = new Array(n).fill(null);
  const middle = new Array<number>(n).fill(NaN);
  for (let x = 1; x + 1 < n; x++) {
    const [a, b] = rows(x);
    if (!(b > a)) continue;
    // the bead: the darkest pixel of the slit near by; the lip: this column's lightest pixel
    let bead = -1;
    for (let j = Math.max(0, x - BEAD_REACH); j <= Math.min(n - 1, x + BEAD_REACH); j++) if (dark[j]! >= 0 && (bead < 0 || luma(dark[j]!) < luma(bead))) bead = dark[j]!;
    let lip = -1;
    for (let y = a; y <= b; y++) { const c = color[y * W + x]!; if (c >>> 24 !== 0 && (lip < 0 || luma(c) > luma(lip))) lip = c; }
    if (bead < 0 || lip < 0) continue;
    const Lb = luma(bead), Ll = luma(lip);
    if (Ll - Lb < LEAST_CONTRAST) continue;
    const ys: number[] = [], cover: number[] = [];
    for (let y = a; y <= b; y++) { const c = color[y * W + x]!; if (c >>> 24 === 0) continue; ys.push(y); cover.push(Math.min(1, Math.max(0, (Ll - luma(c)) / (Ll - Lb)))); }
    cols[x] = { ys, cover, bead, lip };
    middle[x] = inkMiddle(ys, cover);
  }
  // the soft line's middles, smoothed along the slit (slitProfile.ts); off: seam58's gathering into the darkest row
  const soft = thinSlitSetting.soft ? smoothMiddles(middle) : null;
  const ink = soft !== null ? smoothAlong(cols.map((c) => (c === null ? 0 : c.cover.reduce((a, b) => a + b, 0))), middle) : null;
  // (the slit as dark as gathering made it: its darkest row whole once a row's worth of ink is there, seam58)
  const core = ink !== null ? ink.map((v) => Math.min(1, v)) : null;
  for (let x = 1; x + 1 < n; x++) {
    const col = cols[x];
    if (col === null) continue;
    const { ys, cover, bead, lip } = col;
    const moved = soft !== null ? softLine(ys, cover, soft[x]!, strength, ink![x]!, DARK_KEEP * core![x]!) : gatherCover(cover, strength);
    for (let r = 0; r < ys.length; r++) {
      const d = moved[r]! - cover[r]!;
      if (d === 0) continue;
      const i = ys[r]! * W + x, c = color[i]!;
      // (a row losing darkness goes toward the lip beside the slit on its side, not the column's lightest pixel: the lower
      // lip's highlight put pale flecks along the upper lip's rim)
      const outside = soft === null ? 0 : ys[r]! + 0.5 < soft[x]! ? Math.max(0, ys[0]! - 1) : Math.min(H - 1, ys[ys.length - 1]! + 1);
      const beside = color[outside * W + x]!;
      color[i] = soft !== null ? towardCover(c, cover[r]!, moved[r]!, bead, beside >>> 24 === 0 ? lip : beside) : shiftCover(c, d, bead, lip);
    }
  }
}

/** Pixel c's colour moved by cover change d along (bead - lip) (seam58: a row gathering darkness). */
function shiftCover(c: number, d: number, bead: number, lip: number): number {
  let packed = 0;
  for (let ch = 0; ch < 3; ch++) {
    const v = (c >>> (8 * ch)) & 255, toward = ((bead >>> (8 * ch)) & 255) - ((lip >>> (8 * ch)) & 255);
    packed |= Math.min(255, Math.max(0, Math.round(v + d * toward))) << (8 * ch);
  }
  return (packed | (c & 0xff000000)) >>> 0;
}

/**
 * Pixel c, read as cover `was`, given cover `now` (s59 soft line): mixed toward the bead by the share of the remaining way
 * it gains, or toward the lip by the share of its cover it loses. Never past either colour: moved along (bead - lip) by the
 * cover lost, a lip-edge pixel of another hue (the upper lip's dark red rim) overshot to a pink fleck.
 */
function towardCover(c: number, was: number, now: number, bead: number, lip: number): number {
  const up = now > was;
  const k = up ? (now - was) / Math.max(1e-6, 1 - was) : (was - now) / Math.max(1e-6, was);
  const to = up ? bead : lip;
  let packed = 0;
  for (let ch = 0; ch < 3; ch++) {
    const v = (c >>> (8 * ch)) & 255, w = (to >>> (8 * ch)) & 255;
    packed |= Math.min(255, Math.max(0, Math.round(v + Math.min(1, k) * (w - v)))) << (8 * ch);
  }
  return (packed | (c & 0xff000000)) >>> 0;
}

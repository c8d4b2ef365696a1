// The lips' own texture along the opening. The inner-lip vertices sit on the photo's lip line: a
// closed (or barely parted) photo has its dark slit there, 2-4 px wide at 512 px and reaching past
// the lip's inner middle row (mt_man), and an opened mouth stretched it into a dark rim all around
// the opening. As the lips part past the photo's own gap, each lip's texture is taken from a little
// further out: every row between the inner and the outer contour samples a share of the way toward
// the outer one, so the opening is rimmed by lip, not by the slit.
import { LIP_COLUMNS_UPPER as UPPER, LIP_COLUMNS_LOWER as LOWER } from '../../rig/topology.ts';

/**
 * Per lip (upper, lower): at a full opening the inner row samples `shift` of the way to the outer
 * contour, past the photo's slit, and each row (inner, the two middle rows) a share `rows` of that
 * same compression (the outer contour stays), so the rows keep their order, at least half their
 * rest spacing apart. The upper lip's rows all slide 0.45 (mt_man's dark reaches 0.3 of it). The
 * lower lip's inner row 0.38 (mt_man's slit and its shade reach 0.25 of it at the centre; 0.3 left
 * a dark red line along his lower rim, test/mouthRim), its outer rows less and less (session 13:
 * slid 0.45 throughout, its texture was squeezed into its outer half and stretched back over it:
 * its gloss went, and the photo's soft diagonal shadow edge across it was drawn twice as steep, a
 * hard edge on a flat pink slab in every open frame of mt_man, three reviews running). (Round 11 slid the inner row 1.5x further, 0.6:
 * onto the next row's sample line, so the inner third of each lip was one texture row drawn tall:
 * vertical streaks.)
 */
const SLIDE = [{ shift: 0.45, rows: [1, 1, 1] }, { shift: 0.38, rows: [1, 0.85, 0.4] }] as const;

/**
 * Sets the texture coordinates of the lip rows (landmark index = vertex index) for an opening
 * `open` (0 = the photo's own, 1 = parted well past it): `uv` the rest ones, `uvNow` the frame's;
 * `round`: how much the opening is an "O" (frameLight.ts roundness).
 */
export function slideLipTexture(uv: ArrayLike<number>, uvNow: Float32Array, open: number, shares: LipSlideShares | null = null, round = 0): void {
  const opened = Math.min(1, Math.max(0, open)), k = SLIDE[0].shift * opened;
  for (const [li, lip] of [UPPER, LOWER].entries()) {
    const outer = lip[3], { shift, rows } = SLIDE[li]!;
    for (let row = 0; row < 3; row++) {
      const ids = lip[row]!, kRow = shift * rows[row]! * opened;
      for (let c = 0; c < ids.length; c++) {
        const v = ids[c]!, o = outer[c]!, kc = kRow * (shares ? shares[li]![c]! : 1);
        uvNow[v * 2] = uv[v * 2]! + kc * (uv[o * 2]! - uv[v * 2]!);
        uvNow[v * 2 + 1] = uv[v * 2 + 1]! + kc * (uv[o * 2 + 1]! - uv[v * 2 + 1]!);
      }
    }
  }
  // the inner corners too (toward the outer ones): the photo's dark corner of an open mouth
  // otherwise stays as a dark notch at each corner of the closed or reopened lips
  for (const [v, o] of CORNER_ROWS) {
    uvNow[v * 2] = uv[v * 2]! + k * (uv[o * 2]! - uv[v * 2]!);
    uvNow[v * 2 + 1] = uv[v * 2 + 1]! + k * (uv[o * 2 + 1]! - uv[v * 2 + 1]!);
  }
  // the inner corners sample out past the outer corner (the skin beyond the commissure): on the way
  // there, along the photo's lip line, they kept its dark slit as a spike out of each corner. In an
  // "O" (round) the corners are lips pressed together, drawn wide by the pucker: there they take
  // the lower lip beside them (its slid inner row's end; halfway to the upper one is the slit), not the skin (a grey wedge at each corner of
  // lp_s42's and mt_man's O)
  const cornerOpen = Math.min(1, Math.max(0, open)), pressed = Math.min(1, Math.max(0, round));
  for (const [ci, [v, o]] of CORNERS.entries()) {
    const kc = CORNER_REACH * cornerOpen, end = ci === 0 ? 0 : LOWER[0].length - 1;
    const b = LOWER[0][end]!;
    const pu = uv[v * 2]! + kc * (uv[o * 2]! - uv[v * 2]!), pv = uv[v * 2 + 1]! + kc * (uv[o * 2 + 1]! - uv[v * 2 + 1]!);
    uvNow[v * 2] = pu + pressed * (uvNow[b * 2]! - pu);
    uvNow[v * 2 + 1] = pv + pressed * (uvNow[b * 2 + 1]! - pv);
    // and the outer corner a little past itself (the photo's darkest spot is the commissure)
    const ko = CORNER_OUT * cornerOpen * (1 - pressed);
    uvNow[o * 2] = uv[o * 2]! + ko * (uv[o * 2]! - uv[v * 2]!);
    uvNow[o * 2 + 1] = uv[o * 2 + 1]! + ko * (uv[o * 2 + 1]! - uv[v * 2 + 1]!);
  }
}
const CORNERS = [[78, 61], [308, 291]] as const;
/** At a full opening the inner corners sample this far along (and past, > 1) inner -> outer corner. */
const CORNER_REACH = 1.5, CORNER_OUT = 1.2;
/**
 * The ends of the lips' middle rows, on the photo's lip line between the inner and outer corners,
 * slide off it toward their lip's outer contour: the photo's dark slit there otherwise drew a dark
 * spike out of each corner of an open mouth (lp_s2, lp_s42).
 */
const CORNER_ROWS = [[62, 185], [76, 185], [292, 409], [306, 409], [96, 146], [77, 146], [325, 375], [307, 375]] as const;

/** Per lip (upper, lower) and column, the share of its lip's slide that column takes (1: all of it). */
export type LipSlideShares = [Float32Array, Float32Array];

/** Below this share of its lip's light (the median of the lip's outer half) a pixel is the photo's slit or its shadow. */
const SLIT_DARK = 0.8;
/** the slide goes this much (of the way inner -> outer) past the slit's last dark sample */
const SLIT_MARGIN = 0.1;

/**
 * How far each lip column needs to slide: past the photo's dark slit along it (the last sample
 * darker than SLIT_DARK of the lip's light, plus SLIT_MARGIN), at most the lip's shift; smoothed across
 * columns. A lip without a dark slit (a painting's red inner lip, lp_s10) keeps its texture in place:
 * slid all the way, every row's texture was squeezed into the lip's outer half and the photo's
 * soft diagonal light boundary became a hard vertical seam (lp_s10's lower lip; mt_man's).
 */
export function lipSlideShares(tex: { width: number; height: number; data: ArrayLike<number> }, uv: ArrayLike<number>): LipSlideShares {
  const lumAt = (x: number, y: number) => {
    const xi = Math.min(tex.width - 1, Math.max(0, Math.round(x - 0.5))), yi = Math.min(tex.height - 1, Math.max(0, Math.round(y - 0.5))), o = (yi * tex.width + xi) * 4;
    return 0.299 * tex.data[o]! + 0.587 * tex.data[o + 1]! + 0.114 * tex.data[o + 2]!;
  };
  const STEPS = 12;
  return [UPPER, LOWER].map((lip, li) => {
    const shift = SLIDE[li]!.shift;
    const inner = lip[0], outer = lip[3], n = inner.length;
    const along = (c: number, t: number) => lumAt(uv[inner[c]! * 2]! + t * (uv[outer[c]! * 2]! - uv[inner[c]! * 2]!), uv[inner[c]! * 2 + 1]! + t * (uv[outer[c]! * 2 + 1]! - uv[inner[c]! * 2 + 1]!));
    const body: number[] = [];
    for (let c = 0; c < n; c++) for (let k = STEPS / 2; k <= STEPS; k++) body.push(along(c, k / STEPS));
    body.sort((a, b) => a - b);
    const light = body[body.length >> 1]!;
    const need = new Float32Array(n);
    for (let c = 0; c < n; c++) {
      let last = -1;
      for (let k = 0; k <= STEPS; k++) { const t = (k / STEPS) * shift * 1.5; if (t > shift) break; if (along(c, t) < SLIT_DARK * light) last = t; }
      need[c] = last < 0 ? 0 : Math.min(1, (last + SLIT_MARGIN) / shift);
    }
    // (a neighbour's need, then a soft average: columns sliding unlike their neighbours squeeze the texture between them)
    const wide = need.map((_, c) => Math.max(need[Math.max(0, c - 1)]!, need[c]!, need[Math.min(n - 1, c + 1)]!));
    return wide.map((_, c) => 0.25 * wide[Math.max(0, c - 1)]! + 0.5 * wide[c]! + 0.25 * wide[Math.min(n - 1, c + 1)]!);
  }) as LipSlideShares;
}

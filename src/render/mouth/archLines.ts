// The inner lip lines of a wide opening moved onto arcs (s55, hexagon55; critic55: lp_s42 <- christie
// f6 / f34 / f109, lp_s7 <- lp_d10 f60 / f89, st_happy <- lp_d6 f60 "a hard hexagon, straight
// diagonals at the corners"). The rig's fields (jaw, mouthLowerDown, frown, stretch) move each lip
// point by its own share, and at a big opening the 11 points of a line can sit on two or three
// straight runs: christie f6's lower line 78-95-88-178 turns 10 and 4 degrees, then 16 and 29 (a
// straight side leaving the corner), her upper line rises .63 of its middle's height by 191-80 where
// the driver's arc stands at .49 (a steep side under a flat top). A spline through those points is the
// same polygon (angular46), and a drawn line inside it only cuts the lips (s42 / s43): the points move.
// Per line, each point's height over the corners' chord is taken toward H (1 - r^2)^ARCH_TAPER, H the
// line's highest point and r the point's way from it to its corner (0..1): the rig's own taper of a
// real loud opening's gap (rig/jaw.ts OPENING_TAPER; the drivers' inner lines read .6-.9 on
// lp_d6 / lp_d10 f60). The lip's two middle rows follow by 2/3 and 1/3 (its outer contour stays): the
// lip thins or thickens a little at the sides instead of its texture tearing.
// s56 (hexcorner56; critic55 #3 "a hexagon with straight diagonal sides at the corners"): that arc
// stands straight up at its corners ((1 - r^2)^.8 has a vertical tangent there), so its first column
// (.13-.24 half widths in) stood .16-.45 half widths off the chord and the corner read as a blunt
// 100-120 degree vertex, the opening a truncated lens. A real open mouth's corner is a tight point:
// the lines leave it close to each other and open out. The arc is now pinched over the last
// ARCH_TIP of the half width: times 1 - (1 - d / ARCH_TIP)^2, d the point's way from its corner
// (a tangent start, curving into the arc; the middle untouched).
// s57 (boat57; critic56 "a pointed boat: pinched corners joined by straight diagonal lower sides"): read off the
// pixels (bench/outlineProfile.ts, the lip edge per column near the face mesh's line), a real wide opening's lower
// edge leaves its corner fast and rounds into a bowl: at .15 half widths in it already stands .42-.48 of its depth
// (lp_d6 f48-f104), ours .27-.32, because the pinch over .45 half widths held the first column (.13-.24 in) down and
// the line ran straight from there to the arc's middle. Each line now has its own taper and pinch (archShapeSetting):
// the pinch kept to the last points by the corner (a tangent start still, no blunt vertex), the lower arc rounder.
import { smoothstep } from '../../math/smooth.ts';
import { LIP_COLUMNS_LOWER, LIP_COLUMNS_UPPER } from '../../rig/topology.ts';

/** On by default (false: main's mesh lines, as the rig leaves them); `tip`: ARCH_TIP (0: s55's arc to the corner). */
export const archLinesSetting = { on: true, tip: 0.45 };
/**
 * s57: each line's own arc (on; off: both lines s56's ARCH_TAPER and archLinesSetting.tip): the lower line's taper and
 * pinch reach (half widths), the upper's.
 */
export const archShapeSetting = { on: true, lowerTaper: 0.65, lowerTip: 0.12, upperTaper: 0.75, upperTip: 0.12 };
/** The taper and the pinch's reach of one line (side 1 the lower, -1 the upper). */
export function lineShape(side: number): { taper: number; tip: number } {
  const s = archShapeSetting;
  if (!s.on) return { taper: ARCH_TAPER, tip: archLinesSetting.tip };
  return side > 0 ? { taper: s.lowerTaper, tip: s.lowerTip } : { taper: s.upperTaper, tip: s.upperTip };
}
/** The arc's taper: a line's height at r of the way to its corner, over its highest point's (rig/jaw.ts OPENING_TAPER). */
export const ARCH_TAPER = 0.8;
/** The corner's pinch reaches this far along the chord (half widths) from each corner. */
export const ARCH_TIP = 0.45;
/** The move is taken in over this lip gap (13-14, IOD): small openings and shut lips keep the rig's lines byte for byte. */
export const ARCH_GAP = [0.15, 0.25] as const;
/** Nor in an O (the lips' rows fold over the fan there, foldRim.ts) or a grin (a wide flat opening over the teeth). */
const ROUND_OFF = [0.1, 0.4] as const, GRIN_OFF = [0.2, 0.6] as const;
/** A point moves at most this far (IOD): a frame whose line is not one arc (a lip folded by a pucker) is left near its own. */
const MOVE_CAP = 0.06;
/** A line whose highest point stands less than this (IOD) off the chord has no arc to follow. */
const MIN_HEIGHT = 0.03;
/** The middle rows' share of their column's inner point's move (the outer contour 0). */
const ROW_FOLLOW = [1, 2 / 3, 1 / 3] as const;

/** How much of the arc a frame takes: by the lip gap (IOD), not in an O or a grin. */
export function archShare(gap: number, rounding = 0, grin = 0): number {
  if (!archLinesSetting.on) return 0;
  return smoothstep(ARCH_GAP[0], ARCH_GAP[1], gap) * (1 - smoothstep(ROUND_OFF[0], ROUND_OFF[1], rounding)) * (1 - smoothstep(GRIN_OFF[0], GRIN_OFF[1], grin));
}

/**
 * The move of each point of one line (heights g over the chord at chord positions s, -1..1 corner to
 * corner, the opening's side positive) toward H (1 - r^2)^ARCH_TAPER cornerPinch(d, tip): out[k] =
 * target - g[k] (0 at the corners and at the highest point); all 0 when the line stands under `minHeight`.
 */
export function arcMoves(s: ArrayLike<number>, g: ArrayLike<number>, minHeight: number, out: Float64Array, tip = archLinesSetting.tip, taper = ARCH_TAPER): void {
  const n = s.length;
  let top = 0;
  for (let k = 1; k < n; k++) if (g[k]! > g[top]!) top = k;
  out.fill(0);
  const H = g[top]!, s0 = s[top]!;
  if (!(H >= minHeight)) return;
  for (let k = 1; k + 1 < n; k++) {
    const span = s[k]! < s0 ? s0 + 1 : 1 - s0;
    const r = Math.min(1, Math.abs(s[k]! - s0) / Math.max(1e-6, span));
    out[k] = H * Math.pow(1 - r * r, taper) * cornerPinch(s[k]! < s0 ? s[k]! + 1 : 1 - s[k]!, tip) - g[k]!;
  }
}

/** The share of the arc kept at d half widths from a corner: 1 - (1 - d / tip)^2 within `tip`, 1 past it (and with no tip). */
export function cornerPinch(d: number, tip: number): number {
  if (!(tip > 0) || d >= tip) return 1;
  const t = 1 - Math.max(0, d) / tip;
  return 1 - t * t;
}

const S = new Float64Array(11), G = new Float64Array(11), MOVE = new Float64Array(11);

/**
 * Moves the inner lip lines (corner 78, the columns, corner 308) of the projected mesh (sx, sy: output
 * pixels, in place) `share` of the way onto their arcs, with the lips' middle rows; `unit` px per IOD.
 */
export function archLipLines(sx: Float32Array, sy: Float32Array, unit: number, share: number): void {
  if (!(share > 0) || !(unit > 0)) return;
  const ax = sx[78]!, ay = sy[78]!, bx = sx[308]!, by = sy[308]!, len = Math.hypot(bx - ax, by - ay);
  if (!(len > 1)) return;
  const half = 0.5 * len, ux = (bx - ax) / len, uy = (by - ay) / len, cap = MOVE_CAP * unit;
  for (const [rows, side] of [[LIP_COLUMNS_UPPER, -1], [LIP_COLUMNS_LOWER, 1]] as const) {
    const inner = rows[0], n = inner.length + 2;
    S[0] = -1; G[0] = 0; S[n - 1] = 1; G[n - 1] = 0;
    for (let q = 0; q < inner.length; q++) {
      const x = sx[inner[q]!]! - ax, y = sy[inner[q]!]! - ay;
      S[q + 1] = (x * ux + y * uy) / half - 1;
      // height over the chord, toward the opening (the upper line above it, the lower below it)
      G[q + 1] = side * (y * ux - x * uy);
    }
    const shape = lineShape(side);
    arcMoves(S.subarray(0, n), G.subarray(0, n), MIN_HEIGHT * unit, MOVE, shape.tip, shape.taper);
    for (let q = 0; q < inner.length; q++) {
      const d = share * Math.max(-cap, Math.min(cap, MOVE[q + 1]!));
      if (d === 0) continue;
      // along the chord's normal, away from it on the line's side
      const dx = -side * uy * d, dy = side * ux * d;
      for (let r = 0; r < ROW_FOLLOW.length; r++) { const i = rows[r]![q]!; sx[i] = sx[i]! + ROW_FOLLOW[r]! * dx; sy[i] = sy[i]! + ROW_FOLLOW[r]! * dy; }
    }
  }
}

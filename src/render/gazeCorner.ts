// A hard side glance: the iris in the eye's corner at the height a real one takes there (gaze42, critic42:
// lp_s0 <- lp_d14 f68-88, lp_s2 <- lp_d0 f24-60 read as eyes rolled up / blind). The gaze shader moved the iris
// straight sideways in the photo's texture (gazeIris.ts) up to its reach past the corner (irisDisc.ts sideReach).
// The photo's iris sits high in its opening (its centre .37-.57 of the way down from the upper lid) and the
// lids close in toward the corners, the upper lid coming down more, so at the reach the centre was .0-.2 of the
// way down an opening 0.4-0.5 of the rest opening tall: only the iris's lower rim showed, a dark sliver under
// the upper lid with the grey white behind the moved iris below it. A driver's hard glance (face mesh,
// lp_d14 f68-88, lp_d0 f24-60) keeps the iris centre .2-.5 of the way down, where the opening is still
// .6-.75 of its height at rest. Two per-eye rules, read once from the rest opening:
//   - the centre keeps its rest share of the way down the opening at the x it moves to (a small vertical
//     shift, added to the gaze's own);
//   - it moves sideways no further than where the opening is OPEN_KEEP of its height at the rest centre.
// Pure functions; GazeIris applies them (a few lines of hook).

/** The centre moves sideways no further than where the opening is this share of its height at rest. */
export const OPEN_KEEP = 0.75;

/** An eye's opening in the texture: its upper and lower lid lines as points left to right (texture px). */
export interface Opening { upper: [number, number][]; lower: [number, number][] }

/** y of a polyline (points in any order along x) at x, linear between points; NaN outside its x range. */
export function lineAt(pts: [number, number][], x: number): number {
  const s = [...pts].sort((a, b) => a[0] - b[0]);
  for (let k = 0; k < s.length - 1; k++) {
    const [x0, y0] = s[k]!, [x1, y1] = s[k + 1]!;
    if (x >= x0 && x <= x1) return x1 > x0 ? y0 + ((x - x0) / (x1 - x0)) * (y1 - y0) : (y0 + y1) / 2;
  }
  return NaN;
}

/** The opening's height at x (0 outside it). */
export function openingAt(o: Opening, x: number): number {
  const h = lineAt(o.lower, x) - lineAt(o.upper, x);
  return Number.isFinite(h) ? Math.max(0, h) : 0;
}

/**
 * How far (texture px, >= 0) the centre at cx may move toward `dir` (-1 image left, +1 right) before the
 * opening there falls under OPEN_KEEP of its height at cx; `limit` when it never does within it.
 */
export function openReach(o: Opening, cx: number, dir: number, limit: number, keep = OPEN_KEEP): number {
  const rest = openingAt(o, cx);
  if (!(rest > 0)) return limit;
  const step = 0.25;
  for (let s = step; s <= limit; s += step) {
    if (openingAt(o, cx + dir * s) < keep * rest) return s - step;
  }
  return limit;
}

/**
 * The vertical shift (texture px, + down) that keeps the iris centre (cx, cy) at its rest share of the way
 * down the opening when it moves sideways by sx: 0 at sx 0, or where the opening is not read.
 */
export function followDrop(o: Opening, cx: number, cy: number, sx: number): number {
  const t0 = lineAt(o.upper, cx), b0 = lineAt(o.lower, cx);
  const t = lineAt(o.upper, cx + sx), b = lineAt(o.lower, cx + sx);
  if (![t0, b0, t, b].every(Number.isFinite) || b0 - t0 <= 0 || b - t <= 0) return 0;
  const share = Math.min(1, Math.max(0, (cy - t0) / (b0 - t0)));
  return t + share * (b - t) - cy;
}

// A big painted iris's pupil at the corner (cornercut49, lp_s7 <- lp_d10 f88-92, gaze x 1): a cartoon iris is most of
// the opening wide (lp_s7: radius ~.7 of the half width, pupil ~9 px of a 26 px half width), so at the reach OPEN_KEEP
// allows the pupil's leading edge runs to within 2 px of the mesh's corner, where the skin past the mesh's lid lines
// (the photo's painted white, not a lid) cuts it along a triangle edge: a black disc sliced by a straight line. The
// iris's light rim may go under the corner (it reads as the lid covering it); the pupil stops where its leading half
// still lies inside the opening with PUPIL_ROOM to spare.

/** Off: a big iris's pupil may run into the mesh's corner (lp_s7's sliced pupil). */
export const pupilReachSetting = { on: true };

/** The pupil: texels darker than this share of the white's luma, within PUPIL_WITHIN of the painted iris's radius. */
export const PUPIL_DARK = 0.3, PUPIL_WITHIN = 0.6;
/** The pupil's leading half, its radius times this, stays inside the opening (room for a squint's lids on screen). */
export const PUPIL_ROOM = 1.3;
/** The leading half: the pupil's rim within this many degrees of the look's direction (toward the corner; its top and bottom meet the lids at rest too). */
export const PUPIL_ARC = 45;

/** The pupil's radius (texture px, by its dark texels' area) of a painted iris at (cx, cy) of radius r; `lumaAt` the texel's luma. */
export function pupilRadius(lumaAt: (x: number, y: number) => number, cx: number, cy: number, r: number, white: number): number {
  let n = 0;
  const reach = PUPIL_WITHIN * r;
  for (let y = Math.floor(cy - reach); y <= Math.ceil(cy + reach); y++) for (let x = Math.floor(cx - reach); x <= Math.ceil(cx + reach); x++) {
    if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= reach && lumaAt(x, y) < PUPIL_DARK * white) n++;
  }
  return Math.sqrt(n / Math.PI);
}

/** Whether the leading half (toward `dir`) of a circle of radius `r` at (x, y) lies inside the opening. */
export function leadingHalfInside(o: Opening, x: number, y: number, r: number, dir: number): boolean {
  for (let a = -PUPIL_ARC; a <= PUPIL_ARC; a += 5) {
    const t = (a * Math.PI) / 180, px = x + dir * r * Math.cos(t), py = y + r * Math.sin(t);
    const top = lineAt(o.upper, px), bottom = lineAt(o.lower, px);
    if (!(py >= top && py <= bottom)) return false;
  }
  return true;
}

/**
 * How far (texture px, >= 0) the centre (cx, cy) may move toward `dir` before the pupil's leading half (radius
 * `pupil` x PUPIL_ROOM, the centre kept its share of the way down: followDrop) leaves the opening; `limit` when it
 * never does within it, or when it is not inside at rest (a pupil under a lid: no rule).
 */
export function pupilReach(o: Opening, cx: number, cy: number, pupil: number, dir: number, limit: number): number {
  const r = pupil * PUPIL_ROOM;
  if (!(pupil > 0) || !leadingHalfInside(o, cx, cy, r, dir)) return limit;
  const step = 0.25;
  for (let s = step; s <= limit; s += step) {
    if (!leadingHalfInside(o, cx + dir * s, cy + followDrop(o, cx, cy, dir * s), r, dir)) return s - step;
  }
  return limit;
}

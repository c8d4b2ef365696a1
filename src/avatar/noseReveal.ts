// The side of the nose a turn shows: the photo saw that sidewall nearly edge-on (for a nose in
// profile against the cheek its triangles are slivers a pixel wide along the nose's outline), and a
// turn widens them 3-7x: the outline's shadow drawn as a broad dark diagonal smear (lp_s12 at +25).
// Here the sidewall's texture positions are re-spread for the turn: a Poisson solve asks each
// edge of the sidewall to span in the texture what it spans on screen at a 25° turn, with every
// vertex off the sidewall held at its own position. The sliver then samples the skin either side
// of the outline's line, and the line stays a line. Used through the reveal's texture positions
// (uvRevealed / revealDir), so it grows with the turn and is absent at the photo's pose.
import { faceTopology, EYE_L_LOOP, EYE_R_LOOP, MESH_POINT_COUNT, NOSE_POINTS, NOSE_RIDGE } from '../rig/topology.ts';

// (the ridge, NOSE_RIDGE, is held fixed and the sidewalls lie either side; the sidewall is what lies
// within SIDEWALL_REACH eye distances of the nose's points, NOSE_POINTS, on the neutral face)
const SIDEWALL_REACH = 0.4, TURN_DEG = 25, ITERATIONS = 150;

/**
 * Per side, the turned layout of the crop-space points (x, y, depth z): a rotation by TURN_DEG about
 * the vertical axis through (cx, zc) that brings that side toward the camera (sign -1: the
 * image-left side, shown by +yaw; +1: the image-right). Pure.
 */
export function turnedX(x: number, z: number, cx: number, zc: number, side: -1 | 1): number {
  const t = (TURN_DEG * Math.PI) / 180;
  // showing the image-left side moves the front (small z) to the right
  return cx + (x - cx) * Math.cos(t) - side * (zc - z) * Math.sin(t);
}

/** Whether a landmark lies within `reach` (canonical units) of any of `points` on the neutral 3D face. */
export function nearPoints(neutral: Float64Array, points: readonly number[], reach: number): (i: number) => boolean {
  const P = (i: number, k: number) => neutral[i * 3 + k]!;
  return (i) => points.some((q) => Math.hypot(P(i, 0) - P(q, 0), P(i, 1) - P(q, 1), P(i, 2) - P(q, 2)) < reach);
}

/** Whether a landmark lies within SIDEWALL_REACH eye distances of the nose's points, NOSE_POINTS. */
const nearTheNose = (neutral: Float64Array, iod: number) => nearPoints(neutral, NOSE_POINTS, SIDEWALL_REACH * iod);

/**
 * In place: for the landmarks of each nose sidewall, a revealed texture position (uvRevealed) and
 * its activation (revealDir: along x toward the side, so a turn showing that side applies it in
 * full at 25°). Vertices that already have a revealed position (the outline band) are left alone.
 * neutral: the person's neutral 3D face (canonical units) to find the sidewall; flat: the
 * landmarks in crop space (x, y, depth); iod: the eye distance in canonical units.
 */
export function noseSidewallReveal(flat: Float64Array, neutral: Float64Array, iod: number, zc: number, uvRevealed: Float32Array, revealDir: Float32Array): void {
  const { triangles } = faceTopology();
  const n = MESH_POINT_COUNT;
  const P = (a: Float64Array, i: number, k: number) => a[i * 3 + k]!;
  const ridgeX = NOSE_RIDGE.reduce((s, i) => s + P(flat, i, 0), 0) / NOSE_RIDGE.length;
  const fixed = new Set<number>([...NOSE_RIDGE, ...EYE_L_LOOP, ...EYE_R_LOOP]);
  const nearNose = nearTheNose(neutral, iod);
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (let t = 0; t < triangles.length; t += 3) {
    const a = triangles[t]!, b = triangles[t + 1]!, c = triangles[t + 2]!;
    if (a >= n || b >= n || c >= n) continue;
    neighbours[a]!.push(b, c); neighbours[b]!.push(a, c); neighbours[c]!.push(a, b);
  }
  for (const side of [-1, 1] as const) {
    const free = [];
    for (let i = 0; i < n; i++) {
      if (fixed.has(i) || revealDir[i * 2] !== 0 || revealDir[i * 2 + 1] !== 0) continue;
      if (Math.sign(P(flat, i, 0) - ridgeX) !== side || !nearNose(i)) continue;
      free.push(i);
    }
    if (free.length === 0) continue;
    const px = Float64Array.from({ length: n }, (_, i) => turnedX(P(flat, i, 0), P(flat, i, 2), ridgeX, zc, side));
    // Jacobi: each free vertex at the mean of its neighbours' texture x plus the turned layout's
    // offset to them (texture spans what the screen spans); y is not widened by a yaw
    const u = Float64Array.from({ length: n }, (_, i) => P(flat, i, 0));
    for (let it = 0; it < ITERATIONS; it++) {
      const next = Float64Array.from(u);
      for (const i of free) {
        const list = neighbours[i]!;
        if (list.length === 0) continue;
        let s = 0;
        for (const j of list) s += u[j]! + (px[i]! - px[j]!);
        next[i] = s / list.length;
      }
      u.set(next);
    }
    for (const i of free) {
      uvRevealed[i * 2] = uvRevealed[i * 2]! + (u[i]! - P(flat, i, 0));
      revealDir[i * 2] = side;
    }
  }
}

/**
 * In place: nose points the photo did not see (hidden behind the nose's own near flank on a turned
 * photo: the far wing behind the tip) take, for the turn that shows them, the texture where the
 * flank's outline ends toward their side, instead of the flank in front of them. Their own texels
 * are the flank's lit tip: a turn drew it a second time beside the real one, a pale ghost nose
 * (lp_s10 at +25). Revealed between the cheek and the flank, they now continue the outline's
 * texel, so the texture runs one way across the nose. flat: landmarks in crop space (x, y, depth);
 * seen: per landmark, 1 where the photo saw it (photoVisibility); depth: the face mesh's photo
 * depth buffer (photoDepth); tolerance: the depth (px) within which a surface counts as seen, and
 * half the farthest a hidden point looks for the outline (deeper inside, behind an eye: left alone).
 * Returns the points moved. Nothing changes at the photo's pose (the reveal is off there).
 */
export function hiddenNoseReveal(flat: Float64Array, neutral: Float64Array, iod: number, seen: Uint8Array, depth: Float32Array, size: number, tolerance: number, uvRevealed: Float32Array, revealDir: Float32Array): number[] {
  const P = (a: Float64Array, i: number, k: number) => a[i * 3 + k]!;
  const ridgeX = NOSE_RIDGE.reduce((s, i) => s + P(flat, i, 0), 0) / NOSE_RIDGE.length;
  const nearNose = nearTheNose(neutral, iod), maxWalk = 2 * tolerance;
  const moved: number[] = [];
  for (let i = 0; i < MESH_POINT_COUNT; i++) {
    if (seen[i] || NOSE_RIDGE.includes(i) || !nearNose(i)) continue;
    const side = Math.sign(P(flat, i, 0) - ridgeX) || -1;
    const exit = walkOutOfHiding(P(flat, i, 0), P(flat, i, 1), P(flat, i, 2), side, depth, size, tolerance, maxWalk);
    if (Number.isNaN(exit)) continue;
    uvRevealed[i * 2] = exit;
    revealDir[i * 2] = side;
    moved.push(i);
  }
  return moved;
}

/**
 * The photo x where a point hidden at (x, y, depth z) comes out of hiding, walking along its row
 * toward `side` in half-pixel steps: the first spot where the photo's nearest surface (the depth
 * buffer `depth`, size x size) is the point's own depth within `tolerance`, or no surface at all,
 * and where `accept` (default: any) holds. NaN when none lies within `maxWalk` px. Pure.
 */
export function walkOutOfHiding(x0: number, y0: number, z: number, side: number, depth: Float32Array, size: number, tolerance: number, maxWalk: number, accept: (x: number) => boolean = () => true): number {
  const y = Math.min(size - 1, Math.max(0, Math.floor(y0)));
  for (let walked = 0.5; walked <= maxWalk; walked += 0.5) {
    const x = x0 + walked * side, xi = Math.floor(x);
    if (xi < 0 || xi >= size) break;
    const front = depth[y * size + xi]!;
    if ((front === Infinity || z <= front + tolerance) && accept(x)) return x;
  }
  return NaN;
}

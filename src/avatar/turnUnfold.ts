// A turn's texture must not fold (issue #15, session 26). On a photo already turned (lp_s10, a
// painting at ~35°), the far side behind the nose and past the far cheek's outline faces away from
// the camera: its photo positions run backwards (the nose's own tip and lit outline lie over it), and
// the reveals (reveal.ts, noseReveal.ts) that move some of its points leave neighbours crossing each
// other. A turn toward that side shows those triangles the right way round while their texture runs
// the wrong way: the photo beside them drawn a second time, mirrored (lp_s10 at +25: a second nose
// tip with its nostrils on the far cheek, the "ghost nose"; bench/uvFold.ts counts such pixels).
// Here, per side, after every other reveal, the texture positions a full turn toward that side uses
// are checked triangle by triangle against a front-facing layout of that turn; around the folded ones
// (a few rings of the mesh) they are solved again so that each edge spans in the texture what it
// spans in the turned layout, with the ring's edge held: the photo's texels there are spread across
// the wider turned surface, one way, instead of doubled. Applied through the reveal (uvRevealed /
// revealDir), so nothing changes at the photo's pose.
import { eyeCornerDistance, faceTopology, MESH_POINT_COUNT, NOSE_RIDGE, NOSE_POINTS, EYE_L_LOOP, EYE_R_LOOP, FACE_OVAL } from '../rig/topology.ts';
import { turnedX, nearPoints } from './noseReveal.ts';
import { neutralRidgeSide } from './ridgeSideReveal.ts';

/** Rings of the mesh around the folded triangles that are solved again; rounds of solving, each
 *  bending the folded triangles' edges BEND_GROWTH times harder toward the turned layout. */
const RINGS = 4, ROUNDS = 4, BEND_GROWTH = 4;
/** Only folds with a corner within NOSE_REACH eye distances of the nose (neutral face) are solved: around the far
 *  eye the solve drew mt_man's upper lid a second time (a dark arc over the lash line at +25). */
const NOSE_REACH = 0.5;
const ITERATIONS = 400;
/** A texture triangle with less than this area (px², doubled) counts as collapsed (a streak) when its turned area is large. */
const COLLAPSED = 0.2, SPREAD = 8;

/** Twice the signed area of triangle (a, b, c) in a flat x, y array (stride 2). Pure. */
function area2(p: ArrayLike<number>, a: number, b: number, c: number): number {
  return (p[b * 2]! - p[a * 2]!) * (p[c * 2 + 1]! - p[a * 2 + 1]!) - (p[c * 2]! - p[a * 2]!) * (p[b * 2 + 1]! - p[a * 2 + 1]!);
}

/**
 * Whether a texture triangle draws a turned one wrong: wound against it, or collapsed to a line
 * while the turned triangle is not. front: the sign of a camera-facing triangle's area. Pure.
 */
export function foldsAgainst(texArea: number, turnedArea: number, front: number): boolean {
  if (Math.sign(turnedArea) !== front) return false; // facing away at that turn: hidden
  return Math.sign(texArea) !== front || (Math.abs(texArea) < COLLAPSED && Math.abs(turnedArea) > SPREAD);
}

/** The face triangles the avatar draws (eye openings left out), as in mesh.ts addFaceMesh. */
function drawnFaceTriangles(): number[] {
  const { triangles } = faceTopology();
  const eyes = [new Set(EYE_L_LOOP), new Set(EYE_R_LOOP)];
  const out: number[] = [];
  for (let t = 0; t < triangles.length; t += 3) {
    const a = triangles[t]!, b = triangles[t + 1]!, c = triangles[t + 2]!;
    if (a >= MESH_POINT_COUNT || b >= MESH_POINT_COUNT || c >= MESH_POINT_COUNT) continue;
    if (eyes.some((s) => s.has(a) && s.has(b) && s.has(c))) continue;
    out.push(a, b, c);
  }
  return out;
}

/**
 * Solves the free points' texture positions (in place, stride 2), every other point held: each mesh
 * edge (i, j) asks tex_i - tex_j to be target_i - target_j, where the target is `layout` (stride 2) on
 * the edges in `bent` (those of folded triangles: they take the turned surface's shape) with weight
 * `bentWeight`, and `tex`'s own starting positions elsewhere with weight 1 (the photo's texture kept
 * as it is unless the unfolding needs room). Gauss-Seidel. Pure apart from `tex`.
 */
export function unbendTexture(tex: Float64Array, layout: Float64Array, free: readonly number[], neighbours: readonly number[][], bent: (i: number, j: number) => boolean, bentWeight: number, iterations = ITERATIONS): void {
  const start = Float64Array.from(tex);
  const rows = free.map((i) => neighbours[i]!.map((j) => {
    const own = bent(i, j), from = own ? layout : start;
    return { j, w: own ? bentWeight : 1, gx: from[i * 2]! - from[j * 2]!, gy: from[i * 2 + 1]! - from[j * 2 + 1]! };
  }));
  for (let it = 0; it < iterations; it++) {
    free.forEach((i, q) => {
      let su = 0, sv = 0, sw = 0;
      for (const { j, w, gx, gy } of rows[q]!) { su += w * (tex[j * 2]! + gx); sv += w * (tex[j * 2 + 1]! + gy); sw += w; }
      if (sw > 0) { tex[i * 2] = su / sw; tex[i * 2 + 1] = sv / sw; }
    });
  }
}

/**
 * In place: per side, the revealed texture positions (uvRevealed, revealDir) of the face mesh points
 * around triangles whose full-turn texture folds (foldsAgainst the layout turned 25° toward that
 * side: turnedX about the nose ridge), solved again (spreadLikeLayout) and applied in full by a
 * 25° turn toward that side. The ridge, the eye openings and the face oval (the head sheet's first
 * ring follows its texture) are held. flat: landmarks in crop space (x, y, depth); neutral: the
 * person's neutral face (canonical, symmetric about x = 0); zc: the head
 * centre's depth; uv: the photo positions (stride 2). Returns, per side (image-left, image-right),
 * the folded triangles before and after.
 */
export function unfoldTurnedTexture(flat: Float64Array, neutral: Float64Array, zc: number, uv: Float32Array, uvRevealed: Float32Array, revealDir: Float32Array, keep: readonly number[] = [], ridgeSide = true): { before: number; after: number }[] {
  const n = MESH_POINT_COUNT, tris = drawnFaceTriangles(), m = tris.length / 3;
  const P = (i: number, k: number) => flat[i * 3 + k]!;
  const ridgeX = NOSE_RIDGE.reduce((s, i) => s + P(i, 0), 0) / NOSE_RIDGE.length;
  const held = new Set<number>([...NOSE_RIDGE, ...EYE_L_LOOP, ...EYE_R_LOOP, ...keep]);
  const band = new Set<number>(FACE_OVAL);
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (let t = 0; t < m; t++) {
    const a = tris[t * 3]!, b = tris[t * 3 + 1]!, c = tris[t * 3 + 2]!;
    for (const [i, j] of [[a, b], [b, c], [c, a]] as const) {
      if (!neighbours[i]!.includes(j)) neighbours[i]!.push(j);
      if (!neighbours[j]!.includes(i)) neighbours[j]!.push(i);
    }
  }
  for (const i of FACE_OVAL) for (const j of neighbours[i]!) band.add(j);
  const iod = eyeCornerDistance(neutral);
  const byNose = nearPoints(neutral, NOSE_POINTS, NOSE_REACH * iod);
  for (const i of band) held.add(i);
  const sideOfRidge = ridgeSide ? neutralRidgeSide(neutral) : (i: number) => Math.sign(neutral[i * 3]!);
  const rest = Float64Array.from({ length: n * 2 }, (_, k) => P(k >> 1, k & 1));
  let restSum = 0;
  for (let t = 0; t < m; t++) restSum += area2(rest, tris[t * 3]!, tris[t * 3 + 1]!, tris[t * 3 + 2]!);
  const front = Math.sign(restSum) || -1;
  const report: { before: number; after: number }[] = [];
  for (const side of [-1, 1] as const) {
    const layout = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) { layout[i * 2] = turnedX(P(i, 0), P(i, 2), ridgeX, zc, side); layout[i * 2 + 1] = P(i, 1); }
    // the texture a full turn toward this side draws with
    const full = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) {
      const k = Math.min(1, Math.max(0, side * revealDir[i * 2]!));
      for (const c of [0, 1]) full[i * 2 + c] = uv[i * 2 + c]! + k * (uvRevealed[i * 2 + c]! - uv[i * 2 + c]!);
    }
    // the side by the person's own (symmetric) neutral face: a hidden point of a turned photo can
    // project past the ridge (landmark 33 is on the image-left side)
    // (past the ridge's own x there: a painted nose need not lie at x = 0, ridgeSideReveal.ts)
    const onSide = (i: number) => sideOfRidge(i) * sideOfRidge(33) === -side;
    const folded = (tex: Float64Array) => {
      const out: number[] = [];
      for (let t = 0; t < m; t++) {
        const a = tris[t * 3]!, b = tris[t * 3 + 1]!, c = tris[t * 3 + 2]!;
        if (!onSide(a) && !onSide(b) && !onSide(c)) continue;
        if (foldsAgainst(area2(tex, a, b, c), area2(layout, a, b, c), front)) out.push(t);
      }
      return out;
    };
    // the far oval's band (the outline and the ring inside it) is left as the reveals made it: its
    // texture skips the photo's rims and dark lines there (reveal.ts, rim.ts) and the head sheet's
    // first ring follows it; solving it again drew lp_s12's and lp_s42's outline back as a dark line
    const start = folded(full).filter((t) => [0, 1, 2].some((k) => !band.has(tris[t * 3 + k]!)) && [0, 1, 2].some((k) => byNose(tris[t * 3 + k]!)));
    let best: Float64Array = full, bestCount = start.length;
    // the folded triangles' edges, gathered over the rounds; each round bends them harder
    const bentEdges = new Set<number>();
    const addEdges = (list: readonly number[]) => {
      for (const t of list) for (let k = 0; k < 3; k++) {
        const i = tris[t * 3 + k]!, j = tris[t * 3 + ((k + 1) % 3)]!;
        bentEdges.add(i * n + j); bentEdges.add(j * n + i);
      }
    };
    let still = start, weight = 1;
    for (let round = 0; round < ROUNDS && still.length > 0; round++) {
      addEdges(still);
      weight *= BEND_GROWTH;
      const region = new Set<number>();
      for (const e of bentEdges) region.add(Math.floor(e / n));
      for (let r = 0; r < RINGS; r++) for (const i of [...region]) for (const j of neighbours[i]!) region.add(j);
      const free = [...region].filter((i) => !held.has(i) && onSide(i));
      const tex = Float64Array.from(full);
      unbendTexture(tex, layout, free, neighbours, (i, j) => bentEdges.has(i * n + j), weight);
      still = folded(tex).filter((t) => [0, 1, 2].some((k) => !band.has(tris[t * 3 + k]!)) && [0, 1, 2].some((k) => byNose(tris[t * 3 + k]!)));
      if (still.length < bestCount) { best = tex; bestCount = still.length; }
    }
    report.push({ before: start.length, after: bestCount });
    if (best === full) continue;
    for (let i = 0; i < n; i++) {
      if (best[i * 2] === full[i * 2] && best[i * 2 + 1] === full[i * 2 + 1]) continue;
      uvRevealed[i * 2] = best[i * 2]!; uvRevealed[i * 2 + 1] = best[i * 2 + 1]!;
      revealDir[i * 2] = side;
    }
  }
  return report;
}

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
import { faceTopology, MESH_POINT_COUNT, NOSE_RIDGE, EYE_L_LOOP, EYE_R_LOOP, FACE_OVAL } from '../rig/topology.ts';
import { turnedX } from './noseReveal.ts';

/** Rings of the mesh around a fold that are solved again (more on a second try when folds remain). */
const RINGS = [3, 6, 10] as const;
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
 * Solves the free points' texture positions (in place, stride 2) so each mesh edge spans what it
 * spans in `layout` (stride 2), every other point held: Gauss-Seidel on the graph Laplacian. Pure
 * apart from `tex`.
 */
export function spreadLikeLayout(tex: Float64Array, layout: Float64Array, free: readonly number[], neighbours: readonly number[][], iterations = ITERATIONS): void {
  for (let it = 0; it < iterations; it++) {
    for (const i of free) {
      const list = neighbours[i]!;
      if (list.length === 0) continue;
      let su = 0, sv = 0;
      for (const j of list) {
        su += tex[j * 2]! + layout[i * 2]! - layout[j * 2]!;
        sv += tex[j * 2 + 1]! + layout[i * 2 + 1]! - layout[j * 2 + 1]!;
      }
      tex[i * 2] = su / list.length; tex[i * 2 + 1] = sv / list.length;
    }
  }
}

/**
 * In place: each outline point's solved texture position (tex) kept from moving outward of where it
 * was (from), away from the face's centre (cx, cy): past the outline lie the hair and the backdrop,
 * and an outline point sampling them draws a dark notch into the face's edge. Sliding along the
 * outline and inward stay. Pure apart from `tex`.
 */
export function keepOutlineInside(tex: Float64Array, from: Float64Array, outline: readonly number[], cx: number, cy: number): void {
  for (const i of outline) {
    const rx = from[i * 2]! - cx, ry = from[i * 2 + 1]! - cy, r = Math.hypot(rx, ry) || 1;
    const dx = tex[i * 2]! - from[i * 2]!, dy = tex[i * 2 + 1]! - from[i * 2 + 1]!;
    const out = (dx * rx + dy * ry) / r;
    if (out <= 0) continue;
    tex[i * 2] -= (out * rx) / r; tex[i * 2 + 1] -= (out * ry) / r;
  }
}

/**
 * The free points' texture positions solved (spreadLikeLayout) from `full` (stride 2), the outline
 * points among them kept from moving outward (keepOutlineInside), then the rest solved again with
 * those held. Pure.
 */
function solveRegion(full: Float64Array, layout: Float64Array, free: readonly number[], neighbours: readonly number[][], oval: ReadonlySet<number>, cx: number, cy: number): Float64Array {
  const tex = Float64Array.from(full);
  spreadLikeLayout(tex, layout, free, neighbours);
  const outline = free.filter((i) => oval.has(i));
  if (outline.length === 0) return tex;
  keepOutlineInside(tex, full, outline, cx, cy);
  spreadLikeLayout(tex, layout, free.filter((i) => !oval.has(i)), neighbours);
  return tex;
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
export function unfoldTurnedTexture(flat: Float64Array, neutral: Float64Array, zc: number, uv: Float32Array, uvRevealed: Float32Array, revealDir: Float32Array, keep: readonly number[] = []): { before: number; after: number }[] {
  const n = MESH_POINT_COUNT, tris = drawnFaceTriangles(), m = tris.length / 3;
  const P = (i: number, k: number) => flat[i * 3 + k]!;
  const ridgeX = NOSE_RIDGE.reduce((s, i) => s + P(i, 0), 0) / NOSE_RIDGE.length;
  const held = new Set<number>([...NOSE_RIDGE, ...EYE_L_LOOP, ...EYE_R_LOOP, ...keep]);
  const ovalSet = new Set<number>(FACE_OVAL);
  const cx = FACE_OVAL.reduce((s, i) => s + P(i, 0), 0) / FACE_OVAL.length, cy = FACE_OVAL.reduce((s, i) => s + P(i, 1), 0) / FACE_OVAL.length;
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (let t = 0; t < m; t++) {
    const a = tris[t * 3]!, b = tris[t * 3 + 1]!, c = tris[t * 3 + 2]!;
    for (const [i, j] of [[a, b], [b, c], [c, a]] as const) {
      if (!neighbours[i]!.includes(j)) neighbours[i]!.push(j);
      if (!neighbours[j]!.includes(i)) neighbours[j]!.push(i);
    }
  }
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
    const onSide = (i: number) => Math.sign(neutral[i * 3]!) * Math.sign(neutral[33 * 3]!) === -side;
    const folded = (tex: Float64Array) => {
      const out: number[] = [];
      for (let t = 0; t < m; t++) {
        const a = tris[t * 3]!, b = tris[t * 3 + 1]!, c = tris[t * 3 + 2]!;
        if (!onSide(a) && !onSide(b) && !onSide(c)) continue;
        if (foldsAgainst(area2(tex, a, b, c), area2(layout, a, b, c), front)) out.push(t);
      }
      return out;
    };
    const start = folded(full);
    let best: Float64Array = full, bestCount = start.length;
    for (const rings of bestCount > 0 ? RINGS : []) {
      const region = new Set<number>();
      for (const t of start) for (let k = 0; k < 3; k++) region.add(tris[t * 3 + k]!);
      for (let r = 0; r < rings; r++) for (const i of [...region]) for (const j of neighbours[i]!) region.add(j);
      const free = [...region].filter((i) => !held.has(i) && onSide(i));
      const tex = solveRegion(full, layout, free, neighbours, ovalSet, cx, cy);
      const left = folded(tex).length;
      if (left < bestCount) { best = tex; bestCount = left; }
      if (left === 0) break;
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

// The face mesh's texture folding over on a turn (issue #15, session 26): a triangle whose texture
// positions wind the other way than its screen corners draws the photo mirrored, so the photo
// beside it shows twice (lp_s10 at +25: the nose's lit outline a second time on the far cheek, the
// "ghost nose"). Counted in output pixels: the face mesh is rasterized into its own z-buffer and
// each visible pixel is charged to its triangle; folded pixels belong to a triangle whose texture
// winding disagrees with its screen winding. A collapsed triangle (texture area under a tenth of a
// square pixel while the screen area is over 4: one photo column drawn as a streak) counts apart.
import type { Avatar } from '../avatar/types.ts';
import { MATERIAL } from '../avatar/types.ts';
import type { createRenderer } from '../render/renderer.ts';
import { MESH_POINT_COUNT } from '../rig/topology.ts';

/** Signed area (twice) of a 2D triangle. Pure. */
export function signedArea2(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (cx - ax) * (by - ay);
}

/** Per triangle: 1 = folded (texture winding against the screen's), 2 = collapsed (a streak), 0 = fine, -1 = degenerate on screen. Pure. */
export function triangleFolds(x: ArrayLike<number>, y: ArrayLike<number>, uv: ArrayLike<number>, triangles: ArrayLike<number>, count: number): Int8Array {
  const kind = new Int8Array(count);
  for (let t = 0; t < count; t++) {
    const a = triangles[t * 3]!, b = triangles[t * 3 + 1]!, c = triangles[t * 3 + 2]!;
    const screen = signedArea2(x[a]!, y[a]!, x[b]!, y[b]!, x[c]!, y[c]!);
    if (Math.abs(screen) < 1e-6) { kind[t] = -1; continue; }
    const tex = signedArea2(uv[a * 2]!, uv[a * 2 + 1]!, uv[b * 2]!, uv[b * 2 + 1]!, uv[c * 2]!, uv[c * 2 + 1]!);
    kind[t] = Math.abs(tex) < 0.2 && Math.abs(screen) > 8 ? 2 : Math.sign(tex) !== Math.sign(screen) && Math.abs(tex) >= 0.2 ? 1 : 0;
  }
  return kind;
}

/**
 * Which triangle each pixel shows: the listed triangles z-buffered at pixel centres (z: larger =
 * farther), -1 where none. Pure.
 */
export function visibleTriangles(x: ArrayLike<number>, y: ArrayLike<number>, z: ArrayLike<number>, triangles: ArrayLike<number>, list: ArrayLike<number>, width: number, height: number): Int32Array {
  const id = new Int32Array(width * height).fill(-1);
  const depth = new Float32Array(width * height).fill(Infinity);
  for (let q = 0; q < list.length; q++) {
    const t = list[q]!;
    const a = triangles[t * 3]!, b = triangles[t * 3 + 1]!, c = triangles[t * 3 + 2]!;
    const area = signedArea2(x[a]!, y[a]!, x[b]!, y[b]!, x[c]!, y[c]!);
    if (Math.abs(area) < 1e-9) continue;
    const x0 = Math.max(0, Math.floor(Math.min(x[a]!, x[b]!, x[c]!))), x1 = Math.min(width - 1, Math.ceil(Math.max(x[a]!, x[b]!, x[c]!)));
    const y0 = Math.max(0, Math.floor(Math.min(y[a]!, y[b]!, y[c]!))), y1 = Math.min(height - 1, Math.ceil(Math.max(y[a]!, y[b]!, y[c]!)));
    for (let py = y0; py <= y1; py++) for (let px = x0; px <= x1; px++) {
      const cx = px + 0.5, cy = py + 0.5;
      const wa = signedArea2(x[b]!, y[b]!, x[c]!, y[c]!, cx, cy) / area, wb = signedArea2(x[c]!, y[c]!, x[a]!, y[a]!, cx, cy) / area;
      const wc = 1 - wa - wb;
      if (wa < -1e-6 || wb < -1e-6 || wc < -1e-6) continue;
      const d = wa * z[a]! + wb * z[b]! + wc * z[c]!, i = py * width + px;
      if (d < depth[i]!) { depth[i] = d; id[i] = t; }
    }
  }
  return id;
}

export interface UvFoldCount {
  /** face-mesh pixels drawn */
  face: number;
  /** of those, pixels of folded triangles (the photo drawn mirrored: a second copy beside it) */
  folded: number;
  /** pixels of collapsed triangles (one photo column or row drawn as a streak) */
  streak: number;
  /** per pixel: 0 none, 1 face, 2 folded, 3 streak (width x height of the renderer) */
  map: Uint8Array;
}

type Renderer = ReturnType<typeof createRenderer>;

/**
 * The texture positions a frame at (yaw, pitch) draws with: each vertex's revealed position blended
 * in by its reveal direction (as render/deform.ts revealTexture does; computed here from the avatar so
 * an older checkout's avatar is measured the same way). Pure.
 */
export function uvAtTurn(avatar: Pick<Avatar, 'uv' | 'uvRevealed' | 'revealDir'>, yaw: number, pitch: number): Float32Array {
  const uv = Float32Array.from(avatar.uv), rx = -yaw / 25, ry = -pitch / 25;
  for (let v = 0; v < uv.length / 2; v++) {
    const k = Math.min(1, Math.max(0, avatar.revealDir[v * 2]! * rx + avatar.revealDir[v * 2 + 1]! * ry));
    uv[v * 2] += k * (avatar.uvRevealed[v * 2]! - avatar.uv[v * 2]!);
    uv[v * 2 + 1] += k * (avatar.uvRevealed[v * 2 + 1]! - avatar.uv[v * 2 + 1]!);
  }
  return uv;
}

/**
 * The fold count of the avatar's face mesh (skin triangles on the 468 mesh points) at one yaw
 * (degrees, relative to the photo), with the texture positions the renderer uses for that frame
 * (the reveal's; the mirror's blend is not counted). The renderer must be the avatar's, at its crop size.
 */
export function uvFoldAtYaw(avatar: Avatar, renderer: Renderer, yaw: number): UvFoldCount {
  const frame = { ...renderer.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } };
  const lm = renderer.landmarks(frame);
  const { x, y } = renderer.meshVertices(frame);
  const z = Float32Array.from({ length: x.length }, (_, v) => (v < lm.length ? lm[v]![2] : 0));
  const uv = uvAtTurn(avatar, yaw, 0);
  const tris = avatar.triangles, m = tris.length / 3;
  const list: number[] = [];
  for (let t = 0; t < m; t++) {
    if (avatar.material[t] !== MATERIAL.skin) continue;
    if (tris[t * 3]! < MESH_POINT_COUNT && tris[t * 3 + 1]! < MESH_POINT_COUNT && tris[t * 3 + 2]! < MESH_POINT_COUNT) list.push(t);
  }
  const kind = triangleFolds(x, y, uv, tris, m);
  const W = renderer.width, H = renderer.height;
  const id = visibleTriangles(x, y, z, tris, list, W, H);
  const map = new Uint8Array(W * H);
  let face = 0, folded = 0, streak = 0;
  for (let i = 0; i < id.length; i++) {
    const t = id[i]!;
    if (t < 0) continue;
    face++;
    map[i] = 1;
    if (kind[t] === 1) { folded++; map[i] = 2; } else if (kind[t] === 2) { streak++; map[i] = 3; }
  }
  return { face, folded, streak, map };
}

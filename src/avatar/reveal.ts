// Texture positions a turn uses instead of the photo's own: the steep bands of the face seen almost
// edge-on widen on a turn, so as a side turns toward the camera its face-edge vertices sample nearby
// skin (revealedTexturing) instead of stretching the few edge pixels, and skip a light rim along the
// outline (rim.ts) instead of widening it into a pale band.
import type { GrayImage } from '../types.ts';
import { FACE_OVAL, LANDMARK_COUNT } from '../rig/topology.ts';
import { smoothstep } from '../math/smooth.ts';
import type { RimSkips } from './rim.ts';

/**
 * For face-mesh vertices on steep parts of the face (the bands near the outline seen almost
 * edge-on), a texture position pulled inward toward the face centre, used as that side turns
 * toward the camera, so the widened band shows nearby skin instead of stretched edge pixels.
 */
export function revealedTexturing(flat: Float64Array, uv: Float32Array, vertexCount: number, faceTris: Uint16Array, faceWidth: number, influence: ArrayLike<number>, influenceWeight: ArrayLike<number>, sheetDistance: ArrayLike<number>, skinLike: (x: number, y: number) => boolean, keepEdge?: ArrayLike<number>, rims?: RimSkips): { uvRevealed: Float32Array; revealDir: Float32Array } {
  const uvRevealed = Float32Array.from(uv);
  const revealDir = new Float32Array(vertexCount * 2);
  let cx = 0, cy = 0;
  for (const i of FACE_OVAL) { cx += flat[i * 3]!; cy += flat[i * 3 + 1]!; }
  cx /= FACE_OVAL.length; cy /= FACE_OVAL.length;
  pullSteepBandsInward(flat, uv, faceTris, faceWidth, skinLike, [cx, cy], uvRevealed, revealDir);
  smoothPullOverMesh(uv, faceTris, keepEdge, uvRevealed, revealDir);
  // The outline points skip a light rim (rim.ts); of the sheet only its first ring, on the
  // outline itself, follows them (no seam along the outline): further out the rim is not
  // skipped, so it stays as a thin line squeezed into the sheet's first band instead of a pale band.
  const noRim = { uvRevealed: uvRevealed.slice(0, LANDMARK_COUNT * 2), revealDir: revealDir.slice(0, LANDMARK_COUNT * 2) };
  if (rims) skipRims(uv, uvRevealed, revealDir, rims, flat, cx, cy);
  // Sheet vertices next to the outline move their texture with it (no seam), fading outward.
  for (let v = LANDMARK_COUNT; v < vertexCount; v++) {
    const from = sheetDistance[v] === 0 ? { uvRevealed, revealDir } : noRim;
    const near = Math.exp(-((sheetDistance[v]! / (0.08 * faceWidth)) ** 2));
    if (near < 0.01) continue;
    let ox = 0, oy = 0, dx = 0, dy = 0;
    for (let q = 0; q < 4; q++) {
      const i = influence[v * 4 + q]!;
      if (i < 0 || i >= 468) continue;
      const w = influenceWeight[v * 4 + q]! * near;
      ox += w * (from.uvRevealed[i * 2]! - uv[i * 2]!); oy += w * (from.uvRevealed[i * 2 + 1]! - uv[i * 2 + 1]!);
      dx += w * from.revealDir[i * 2]!; dy += w * from.revealDir[i * 2 + 1]!;
    }
    uvRevealed[v * 2] = uv[v * 2]! + ox; uvRevealed[v * 2 + 1] = uv[v * 2 + 1]! + oy;
    revealDir[v * 2] = dx; revealDir[v * 2 + 1] = dy;
  }
  return { uvRevealed, revealDir };
}

/** Each landmark's normal (the sum of its face triangles' normals, turned toward the camera, z < 0). */
function landmarkNormals(flat: Float64Array, faceTris: Uint16Array): Float64Array {
  const normals = new Float64Array(LANDMARK_COUNT * 3);
  for (let t = 0; t < faceTris.length; t += 3) {
    const a = faceTris[t]! * 3, b = faceTris[t + 1]! * 3, c = faceTris[t + 2]! * 3;
    const ux = flat[b]! - flat[a]!, uy = flat[b + 1]! - flat[a + 1]!, uz = flat[b + 2]! - flat[a + 2]!;
    const vx = flat[c]! - flat[a]!, vy = flat[c + 1]! - flat[a + 1]!, vz = flat[c + 2]! - flat[a + 2]!;
    let nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    if (nz > 0) { nx = -nx; ny = -ny; nz = -nz; } // orient toward the camera (z < 0)
    for (const v of [a, b, c]) { normals[v] += nx; normals[v + 1] += ny; normals[v + 2] += nz; }
  }
  return normals;
}

/** Landmark i's distance from the centre over the face oval's at the same angle (1 = on the outline). */
function overOval(flat: Float64Array, i: number, cx: number, cy: number): number {
  const r = Math.hypot(flat[i * 3]! - cx, flat[i * 3 + 1]! - cy);
  let rOval = 0, best = Infinity;
  const ang = Math.atan2(flat[i * 3 + 1]! - cy, flat[i * 3]! - cx);
  for (const o of FACE_OVAL) {
    const a = Math.atan2(flat[o * 3 + 1]! - cy, flat[o * 3]! - cx);
    const da = Math.abs(Math.atan2(Math.sin(a - ang), Math.cos(a - ang)));
    if (da < best) { best = da; rOval = Math.hypot(flat[o * 3]! - cx, flat[o * 3 + 1]! - cy); }
  }
  return r / Math.max(1, rOval);
}

/**
 * The steep band inside the outline (not the nose) pulls its texture position inward, up to .07 face
 * widths, where the path inward is plain skin; revealDir gets the pull's direction times its steepness.
 */
function pullSteepBandsInward(flat: Float64Array, uv: Float32Array, faceTris: Uint16Array, faceWidth: number, skinLike: (x: number, y: number) => boolean, [cx, cy]: [number, number], uvRevealed: Float32Array, revealDir: Float32Array): void {
  const normals = landmarkNormals(flat, faceTris);
  for (let i = 0; i < 468; i++) {
    const nx = normals[i * 3]!, ny = normals[i * 3 + 1]!, nz = normals[i * 3 + 2]!;
    const len = Math.hypot(nx, ny, nz) || 1;
    const facing = -nz / len; // 1 = faces the camera, 0 = seen edge-on
    // only the band inside the outline (not the nose); the head sheet just outside follows later
    const band = smoothstep(0.55, 0.85, overOval(flat, i, cx, cy));
    const steep = Math.min(1, Math.max(0, (0.7 - facing) / 0.5)) * band;
    if (steep <= 0) continue;
    let dx = flat[i * 3]! - cx, dy = flat[i * 3 + 1]! - cy;
    const d = Math.hypot(dx, dy) || 1;
    dx /= d; dy /= d;
    const pull = steep * 0.07 * faceWidth;
    // only where the path from the outline inward is plain skin: a hair strand lying on the cheek
    // must not be copied inward, detached from the rest of the hair
    let plain = true;
    for (let q = 0; q <= 6 && plain; q++) plain = skinLike(uv[i * 2]! - (dx * pull * q) / 6, uv[i * 2 + 1]! - (dy * pull * q) / 6);
    if (!plain) continue;
    uvRevealed[i * 2] = uv[i * 2]! - dx * pull;
    uvRevealed[i * 2 + 1] = uv[i * 2 + 1]! - dy * pull;
    revealDir[i * 2] = dx * steep;
    revealDir[i * 2 + 1] = dy * steep;
  }
}

/**
 * The pull smoothed over the mesh (three passes, each vertex weighted 2 against its neighbours) so
 * neighbours that were refused (hair) or accepted blend instead of leaving seams; `keepEdge` takes it
 * back where hair lies right outside the outline.
 */
function smoothPullOverMesh(uv: Float32Array, faceTris: Uint16Array, keepEdge: ArrayLike<number> | undefined, uvRevealed: Float32Array, revealDir: Float32Array): void {
  const nbrs: number[][] = Array.from({ length: 468 }, () => []);
  for (let t = 0; t < faceTris.length; t += 3) {
    const a = faceTris[t]!, b = faceTris[t + 1]!, c = faceTris[t + 2]!;
    nbrs[a]!.push(b, c); nbrs[b]!.push(a, c); nbrs[c]!.push(a, b);
  }
  const off = new Float64Array(468 * 4);
  for (let i = 0; i < 468; i++) {
    off[i * 4] = uvRevealed[i * 2]! - uv[i * 2]!; off[i * 4 + 1] = uvRevealed[i * 2 + 1]! - uv[i * 2 + 1]!;
    off[i * 4 + 2] = revealDir[i * 2]!; off[i * 4 + 3] = revealDir[i * 2 + 1]!;
  }
  for (let pass = 0; pass < 3; pass++) {
    const next = new Float64Array(off.length);
    for (let i = 0; i < 468; i++) {
      const list = nbrs[i]!;
      for (let k = 0; k < 4; k++) {
        let acc = off[i * 4 + k]! * 2;
        for (const j of list) acc += off[j * 4 + k]!;
        next[i * 4 + k] = acc / (2 + list.length);
      }
    }
    off.set(next);
  }
  // where hair lies right outside the outline, the outline keeps its own texels: the photo's soft
  // skin-to-hair shading there, instead of pulled-in skin meeting the hair in a hard line
  if (keepEdge) for (let i = 0; i < 468; i++) for (let k = 0; k < 4; k++) off[i * 4 + k] *= 1 - keepEdge[i]!;
  for (let i = 0; i < 468; i++) {
    uvRevealed[i * 2] = uv[i * 2]! + off[i * 4]!; uvRevealed[i * 2 + 1] = uv[i * 2 + 1]! + off[i * 4 + 1]!;
    revealDir[i * 2] = off[i * 4 + 2]!; revealDir[i * 2 + 1] = off[i * 4 + 3]!;
  }
}

/**
 * Per landmark (face-outline points only), how surely hair lies just outside the outline: the
 * person matte there (0.03 and 0.06 face widths out from the outline's centre) and not
 * skin-coloured. 0 where background or an ear (skin) lies beside the face.
 */
export function hairBesideOutline(flat: Float64Array, matte: GrayImage, skinLike: (x: number, y: number) => boolean, faceWidth: number): Float32Array {
  const keep = new Float32Array(LANDMARK_COUNT);
  const size = matte.width;
  let cx = 0, cy = 0;
  for (const i of FACE_OVAL) { cx += flat[i * 3]!; cy += flat[i * 3 + 1]!; }
  cx /= FACE_OVAL.length; cy /= FACE_OVAL.length;
  for (const i of FACE_OVAL) {
    const x = flat[i * 3]!, y = flat[i * 3 + 1]!;
    const d = Math.hypot(x - cx, y - cy) || 1;
    let s = 0;
    for (const k of [0.03, 0.06]) {
      const px = x + ((x - cx) / d) * k * faceWidth, py = y + ((y - cy) / d) * k * faceWidth;
      const xi = Math.min(size - 1, Math.max(0, Math.round(px))), yi = Math.min(size - 1, Math.max(0, Math.round(py)));
      s += skinLike(px, py) ? 0 : smoothstep(0.5, 0.9, matte.data[yi * size + xi]!) / 2;
    }
    keep[i] = s;
  }
  return keep;
}

/**
 * Adds each rim skip to its outline point's revealed texture position, in full on a full turn
 * toward that side (at `strength`): the reveal's activation (|revealDir|) rises to the rim's
 * strength where it was weaker, and the existing pull is scaled down by as much, so it acts as before.
 */
function skipRims(uv: Float32Array, uvRevealed: Float32Array, revealDir: Float32Array, rims: RimSkips, flat: Float64Array, cx: number, cy: number): void {
  rims.ids.forEach((i, k) => {
    const s = rims.strength[k]!, [ox, oy] = rims.offset[k]!;
    const dx = revealDir[i * 2]!, dy = revealDir[i * 2 + 1]!;
    const sOld = Math.hypot(dx, dy), sNew = Math.max(sOld, s);
    if (sOld > 1e-6) {
      revealDir[i * 2] = (dx * sNew) / sOld; revealDir[i * 2 + 1] = (dy * sNew) / sOld;
    } else {
      const x = flat[i * 3]! - cx, y = flat[i * 3 + 1]! - cy, d = Math.hypot(x, y) || 1;
      revealDir[i * 2] = (x / d) * s; revealDir[i * 2 + 1] = (y / d) * s;
    }
    for (const c of [0, 1]) uvRevealed[i * 2 + c] = uv[i * 2 + c]! + ((uvRevealed[i * 2 + c]! - uv[i * 2 + c]!) * sOld) / sNew + ((c ? oy : ox) * s) / sNew;
  });
}

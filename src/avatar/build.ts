// One-shot reconstruction: a Portrait (512-px crop, landmarks, matte, plate) -> an animatable
// Avatar. The person becomes one textured mesh: the dense face mesh on the 478 landmarks (their
// depth), a ring sheet from the face oval out to the crop border whose depth follows a head
// ellipsoid (skull, ears and hair turn as one solid) and a rounded neck/torso below, skinned
// head -> torso; eyeballs and a mouth interior sit in the holes of the face mesh.
import { readFile } from 'node:fs/promises';
import type { Portrait, RgbaImage, GrayImage } from '../types.ts';
import { FileFormatError, InputError } from '../errors.ts';
import { writeFileAtomic } from '../io/atomic.ts';
import { fitRig, flatten, toCanonical, deform, meanFace, IDENTITY_AMBIGUOUS } from '../rig/fit.ts';
import { buildBasis } from '../rig/basis.ts';
import { CONTROL_COUNT, weightsToVector } from '../rig/controls.ts';
import {
  faceTopology, LANDMARK_COUNT, FACE_OVAL, MOUTH_LOOP, EYE_L_LOOP, EYE_R_LOOP, EYE_L_UPPER, EYE_L_LOWER, EYE_R_UPPER, EYE_R_LOWER,
} from '../rig/topology.ts';
import { AVATAR_VERSION, MATERIAL, type Avatar } from './types.ts';

export type { Avatar } from './types.ts';

export interface BuildAvatarOptions {
  /** camera focal length in crop pixels (default 2.5 x crop size: a portrait lens) */
  focal?: number;
  /** rings of the head/torso sheet (default 22) */
  rings?: number;
  /** directions of the sheet (default 72) */
  directions?: number;
}

const smoothstep = (e0: number, e1: number, x: number) => {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
};

/** Builds the avatar. Synchronous, ~50-150 ms for a 512 crop. */
export function buildAvatar(portrait: Portrait, opts: BuildAvatarOptions = {}): Avatar {
  const { image, matte, background } = portrait;
  const size = image.width;
  if (image.height !== size || matte.width !== size || matte.height !== size || background.width !== size || background.height !== size) {
    throw new InputError(`buildAvatar needs a square crop with matte and background of the same size (got ${image.width}x${image.height})`);
  }
  const lm = portrait.cropLandmarks;
  if (!Array.isArray(lm) || lm.length < LANDMARK_COUNT) throw new InputError(`buildAvatar needs ${LANDMARK_COUNT} landmarks, got ${lm?.length ?? 0}`);

  // ---- rig: the photo's pose and (unambiguous) expression, and the person's own neutral
  const fit0 = fitRig(lm, { exclude: IDENTITY_AMBIGUOUS });
  const w0 = weightsToVector(fit0.weights);
  const canon = toCanonical(lm, fit0);
  const meanBasis = buildBasis(meanFace());
  const expr = deform(new Float64Array(LANDMARK_COUNT * 3), meanBasis, w0);
  const neutral = new Float64Array(LANDMARK_COUNT * 3);
  for (let j = 0; j < neutral.length; j++) neutral[j] = canon[j]! - expr[j]!;
  const fit = fitRig(lm, { neutral, exclude: IDENTITY_AMBIGUOUS });
  const basis = buildBasis(neutral);

  // ---- geometry in crop space
  const flat = flatten(lm); // z in pixels
  const P = (i: number) => [flat[i * 3]!, flat[i * 3 + 1]!, flat[i * 3 + 2]!] as const;
  const dist2 = (a: number, b: number) => Math.hypot(flat[a * 3]! - flat[b * 3]!, flat[a * 3 + 1]! - flat[b * 3 + 1]!);
  const iod = Math.max(4, dist2(33, 263));
  const faceWidth = Math.max(6, dist2(234, 454));
  const faceH = Math.max(6, dist2(10, 152));
  const cx = (P(234)[0] + P(454)[0]) / 2;
  const earY = (P(234)[1] + P(454)[1]) / 2;
  const chinY = P(152)[1];
  const zc = (P(234)[2] + P(454)[2]) / 2 + 0.05 * faceWidth;
  // Head ellipsoid: width from the face sides (ears, hair), top from the matte above the forehead.
  const a = faceWidth * 0.58;
  let topY = P(10)[1] - 0.3 * faceH;
  {
    const col = Math.round(Math.min(size - 1, Math.max(0, (P(10)[0] + P(9)[0]) / 2)));
    let y = Math.round(P(10)[1]);
    while (y > 0 && matte.data[(y - 1) * size + col]! > 0.5) y--;
    if (y < P(10)[1] - 0.05 * faceH) topY = Math.max(y, P(10)[1] - 0.8 * faceH);
  }
  const cy = earY - 0.12 * faceH;
  const b = Math.max(0.3 * faceH, cy - topY);
  // distance from (x, y) along (dx, dy) to the head ellipse's outline (0 if already outside)
  const silhouetteDistance = (x: number, y: number, dx: number, dy: number) => {
    const px = (x - cx) / a, py = (y - cy) / b, qx = dx / a, qy = dy / b;
    const A = qx * qx + qy * qy, B = 2 * (px * qx + py * qy), C = px * px + py * py - 1;
    if (C >= 0) return 0;
    return (-B + Math.sqrt(B * B - 4 * A * C)) / (2 * A);
  };
  const neckZ = (x: number) => zc - 0.3 * faceWidth * Math.exp(-(((x - cx) / (0.5 * faceWidth)) ** 2));
  const headWeightAt = (y: number) => 1 - smoothstep(chinY - 0.05 * faceH, chinY + 0.55 * faceH, y);

  // ---- vertices
  const positions: number[] = [];
  const uvs: number[] = [];
  const heads: number[] = [];
  const infl: number[] = [];
  const inflW: number[] = [];
  const ovalDist: number[] = [];
  const addVertex = (x: number, y: number, z: number, u: number, v: number, h: number, ids: number[], ws: number[], dOval = Infinity) => {
    ovalDist.push(dOval);
    positions.push(x, y, z);
    uvs.push(u, v);
    heads.push(h);
    for (let k = 0; k < 4; k++) { infl.push(ids[k] ?? -1); inflW.push(ws[k] ?? 0); }
    return heads.length - 1;
  };
  for (let i = 0; i < LANDMARK_COUNT; i++) addVertex(flat[i * 3]!, flat[i * 3 + 1]!, flat[i * 3 + 2]!, flat[i * 3]!, flat[i * 3 + 1]!, 1, [i], [1]);

  const { triangles: faceTris } = faceTopology();
  const tris: number[] = [];
  const mats: number[] = [];
  const eyeSets = [new Set(EYE_L_LOOP), new Set(EYE_R_LOOP)];
  for (let t = 0; t < faceTris.length; t += 3) {
    const i0 = faceTris[t]!, i1 = faceTris[t + 1]!, i2 = faceTris[t + 2]!;
    if (eyeSets.some((s) => s.has(i0) && s.has(i1) && s.has(i2))) continue; // eye openings become holes
    tris.push(i0, i1, i2);
    mats.push(MATERIAL.skin);
  }

  // Mouth interior: a fan over the inner-lip hole, its centre pushed back into the head.
  {
    let mx = 0, my = 0, mz = 0;
    for (const i of MOUTH_LOOP) { mx += flat[i * 3]!; my += flat[i * 3 + 1]!; mz += flat[i * 3 + 2]!; }
    mx /= MOUTH_LOOP.length; my /= MOUTH_LOOP.length; mz /= MOUTH_LOOP.length;
    const centre = addVertex(mx, my, mz + 0.12 * iod, mx, my, 1, [13, 14, 78, 308], [0.25, 0.25, 0.25, 0.25]);
    for (let q = 0; q < MOUTH_LOOP.length; q++) {
      tris.push(centre, MOUTH_LOOP[q]!, MOUTH_LOOP[(q + 1) % MOUTH_LOOP.length]!);
      mats.push(MATERIAL.mouth);
    }
  }

  // Eyeballs: fans over each eye opening, set back a little and stretched up/down past the lids
  // (hidden under the lid skin at rest) so a wider eye never opens onto nothing. Rigid with the skull.
  const eyeStart = heads.length;
  for (const [upper, lower] of [[EYE_L_UPPER, EYE_L_LOWER], [EYE_R_UPPER, EYE_R_LOWER]] as const) {
    let ex = 0, ey = 0, ez = 0;
    const loop = [...upper, ...lower.slice(1, -1).reverse()];
    for (const i of loop) { ex += flat[i * 3]!; ey += flat[i * 3 + 1]!; ez += flat[i * 3 + 2]!; }
    ex /= loop.length; ey /= loop.length; ez /= loop.length;
    const back = 0.035 * iod;
    const centre = addVertex(ex, ey, ez + back, ex, ey, 1, [], []);
    const ids: number[] = [];
    for (let q = 0; q < loop.length; q++) {
      const i = loop[q]!;
      const isUpper = q < upper.length;
      const corner = i === upper[0] || i === upper[upper.length - 1];
      // partner on the other lid: same position along the eye
      const k = isUpper ? q : upper.length - 1 - (q - upper.length + 1);
      const other = isUpper ? lower[q]! : upper[k]!;
      const gap = Math.abs(flat[other * 3 + 1]! - flat[i * 3 + 1]!);
      const dy = corner ? 0 : (isUpper ? -1 : 1) * Math.max(0.6 * gap, 0.04 * iod);
      // a little wider than the opening too, so the set-back eyeball never shows a gap at the corners
      const x = ex + (flat[i * 3]! - ex) * 1.12, y = flat[i * 3 + 1]! + dy;
      ids.push(addVertex(x, y, flat[i * 3 + 2]! + back, x, y, 1, [], []));
    }
    for (let q = 0; q < ids.length; q++) {
      tris.push(centre, ids[q]!, ids[(q + 1) % ids.length]!);
      mats.push(MATERIAL.eye);
    }
  }
  const eyeEnd = heads.length;

  // ---- the head/torso sheet: rings from the face oval out past the crop border
  const D = opts.directions ?? 72;
  const R = opts.rings ?? 22;
  let ocx = 0, ocy = 0;
  for (const i of FACE_OVAL) { ocx += flat[i * 3]!; ocy += flat[i * 3 + 1]!; }
  ocx /= FACE_OVAL.length; ocy /= FACE_OVAL.length;
  const perOval = D / FACE_OVAL.length;
  const ring0: number[] = [];
  const ovalPos: [number, number, number][] = [];
  for (let j = 0; j < D; j++) {
    const seg = Math.floor(j / perOval), f = (j % perOval) / perOval;
    const i0 = FACE_OVAL[seg]!, i1 = FACE_OVAL[(seg + 1) % FACE_OVAL.length]!;
    if (f === 0) { ring0.push(i0); ovalPos.push([...P(i0)]); continue; }
    const x = flat[i0 * 3]! * (1 - f) + flat[i1 * 3]! * f;
    const y = flat[i0 * 3 + 1]! * (1 - f) + flat[i1 * 3 + 1]! * f;
    const z = flat[i0 * 3 + 2]! * (1 - f) + flat[i1 * 3 + 2]! * f;
    ring0.push(addVertex(x, y, z, x, y, 1, [i0, i1], [1 - f, f], 0));
    ovalPos.push([x, y, z]);
  }
  const margin = 0.03 * size;
  const rings: number[][] = [ring0];
  for (let r = 1; r <= R; r++) {
    const t = (r / R) ** 1.6;
    const ring: number[] = [];
    for (let j = 0; j < D; j++) {
      const [ox, oy, oz] = ovalPos[j]!;
      let dx = ox - ocx, dy = oy - ocy;
      const len = Math.hypot(dx, dy) || 1;
      dx /= len; dy /= len;
      // distance along the ray from the oval point to the (expanded) crop border
      const tx = dx > 1e-6 ? (size + margin - ox) / dx : dx < -1e-6 ? (-margin - ox) / dx : Infinity;
      const ty = dy > 1e-6 ? (size + margin - oy) / dy : dy < -1e-6 ? (-margin - oy) / dy : Infinity;
      const reach = Math.max(0, Math.min(tx, ty));
      const x = ox + dx * reach * t, y = oy + dy * reach * t;
      const h = headWeightAt(y);
      const dOval = reach * t;
      // The skull recedes from the face edge to the head silhouette (ellipse in the image) with a
      // round profile; beyond the silhouette (hair, background) it stays at the equator depth.
      const dSil = Math.max(1, silhouetteDistance(ox, oy, dx, dy));
      const sRel = Math.min(1, dOval / dSil);
      const zHead = zc - (zc - Math.min(oz, zc)) * Math.cos(sRel * Math.PI / 2);
      const z = h * zHead + (1 - h) * neckZ(x);
      // follows the expression of the nearby oval (e.g. the chin going down), fading outward
      const fade = Math.exp(-((dOval / (0.3 * faceWidth)) ** 2));
      const seg = Math.floor(j / perOval), f = (j % perOval) / perOval;
      const i0 = FACE_OVAL[seg]!, i1 = FACE_OVAL[(seg + 1) % FACE_OVAL.length]!;
      ring.push(addVertex(x, y, z, x, y, h, [i0, i1], [(1 - f) * fade, f * fade], dOval));
    }
    rings.push(ring);
  }
  const alphaAt = (x: number, y: number) => {
    const xi = Math.min(size - 1, Math.max(0, Math.round(x))), yi = Math.min(size - 1, Math.max(0, Math.round(y)));
    return matte.data[yi * size + xi]!;
  };
  const triangleVisible = (v0: number, v1: number, v2: number) => triangleMaxAlpha(positions, v0, v1, v2, alphaAt) > 0.004;
  for (let r = 0; r < R; r++) {
    const inner = rings[r]!, outer = rings[r + 1]!;
    for (let j = 0; j < D; j++) {
      const j1 = (j + 1) % D;
      // orientation consistent with the face mesh is not needed (no back-face culling)
      if (triangleVisible(inner[j]!, outer[j]!, outer[j1]!)) { tris.push(inner[j]!, outer[j]!, outer[j1]!); mats.push(MATERIAL.skin); }
      if (triangleVisible(inner[j]!, outer[j1]!, inner[j1]!)) { tris.push(inner[j]!, outer[j1]!, inner[j1]!); mats.push(MATERIAL.skin); }
    }
  }

  // ---- textures
  const texture = premultipliedForeground(image, matte, background);
  const eyeTexture = extendEyes(texture, [EYE_L_LOOP, EYE_R_LOOP].map((loop) => loop.map((i) => [flat[i * 3]!, flat[i * 3 + 1]!] as [number, number])), iod);

  const gap = Math.hypot(flat[13 * 3]! - flat[14 * 3]!, flat[13 * 3 + 1]! - flat[14 * 3 + 1]!);
  const lipColour = averageColour(image, [0, 17, 13, 14, 37, 267, 84, 314].map((i) => [flat[i * 3]!, flat[i * 3 + 1]!] as [number, number]));

  const vertexCount = heads.length;
  const ovalDistance = Float64Array.from(ovalDist);
  const { uvRevealed, revealDir } = revealedTexturing(flat, Float32Array.from(uvs), vertexCount, faceTris, faceWidth, infl, inflW, ovalDistance, skinTest(image, [50, 280, 205, 425, 101, 330].map((i) => [flat[i * 3]!, flat[i * 3 + 1]!] as [number, number])));
  return {
    version: AVATAR_VERSION,
    size,
    focal: opts.focal ?? 2.5 * size,
    texture,
    eyeTexture,
    background: { width: size, height: size, data: new Uint8ClampedArray(background.data) },
    vertexCount,
    rest: Float32Array.from(positions),
    uv: Float32Array.from(uvs),
    uvRevealed,
    revealDir,
    headWeight: Float32Array.from(heads),
    influence: Int32Array.from(infl),
    influenceWeight: Float32Array.from(inflW),
    triangles: Uint32Array.from(tris),
    material: Uint8Array.from(mats),
    eyeVertices: [eyeStart, eyeEnd],
    head: {
      pivot: [cx, earY + 0.1 * faceH, zc],
      torsoPivot: [cx, chinY + 0.7 * faceH, zc],
      iod,
      faceWidth,
    },
    mouth: { photoGap: gap, usePhotoInterior: gap > 0.08 * iod, lipColour, light: mouthLight(image, [50, 280, 205, 425, 101, 330].map((i) => [flat[i * 3]!, flat[i * 3 + 1]!] as [number, number])) },
    rig: {
      neutral,
      basis,
      photoWeights: weightsToVector(fit.weights),
      rotation: Float64Array.from(fit.rotation),
      scale: fit.pose.scale,
      translation: [fit.pose.tx, fit.pose.ty, fit.pose.tz],
      angles: { yaw: fit.pose.yaw, pitch: fit.pose.pitch, roll: fit.pose.roll },
      gaze: fit.gaze,
      residual: fit.residual,
    },
    analysis: portrait.analysis ?? null,
  };
}

/**
 * For face-mesh vertices on steep parts of the face (the bands near the outline seen almost
 * edge-on), a texture position pulled inward toward the face centre, used as that side turns
 * toward the camera, so the widened band shows nearby skin instead of stretched edge pixels.
 */
function revealedTexturing(flat: Float64Array, uv: Float32Array, vertexCount: number, faceTris: Uint16Array, faceWidth: number, influence: ArrayLike<number>, influenceWeight: ArrayLike<number>, sheetDistance: ArrayLike<number>, skinLike: (x: number, y: number) => boolean): { uvRevealed: Float32Array; revealDir: Float32Array } {
  const uvRevealed = Float32Array.from(uv);
  const revealDir = new Float32Array(vertexCount * 2);
  const normals = new Float64Array(LANDMARK_COUNT * 3);
  for (let t = 0; t < faceTris.length; t += 3) {
    const a = faceTris[t]! * 3, b = faceTris[t + 1]! * 3, c = faceTris[t + 2]! * 3;
    const ux = flat[b]! - flat[a]!, uy = flat[b + 1]! - flat[a + 1]!, uz = flat[b + 2]! - flat[a + 2]!;
    const vx = flat[c]! - flat[a]!, vy = flat[c + 1]! - flat[a + 1]!, vz = flat[c + 2]! - flat[a + 2]!;
    let nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    if (nz > 0) { nx = -nx; ny = -ny; nz = -nz; } // orient toward the camera (z < 0)
    for (const v of [a, b, c]) { normals[v] += nx; normals[v + 1] += ny; normals[v + 2] += nz; }
  }
  let cx = 0, cy = 0;
  for (const i of FACE_OVAL) { cx += flat[i * 3]!; cy += flat[i * 3 + 1]!; }
  cx /= FACE_OVAL.length; cy /= FACE_OVAL.length;
  for (let i = 0; i < 468; i++) {
    const nx = normals[i * 3]!, ny = normals[i * 3 + 1]!, nz = normals[i * 3 + 2]!;
    const len = Math.hypot(nx, ny, nz) || 1;
    const facing = -nz / len; // 1 = faces the camera, 0 = seen edge-on
    // only the band inside the outline (not the nose); the head sheet just outside follows below
    const r = Math.hypot(flat[i * 3]! - cx, flat[i * 3 + 1]! - cy);
    let rOval = 0, best = Infinity;
    const ang = Math.atan2(flat[i * 3 + 1]! - cy, flat[i * 3]! - cx);
    for (const o of FACE_OVAL) {
      const a = Math.atan2(flat[o * 3 + 1]! - cy, flat[o * 3]! - cx);
      const da = Math.abs(Math.atan2(Math.sin(a - ang), Math.cos(a - ang)));
      if (da < best) { best = da; rOval = Math.hypot(flat[o * 3]! - cx, flat[o * 3 + 1]! - cy); }
    }
    const rho = r / Math.max(1, rOval);
    const band = smoothstep(0.55, 0.85, rho);
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
  // Smooth the pull over the mesh so neighbours that were refused (hair) or accepted blend
  // instead of leaving seams.
  {
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
    for (let i = 0; i < 468; i++) {
      uvRevealed[i * 2] = uv[i * 2]! + off[i * 4]!; uvRevealed[i * 2 + 1] = uv[i * 2 + 1]! + off[i * 4 + 1]!;
      revealDir[i * 2] = off[i * 4 + 2]!; revealDir[i * 2 + 1] = off[i * 4 + 3]!;
    }
  }
  // Sheet vertices next to the outline move their texture with it (no seam), fading outward.
  for (let v = LANDMARK_COUNT; v < vertexCount; v++) {
    const near = Math.exp(-((sheetDistance[v]! / (0.08 * faceWidth)) ** 2));
    if (near < 0.01) continue;
    let ox = 0, oy = 0, dx = 0, dy = 0;
    for (let q = 0; q < 4; q++) {
      const i = influence[v * 4 + q]!;
      if (i < 0 || i >= 468) continue;
      const w = influenceWeight[v * 4 + q]! * near;
      ox += w * (uvRevealed[i * 2]! - uv[i * 2]!); oy += w * (uvRevealed[i * 2 + 1]! - uv[i * 2 + 1]!);
      dx += w * revealDir[i * 2]!; dy += w * revealDir[i * 2 + 1]!;
    }
    uvRevealed[v * 2] = uv[v * 2]! + ox; uvRevealed[v * 2 + 1] = uv[v * 2 + 1]! + oy;
    revealDir[v * 2] = dx; revealDir[v * 2 + 1] = dy;
  }
  return { uvRevealed, revealDir };
}

/** Largest matte value over a triangle (rest position), sampled on its pixel grid. */
function triangleMaxAlpha(pos: number[], v0: number, v1: number, v2: number, alphaAt: (x: number, y: number) => number): number {
  const x0 = pos[v0 * 3]!, y0 = pos[v0 * 3 + 1]!, x1 = pos[v1 * 3]!, y1 = pos[v1 * 3 + 1]!, x2 = pos[v2 * 3]!, y2 = pos[v2 * 3 + 1]!;
  let best = Math.max(alphaAt(x0, y0), alphaAt(x1, y1), alphaAt(x2, y2));
  const area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
  if (Math.abs(area) < 1e-6) return best;
  const minX = Math.floor(Math.min(x0, x1, x2)), maxX = Math.ceil(Math.max(x0, x1, x2));
  const minY = Math.floor(Math.min(y0, y1, y2)), maxY = Math.ceil(Math.max(y0, y1, y2));
  for (let y = minY; y <= maxY; y += 2) {
    for (let x = minX; x <= maxX; x += 2) {
      const w0 = ((x1 - x) * (y2 - y) - (x2 - x) * (y1 - y)) / area;
      const w1 = ((x2 - x) * (y0 - y) - (x0 - x) * (y2 - y)) / area;
      const w2 = 1 - w0 - w1;
      if (w0 < -0.05 || w1 < -0.05 || w2 < -0.05) continue;
      const a = alphaAt(x, y);
      if (a > best) best = a;
    }
  }
  return best;
}

/** photo = F*m + (1-m)*plate, so the premultiplied foreground is photo - (1-m)*plate (clamped to [0, 255m]). */
export function premultipliedForeground(image: RgbaImage, matte: GrayImage, plate: RgbaImage): RgbaImage {
  const n = image.width * image.height;
  const out = new Uint8ClampedArray(n * 4);
  const src = image.data, bg = plate.data, m = matte.data;
  for (let i = 0; i < n; i++) {
    const a = Math.round(Math.min(1, Math.max(0, m[i]!)) * 255);
    const af = a / 255, inv = 1 - af;
    const o = i * 4;
    for (let ch = 0; ch < 3; ch++) {
      const v = src[o + ch]! - inv * bg[o + ch]!;
      out[o + ch] = Math.min(a, Math.max(0, Math.round(v)));
    }
    out[o + 3] = a;
  }
  return { width: image.width, height: image.height, data: out };
}

/** Point-in-polygon (even-odd). */
function insidePolygon(x: number, y: number, poly: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!, [xj, yj] = poly[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * The eye texture: inside each eye opening the photo itself; around it, the eye's own colours
 * grown outward (repeated neighbour averaging), so shifting the texture for gaze pulls in more
 * eye, never eyelid skin.
 */
function extendEyes(texture: RgbaImage, eyes: [number, number][][], iod: number): RgbaImage {
  const size = texture.width;
  const out = new Uint8ClampedArray(texture.data);
  const pad = Math.ceil(0.2 * iod) + 2;
  for (const poly of eyes) {
    const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
    const x0 = Math.max(0, Math.floor(Math.min(...xs)) - pad), x1 = Math.min(size - 1, Math.ceil(Math.max(...xs)) + pad);
    const y0 = Math.max(0, Math.floor(Math.min(...ys)) - pad), y1 = Math.min(size - 1, Math.ceil(Math.max(...ys)) + pad);
    const w = x1 - x0 + 1, h = y1 - y0 + 1;
    const known = new Uint8Array(w * h);
    const col = new Float32Array(w * h * 4);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      if (!insidePolygon(x0 + x + 0.5, y0 + y + 0.5, poly)) continue;
      known[y * w + x] = 1;
      for (let ch = 0; ch < 4; ch++) col[(y * w + x) * 4 + ch] = texture.data[((y0 + y) * size + x0 + x) * 4 + ch]!;
    }
    // Outside the opening: the eye's own sclera colour (its brightest pixels), so an iris slid
    // sideways uncovers white of the eye, not a smear of lashes and lid.
    const lums: number[] = [];
    for (let i = 0; i < w * h; i++) if (known[i]) lums.push(0.3 * col[i * 4]! + 0.59 * col[i * 4 + 1]! + 0.11 * col[i * 4 + 2]!);
    lums.sort((p, q) => p - q);
    const bright = lums.length ? lums[Math.floor(lums.length * 0.8)]! : 255;
    const sclera = [0, 0, 0, 0];
    let sc = 0;
    for (let i = 0; i < w * h; i++) {
      if (!known[i]) continue;
      const l = 0.3 * col[i * 4]! + 0.59 * col[i * 4 + 1]! + 0.11 * col[i * 4 + 2]!;
      if (l < bright) continue;
      for (let ch = 0; ch < 4; ch++) sclera[ch]! += col[i * 4 + ch]!;
      sc++;
    }
    for (let ch = 0; ch < 4; ch++) sclera[ch] = sc ? sclera[ch]! / sc * (ch < 3 ? 0.92 : 1) : 255;
    for (let i = 0; i < w * h; i++) {
      if (known[i]) continue;
      for (let ch = 0; ch < 4; ch++) col[i * 4 + ch] = sclera[ch]!;
      known[i] = 1;
    }
    // soften the jump at the opening's border by one averaging pass over a thin ring
    for (let y = 1; y < h - 1; y++) for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      if (insidePolygon(x0 + x + 0.5, y0 + y + 0.5, poly)) continue;
      for (let ch = 0; ch < 4; ch++) col[i * 4 + ch] = (col[i * 4 + ch]! * 2 + col[(i - 1) * 4 + ch]! + col[(i + 1) * 4 + ch]! + col[(i - w) * 4 + ch]! + col[(i + w) * 4 + ch]!) / 6;
    }
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      if (!known[y * w + x]) continue;
      for (let ch = 0; ch < 4; ch++) out[((y0 + y) * size + x0 + x) * 4 + ch] = col[(y * w + x) * 4 + ch]!;
    }
  }
  return { width: size, height: size, data: out };
}

/** Brightness (cheek luminance relative to a well-lit face) and colourfulness of the photo, for the procedural mouth. */
function mouthLight(img: RgbaImage, cheeks: [number, number][]): { brightness: number; saturation: number; tint: [number, number, number] } {
  const [r, g, b] = averageColour(img, cheeks);
  const lum = 0.3 * r + 0.59 * g + 0.11 * b;
  const chroma = Math.max(r, g, b) - Math.min(r, g, b);
  const saturation = Math.min(1, chroma / 40);
  // a share of the skin's own hue, so teeth sit in the same (warm, cold, yellowed) light
  const cast = [r, g, b].map((v) => 0.6 + 0.4 * Math.min(1.4, Math.max(0.5, v / Math.max(1, lum)))) as [number, number, number];
  return { brightness: Math.min(1.05, Math.max(0.45, lum / 185)), saturation, tint: cast };
}

/** A test for "looks like this face's cheek skin" (colour within a tolerance of the cheeks' mean). */
function skinTest(img: RgbaImage, cheeks: [number, number][]): (x: number, y: number) => boolean {
  const ref = averageColour(img, cheeks);
  const refLum = 0.3 * ref[0] + 0.59 * ref[1] + 0.11 * ref[2];
  return (x, y) => {
    const xi = Math.min(img.width - 1, Math.max(0, Math.round(x))), yi = Math.min(img.height - 1, Math.max(0, Math.round(y)));
    const o = (yi * img.width + xi) * 4;
    const r = img.data[o]!, g = img.data[o + 1]!, b = img.data[o + 2]!;
    const lum = 0.3 * r + 0.59 * g + 0.11 * b;
    const chroma = Math.abs(r - g - (ref[0] - ref[1])) + Math.abs(g - b - (ref[1] - ref[2]));
    return Math.abs(lum - refLum) < 45 && chroma < 40;
  };
}

function averageColour(img: RgbaImage, pts: [number, number][]): [number, number, number] {
  const acc = [0, 0, 0];
  for (const [x, y] of pts) {
    const xi = Math.min(img.width - 1, Math.max(0, Math.round(x))), yi = Math.min(img.height - 1, Math.max(0, Math.round(y)));
    for (let ch = 0; ch < 3; ch++) acc[ch]! += img.data[(yi * img.width + xi) * 4 + ch]!;
  }
  return acc.map((v) => v / pts.length) as [number, number, number];
}

// ---------------------------------------------------------------- file format
// "R3DAVATR" magic, u32 version, u32 header length, JSON header, then each typed array at an
// 8-byte aligned offset listed in the header.
const MAGIC = 'R3DAVATR';
type ArrayKind = 'f32' | 'f64' | 'u8' | 'u8c' | 'i32' | 'u32';
const CTOR: Record<ArrayKind, any> = { f32: Float32Array, f64: Float64Array, u8: Uint8Array, u8c: Uint8ClampedArray, i32: Int32Array, u32: Uint32Array };

function arraysOf(av: Avatar): Record<string, ArrayBufferView & { length: number }> {
  return {
    texture: av.texture.data, eyeTexture: av.eyeTexture.data, background: av.background.data,
    rest: av.rest, uv: av.uv, uvRevealed: av.uvRevealed, revealDir: av.revealDir, headWeight: av.headWeight, influence: av.influence, influenceWeight: av.influenceWeight,
    triangles: av.triangles, material: av.material,
    neutral: av.rig.neutral, basis: av.rig.basis, photoWeights: av.rig.photoWeights, rotation: av.rig.rotation,
  };
}

function kindOf(a: ArrayBufferView): ArrayKind {
  if (a instanceof Float32Array) return 'f32';
  if (a instanceof Float64Array) return 'f64';
  if (a instanceof Uint8ClampedArray) return 'u8c';
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Int32Array) return 'i32';
  return 'u32';
}

/** Serialises the avatar to one binary buffer. */
export function encodeAvatar(av: Avatar): Buffer {
  const arrays = arraysOf(av);
  const table: Record<string, { kind: ArrayKind; offset: number; length: number }> = {};
  let offset = 0;
  for (const [name, arr] of Object.entries(arrays)) {
    offset = Math.ceil(offset / 8) * 8;
    table[name] = { kind: kindOf(arr), offset, length: arr.length };
    offset += arr.byteLength;
  }
  const header = {
    format: 'real3d-avatar', version: av.version, size: av.size, focal: av.focal, vertexCount: av.vertexCount,
    eyeVertices: av.eyeVertices, head: av.head, mouth: av.mouth,
    rig: { scale: av.rig.scale, translation: av.rig.translation, angles: av.rig.angles, gaze: av.rig.gaze, residual: av.rig.residual },
    analysis: av.analysis, arrays: table, controls: CONTROL_COUNT,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const start = Math.ceil((16 + json.length) / 8) * 8;
  const buf = Buffer.alloc(start + offset);
  buf.write(MAGIC, 0, 'latin1');
  buf.writeUInt32LE(AVATAR_VERSION, 8);
  buf.writeUInt32LE(json.length, 12);
  json.copy(buf, 16);
  for (const [name, arr] of Object.entries(arrays)) {
    Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(buf, start + table[name]!.offset);
  }
  return buf;
}

/** Parses an avatar file's bytes; throws FileFormatError saying what is wrong. */
export function decodeAvatar(buf: Buffer, name = 'the avatar file'): Avatar {
  const bad = (why: string) => new FileFormatError(`${name} is not a usable real3d avatar: ${why}. Rebuild it with \`real3d avatar <photo> -o file.avatar\`.`);
  if (buf.length < 16 || buf.toString('latin1', 0, 8) !== MAGIC) throw bad('it does not start with the avatar signature');
  const version = buf.readUInt32LE(8);
  if (version !== AVATAR_VERSION) throw bad(`it is format version ${version}, this real3d reads version ${AVATAR_VERSION}`);
  const len = buf.readUInt32LE(12);
  if (16 + len > buf.length) throw bad('the file is truncated (header)');
  let h: any;
  try { h = JSON.parse(buf.toString('utf8', 16, 16 + len)); } catch { throw bad('its header is not valid JSON'); }
  if (h?.format !== 'real3d-avatar' || typeof h.size !== 'number' || typeof h.vertexCount !== 'number' || !h.arrays) throw bad('its header is incomplete');
  if (h.controls !== CONTROL_COUNT) throw bad(`it was made with ${h.controls} rig controls, this real3d has ${CONTROL_COUNT}`);
  const start = Math.ceil((16 + len) / 8) * 8;
  const get = (key: string, expected?: number): any => {
    const e = h.arrays[key];
    if (!e || !(e.kind in CTOR)) throw bad(`the array "${key}" is missing`);
    const C = CTOR[e.kind as ArrayKind];
    const bytes = e.length * C.BYTES_PER_ELEMENT;
    if (start + e.offset + bytes > buf.length) throw bad(`the file is truncated (array "${key}")`);
    if (expected !== undefined && e.length !== expected) throw bad(`the array "${key}" has ${e.length} values, expected ${expected}`);
    const copy = new ArrayBuffer(bytes);
    new Uint8Array(copy).set(buf.subarray(start + e.offset, start + e.offset + bytes));
    return new C(copy);
  };
  const n = h.vertexCount, s = h.size;
  const img = (key: string) => ({ width: s, height: s, data: get(key, s * s * 4) as Uint8ClampedArray });
  const triangles = get('triangles') as Uint32Array;
  const material = get('material', triangles.length / 3) as Uint8Array;
  for (let i = 0; i < triangles.length; i++) if (triangles[i]! >= n) throw bad('a triangle refers to a missing vertex');
  return {
    version: AVATAR_VERSION, size: s, focal: h.focal, texture: img('texture'), eyeTexture: img('eyeTexture'), background: img('background'),
    vertexCount: n, rest: get('rest', n * 3), uv: get('uv', n * 2), uvRevealed: get('uvRevealed', n * 2), revealDir: get('revealDir', n * 2), headWeight: get('headWeight', n),
    influence: get('influence', n * 4), influenceWeight: get('influenceWeight', n * 4), triangles, material,
    eyeVertices: h.eyeVertices, head: h.head, mouth: h.mouth,
    rig: {
      neutral: get('neutral', LANDMARK_COUNT * 3), basis: get('basis', CONTROL_COUNT * LANDMARK_COUNT * 3), photoWeights: get('photoWeights', CONTROL_COUNT),
      rotation: get('rotation', 9), scale: h.rig.scale, translation: h.rig.translation, angles: h.rig.angles, gaze: h.rig.gaze, residual: h.rig.residual,
    },
    analysis: h.analysis ?? null,
  };
}

/** Writes the avatar as one binary file, atomically. */
export async function saveAvatar(avatar: Avatar, file: string): Promise<void> {
  await writeFileAtomic(file, encodeAvatar(avatar));
}

/** Reads an avatar file written by saveAvatar. */
export async function loadAvatar(file: string): Promise<Avatar> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch {
    throw new InputError(`Cannot read the avatar file ${file}: it does not exist or is not readable.`);
  }
  return decodeAvatar(buf, file);
}

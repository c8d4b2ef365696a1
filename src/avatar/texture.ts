// Texturing of the avatar: the premultiplied person layer, the eye texture grown past the lids,
// "revealed" texture positions for the steep bands of the face, and the colour probes (skin,
// lips, light) the mouth interior matches.
import type { RgbaImage, GrayImage } from '../types.ts';
import { FACE_OVAL, LANDMARK_COUNT } from '../rig/topology.ts';
import { smoothstep } from '../math/smooth.ts';

/**
 * For face-mesh vertices on steep parts of the face (the bands near the outline seen almost
 * edge-on), a texture position pulled inward toward the face centre, used as that side turns
 * toward the camera, so the widened band shows nearby skin instead of stretched edge pixels.
 */
export function revealedTexturing(flat: Float64Array, uv: Float32Array, vertexCount: number, faceTris: Uint16Array, faceWidth: number, influence: ArrayLike<number>, influenceWeight: ArrayLike<number>, sheetDistance: ArrayLike<number>, skinLike: (x: number, y: number) => boolean, keepEdge?: ArrayLike<number>): { uvRevealed: Float32Array; revealDir: Float32Array } {
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
    // where hair lies right outside the outline, the outline keeps its own texels: the photo's soft
    // skin-to-hair shading there, instead of pulled-in skin meeting the hair in a hard line
    if (keepEdge) for (let i = 0; i < 468; i++) for (let k = 0; k < 4; k++) off[i * 4 + k] *= 1 - keepEdge[i]!;
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
 * The premultiplied person layer with its edges decontaminated. photo = a*F + (1-a)*B, so the
 * foreground colour is F = (photo - (1-a)*B)/a with B the plate (blurred: near the person the plate
 * is itself a guess). Where a is small that estimate is noisy and carries what is left of the old
 * background (a light halo on a new backdrop), so F there is taken from the nearby opaque person
 * instead: a normalised blur of the opaque person's F, blended in as a falls. Output a*F, alpha a.
 */
export function premultipliedForeground(image: RgbaImage, matte: GrayImage, plate: RgbaImage): RgbaImage {
  const { width: w, height: h } = image;
  const n = w * h;
  const src = image.data, m = matte.data;
  const bg = blurRgb(plate, Math.max(1, Math.round(w / 128)));
  const fg = new Float32Array(n * 3), weight = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const a = Math.min(1, Math.max(0, m[i]!));
    if (a < 1 / 255) continue;
    for (let ch = 0; ch < 3; ch++) fg[i * 3 + ch] = Math.min(255, Math.max(0, (src[i * 4 + ch]! - (1 - a) * bg[i * 3 + ch]!) / a));
    weight[i] = smoothstep(0.85, 1, a); // only the (nearly) opaque person is trusted
  }
  // F from the opaque interior, at two reaches: ~1.5% of the side, and ~5% for wide soft fringes
  // (fine hair) that the short reach does not cross
  const inner = (r: number) => {
    const wb = boxBlur2d(weight, w, h, r);
    const planes = [0, 1, 2].map((ch) => boxBlur2d(Float32Array.from({ length: n }, (_, i) => fg[i * 3 + ch]! * weight[i]!), w, h, r));
    return { wb, planes };
  };
  const near = inner(Math.max(2, Math.round(w / 70))), far = inner(Math.max(4, Math.round(w / 20)));
  const out = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    const a = Math.min(1, Math.max(0, m[i]!));
    const a8 = Math.round(a * 255);
    if (a8 === 0) continue;
    const trust = smoothstep(0.45, 0.9, a);
    const o = i * 4;
    const t = Math.min(1, near.wb[i]! / 0.1);
    for (let ch = 0; ch < 3; ch++) {
      const fNear = near.wb[i]! > 1e-6 ? near.planes[ch]![i]! / near.wb[i]! : 0;
      const fFar = far.wb[i]! > 1e-6 ? far.planes[ch]![i]! / far.wb[i]! : fg[i * 3 + ch]!;
      const interior = t * fNear + (1 - t) * fFar;
      const f = fg[i * 3 + ch]! * trust + interior * (1 - trust);
      out[o + ch] = Math.min(a8, Math.max(0, Math.round(f * a)));
    }
    out[o + 3] = a8;
  }
  return { width: w, height: h, data: out };
}

/** RGB planes of an RGBA image, box-blurred (two passes). */
function blurRgb(img: RgbaImage, r: number): Float32Array {
  const n = img.width * img.height;
  const out = new Float32Array(n * 3);
  for (let ch = 0; ch < 3; ch++) {
    const plane = boxBlur2d(Float32Array.from({ length: n }, (_, i) => img.data[i * 4 + ch]!), img.width, img.height, r);
    for (let i = 0; i < n; i++) out[i * 3 + ch] = plane[i]!;
  }
  return out;
}

/** Two passes of a separable box blur (close to a Gaussian), edges clamped. */
function boxBlur2d(src: Float32Array, w: number, h: number, r: number): Float32Array {
  let a = src;
  for (let pass = 0; pass < 2; pass++) {
    const tmp = new Float32Array(a.length), out = new Float32Array(a.length);
    for (let y = 0; y < h; y++) {
      let acc = 0;
      for (let k = -r; k <= r; k++) acc += a[y * w + Math.min(w - 1, Math.max(0, k))]!;
      for (let x = 0; x < w; x++) {
        tmp[y * w + x] = acc / (2 * r + 1);
        acc += a[y * w + Math.min(w - 1, x + r + 1)]! - a[y * w + Math.max(0, x - r)]!;
      }
    }
    for (let x = 0; x < w; x++) {
      let acc = 0;
      for (let k = -r; k <= r; k++) acc += tmp[Math.min(h - 1, Math.max(0, k)) * w + x]!;
      for (let y = 0; y < h; y++) {
        out[y * w + x] = acc / (2 * r + 1);
        acc += tmp[Math.min(h - 1, y + r + 1) * w + x]! - tmp[Math.max(0, y - r) * w + x]!;
      }
    }
    a = out;
  }
  return a;
}


export { extendEyes } from './eyeTexture.ts';

/** Brightness (cheek luminance relative to a well-lit face) and colourfulness of the photo, for the procedural mouth. */
export function mouthLight(img: RgbaImage, cheeks: [number, number][]): { brightness: number; saturation: number; tint: [number, number, number] } {
  const [r, g, b] = averageColour(img, cheeks);
  const lum = 0.3 * r + 0.59 * g + 0.11 * b;
  const chroma = Math.max(r, g, b) - Math.min(r, g, b);
  const saturation = Math.min(1, chroma / 40);
  // a share of the skin's own hue, so teeth sit in the same (warm, cold, yellowed) light
  const cast = [r, g, b].map((v) => 0.6 + 0.4 * Math.min(1.4, Math.max(0.5, v / Math.max(1, lum)))) as [number, number, number];
  return { brightness: Math.min(1.05, Math.max(0.45, lum / 185)), saturation, tint: cast };
}

/** A test for "looks like this face's cheek skin" (colour within a tolerance of the cheeks' mean). */
export function skinTest(img: RgbaImage, cheeks: [number, number][]): (x: number, y: number) => boolean {
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

export function averageColour(img: RgbaImage, pts: [number, number][]): [number, number, number] {
  const acc = [0, 0, 0];
  for (const [x, y] of pts) {
    const xi = Math.min(img.width - 1, Math.max(0, Math.round(x))), yi = Math.min(img.height - 1, Math.max(0, Math.round(y)));
    for (let ch = 0; ch < 3; ch++) acc[ch]! += img.data[(yi * img.width + xi) * 4 + ch]!;
  }
  return acc.map((v) => v / pts.length) as [number, number, number];
}

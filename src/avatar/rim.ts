// A light rim along the face's outline: a back or side light (or, in a painting, a highlight laid
// along the edge) brightens the last few pixels of the cheek, which the photo saw almost edge-on.
// On a turn toward that side the flattened face edge widens those few pixels into a pale band
// between cheek and ear; a real cheek turned toward the camera also turns away from the light
// behind it, so its rim would fade. rimSkips measures each outline point's rim from the photo,
// and the reveal (reveal.ts) samples the cheek just past it instead.
import type { RgbaImage } from '../types.ts';
import { FACE_OVAL } from '../rig/topology.ts';
import { insidePolygon, distanceToOutline } from '../math/polygon.ts';

/** Face-mesh points (the 468 without the irises), how far inside the outline a rim's skip reaches (in rim widths). */
const FACE_MESH_POINTS = 468, RIM_SPREAD = 3;
const ovalIndex = new Set<number>(FACE_OVAL);
import { smoothstep, smoothAround } from '../math/smooth.ts';

/**
 * How fast a light rim's skip comes in with the turn (s55 veilseam55, issue #15). The reveal is linear in yaw
 * (full at 25°), but a rim the photo saw edge-on widens fastest over the first degrees: st_art_1's painted
 * temple highlight (13 px at rest) was a 25-30 px pale band at yaw -10 with its skip 40 % done. A rim
 * vertex's yaw schedule runs 1 + (rate - 1) * its skip's strength times faster up to a full turn (render/turnTexture.ts
 * fasterYaw: at rate 2.5 full at 10°); at the photo's pose and from a full turn on nothing changes. rate 1 = as before.
 */
export const rimRevealSetting = { rate: 2.5 };

/** Per vertex, the yaw activation's rate (1 = the reveal's own), from the rim skips; null where no vertex changes. Pure. */
export function rimRevealRate(rims: RimSkips, vertexCount: number, rate = rimRevealSetting.rate): Float32Array | null {
  if (!(rate > 1) || rims.ids.length === 0) return null;
  const out = new Float32Array(vertexCount).fill(1);
  rims.ids.forEach((v, k) => { out[v] = Math.max(out[v]!, 1 + (rate - 1) * rims.strength[k]!); });
  return out;
}

/** The rim found on a luminance profile taken from the outline inward. */
export interface RimProfile {
  /** brightness of the rim over the cheek behind it (luminance levels; 0 = none) */
  excess: number;
  /** how far inward the rim reaches (samples of the profile) */
  width: number;
}

/**
 * The light rim on a luminance profile from the outline inward (profile[d] at d samples inside):
 * the brightest value over the first `near` samples against the cheek's level over [refFrom,
 * refTo); its width is where the profile first falls back to within a quarter of the excess of
 * the cheek's level. A bright region wider than `near` is the face's lit side (the photo's own
 * light, kept), not a rim: no rim.
 */
export function rimOnProfile(profile: ArrayLike<number>, near: number, refFrom: number, refTo: number): RimProfile {
  let peak = -Infinity, at = 0;
  for (let d = 0; d < Math.min(near, profile.length); d++) if (profile[d]! > peak) { peak = profile[d]!; at = d; }
  let ref = 0, n = 0;
  for (let d = refFrom; d < Math.min(refTo, profile.length); d++) { ref += profile[d]!; n++; }
  if (n === 0) return { excess: 0, width: 0 };
  ref /= n;
  const excess = peak - ref;
  if (excess <= 0) return { excess: 0, width: 0 };
  for (let d = at; d < Math.min(refFrom, profile.length); d++) {
    if (profile[d]! <= ref + 0.25 * excess) return d <= near ? { excess, width: d } : { excess: 0, width: 0 };
  }
  return { excess: 0, width: 0 };
}

/** Rim skips per face-outline landmark: the inward texture offset (crop px) past the rim, full on a turn. */
export interface RimSkips {
  /** face-mesh vertex ids (outline points on the cheeks' sides and the vertices just inside them) */
  ids: number[];
  /** per id: texture offset x, y that skips the rim (0, 0 = no rim) */
  offset: [number, number][];
  /** per id: how far a full turn moves toward the offset (0..1): offset x strength is the skip in px, smoothed along the outline */
  strength: number[];
}

/**
 * For each point of the face outline on the sides of the face (where the outline runs more
 * up-down than across: cheek, temple, jaw by the ear; not the forehead's hairline or the chin),
 * the light rim the photo shows just inside it, and the texture offset that skips it. The profile
 * runs from 1 px outside the outline toward the face centre, each sample averaged over 5 px along
 * the outline. A rim reaches at most 0.07 face widths; the cheek's level is read 0.085-0.125 face
 * widths inside.
 */
/** The face outline's points (FACE_OVAL order) and, per point, the unit direction toward the outline's centroid (inward). */
export function ovalFrame(flat: Float64Array): { oval: [number, number][]; inward: [number, number][] } {
  let cx = 0, cy = 0;
  for (const i of FACE_OVAL) { cx += flat[i * 3]!; cy += flat[i * 3 + 1]!; }
  cx /= FACE_OVAL.length; cy /= FACE_OVAL.length;
  const oval = FACE_OVAL.map((i) => [flat[i * 3]!, flat[i * 3 + 1]!] as [number, number]);
  const inward = oval.map(([x, y]) => { const d = Math.hypot(cx - x, cy - y) || 1; return [(cx - x) / d, (cy - y) / d] as [number, number]; });
  return { oval, inward };
}

/** The index (into `oval`) of the outline point nearest (x, y). */
export function nearestOvalPoint(oval: readonly (readonly [number, number])[], x: number, y: number): number {
  let k = 0, best = Infinity;
  oval.forEach(([ox, oy], q) => { const d = Math.hypot(x - ox, y - oy); if (d < best) { best = d; k = q; } });
  return k;
}

/** The image's luminance at the nearest pixel (clamped to the image). */
export function lumaAt(image: RgbaImage): (x: number, y: number) => number {
  const w = image.width, h = image.height;
  return (x, y) => {
    const o = (Math.min(h - 1, Math.max(0, Math.round(y))) * w + Math.min(w - 1, Math.max(0, Math.round(x)))) * 4;
    return 0.3 * image.data[o]! + 0.59 * image.data[o + 1]! + 0.11 * image.data[o + 2]!;
  };
}

export function rimSkips(image: RgbaImage, flat: Float64Array, faceWidth: number): RimSkips {
  const lum = lumaAt(image), { oval, inward } = ovalFrame(flat);
  const steps = Math.ceil(0.125 * faceWidth) + 1;
  const near = Math.max(2, Math.round(0.07 * faceWidth));
  // the skip (px, times how surely there is a rim) along the loop, then smoothed along it: a skip
  // that ends from one outline point to the next shears the texture between them into a streak
  const skip = FACE_OVAL.map(() => 0);
  FACE_OVAL.forEach((i, k) => {
    const x = flat[i * 3]!, y = flat[i * 3 + 1]!, [inX, inY] = inward[k]!;
    if (Math.abs(inX) < 0.35) return; // forehead and chin: the outline runs across
    const profile = new Float32Array(steps);
    for (let s = 0; s < steps; s++) {
      let acc = 0;
      for (const t of [-2, 0, 2]) acc += lum(x + inX * (s - 1) - inY * t, y + inY * (s - 1) + inX * t);
      profile[s] = acc / 3;
    }
    // (the profile starts 1 px outside: a width of w samples skips w - 1 px, plus 1 px for the rim's foot)
    const rim = rimOnProfile(profile, near + 1, Math.round(0.085 * faceWidth) + 1, steps);
    skip[k] = rim.width * smoothstep(20, 40, rim.excess);
  });
  const smoothed = smoothAround(skip, 2);
  const rim = FACE_OVAL.map((_, k) => Math.max(skip[k]!, smoothed[k]!));
  // Every face-mesh vertex within RIM_SPREAD rim widths of the outline moves too: the band
  // [0, D] inside the outline samples [e, D] instead (a wide rim holds more than the outline's own
  // points; moving those alone would leave the rim on the next vertices in).
  const out: RimSkips = { ids: [], offset: [], strength: [] };
  for (let v = 0; v < FACE_MESH_POINTS; v++) {
    const x = flat[v * 3]!, y = flat[v * 3 + 1]!;
    const k = nearestOvalPoint(oval, x, y);
    const w = rim[k]!;
    if (w < 0.25) continue;
    // (face-mesh points a little outside the outline's polygon, e.g. 447 beside 454, lie on it)
    const d = ovalIndex.has(v) ? 0 : insidePolygon(x, y, oval) ? distanceToOutline(x, y, oval) : distanceToOutline(x, y, oval) < 0.03 * faceWidth ? 0 : Infinity;
    const e = w * (1 - d / (RIM_SPREAD * w));
    if (!(e > 0.25)) continue;
    // full strength from a 2 px skip on; below, a weaker activation of the same short offset
    const strength = Math.min(1, e / 2), [inX, inY] = inward[k]!;
    out.ids.push(v);
    out.offset.push([(inX * e) / strength, (inY * e) / strength]);
    out.strength.push(strength);
  }
  return out;
}

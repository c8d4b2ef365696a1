// One iris size for every path that draws a big painted iris (hook42, critic41 #3: lp_s7 <- lp_d10). A cartoon
// eye's iris is far larger than the face mesh's ring (lp_s7: its limbus 13.5 px left and 18.5 px right of the mesh's
// centre, ring 12.2; irisReach.ts reads it). iris41 gave that reach to the white shown behind the moved iris, but
// the gaze disc (irisDisc.ts), its reach toward the corners and the raised lid's completed iris (wideEyeModel.ts)
// kept the ring's size: the painted rim past the disc stayed put when the iris moved (a light-blue ghost half-disc
// beside it, f60), the centre ran the ring's room into the corner (the pupil a black wedge at the corner, f86-91),
// and a raised lid drew a ring-sized iris top over the painted one. Here, per eye: is the iris big, and its reach.
// "Big" is iris41's test (a side's reach past the white's clearance by BIG_IRIS_PX) AND a coloured rim (the band
// between the ring and the reach is a hue the white is not): a grey eye with a shaded white ring (test/gazeFillFloor's
// synthetic) reads the shade as a limbus and must keep the ring.
import { BIG_IRIS_PX, irisReach, type IrisReach } from './irisReach.ts';
import { insidePolygon } from '../math/polygon.ts';

type Tex = { width: number; height: number; data: Uint8ClampedArray };

/** The white's clearance the mesh's ring gives (rings; scleraBehind.ts IRIS_CLEAR). */
const CLEAR = 1.1;
/** The rim band (ring to reach) must be this much more chromatic (max - min channel of its mean, 0..255) than the white: lp_s7 13 | 24, a grey eye 0, real eyes -3..-113 (none big). */
const RIM_CHROMA = 8;
/** The disc reaches this far past the limbus read (px): the limbus's dark ring outside its half-luma crossing. */
export const LIMBUS_PX = 2;
/** A big iris is taken up to this share of the eye's half width (irisDisc / wideEyeModel keep a ring under 0.65). */
export const BIG_MAX = 0.9;

export interface BigIris {
  /** the reach per side (image left, right) from the mesh's centre (texture px) */
  sides: [number, number];
  /** the painted iris: centre half way between its limbus reaches, radius their mean (texture px) */
  cx: number; cy: number; r: number;
}

const chroma = (c: number[]) => Math.max(c[0]!, c[1]!, c[2]!) - Math.min(c[0]!, c[1]!, c[2]!);

/** The mean colour (RGB) of the band between the ring and the reach on the big sides, over the rows within half a ring of the centre. */
export function rimColour(tex: Tex, reach: IrisReach, ring: number): number[] {
  const sum = [0, 0, 0];
  let n = 0;
  for (let y = Math.floor(reach.cy - 0.5 * ring); y <= Math.ceil(reach.cy + 0.5 * ring); y++) {
    for (const [s, dir] of [[0, -1], [1, 1]] as const) {
      if (!(reach.sides[s] > CLEAR * ring + BIG_IRIS_PX)) continue;
      for (let d = Math.ceil(ring); d < reach.sides[s]; d++) {
        const x = Math.floor(reach.cx) + dir * d;
        if (!reach.inside(x, y)) break;
        const o = (y * tex.width + x) * 4;
        for (let ch = 0; ch < 3; ch++) sum[ch]! += tex.data[o + ch]!;
        n++;
      }
    }
  }
  return sum.map((v) => v / Math.max(1, n));
}

/** The big iris read off `reach` (irisReach.ts on `tex`) for a mesh ring `ring`, or null when the ring is the iris. */
export function bigIrisOf(tex: Tex, reach: IrisReach | null, ring: number): BigIris | null {
  if (!reach || !reach.sides.some((s) => s > CLEAR * ring + BIG_IRIS_PX)) return null;
  if (chroma(rimColour(tex, reach, ring)) - chroma(reach.white) < RIM_CHROMA) return null;
  const [l, r] = reach.sides.map((s) => Math.max(s, ring)) as [number, number];
  return { sides: [l, r], cx: reach.cx + (r - l) / 2, cy: reach.cy, r: (l + r) / 2 };
}

/** bigIrisOf on a texture (the eye texture) for the mesh's centre (cx, cy) and ring in the opening `poly`. */
export function bigIris(tex: Tex, poly: [number, number][], cx: number, cy: number, ring: number): BigIris | null {
  return bigIrisOf(tex, irisReach(tex, poly, cx, cy, ring), ring);
}

/** The gaze disc's radius (before its edge fade) for a big iris: over its farther limbus, never under the ring's `ringRadius`. */
export function bigDiscRadius(big: BigIris, ringRadius: number, halfW: number): number {
  return Math.max(ringRadius, Math.min(BIG_MAX * halfW + LIMBUS_PX, Math.max(...big.sides) + LIMBUS_PX));
}

/** The iris radius is kept within this share of the eye's half width (as irisDisc.ts keeps the mesh's ring). */
const RING_MIN = 0.3, RING_MAX = 0.65;

/** bigIris for one eye as the gaze disc reads it (irisDisc.ts): the mesh's iris centre and rim points, the opening, the upper lid's points (corner to corner). */
export function bigIrisForEye(tex: Tex, poly: [number, number][], iris: { centre: [number, number]; rim: [number, number][] }, upper: [number, number][]): BigIris | null {
  const halfW = Math.abs(upper.at(-1)![0] - upper[0]![0]) / 2;
  const [cx, cy] = iris.centre;
  const ring = iris.rim.reduce((s, p) => s + Math.hypot(p[0] - cx, p[1] - cy), 0) / Math.max(1, iris.rim.length);
  return bigIris(tex, poly, cx, cy, Math.min(RING_MAX * halfW, Math.max(RING_MIN * halfW, ring)));
}

/**
 * The gaze disc's matte for a big iris stops at the painted iris's own circle (its limbus + LIMBUS_PX + 1.5 px fade):
 * the disc reaches to BIG_MAX of the half width, and lp_s7's dark red lid line inside it counted as iris by colour
 * (irisReach.ts colourIrisShare), moved with the gaze into the white as a crease (iristear49). Off: as before.
 */
export const paintedMatteSetting = { on: true };

/** The circle (texture px, with its 1.5 px fade outside) past which nothing of a big iris's disc is iris. */
export function paintedCircle(big: BigIris): { cx: number; cy: number; r: number } {
  return { cx: big.cx, cy: big.cy, r: big.r + LIMBUS_PX + 1.5 };
}

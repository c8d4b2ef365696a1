// Far-side completion by symmetry. Where the photo saw the face at a grazing angle (the far cheek
// and temple of a turned head), its few texels stretch when the head turns toward that side. The mirror-symmetric point on the other side of the face was usually seen
// more squarely: the renderer blends in that point's texture (a second texture coordinate per
// vertex), relit to the far side's own broad shading by a per-vertex colour gain. This file
// computes, at avatar build time, what the renderer needs for that, for the face-mesh points (the
// head sheet's hair, ears and background are not symmetric enough to copy): the mirror texture
// coordinate, the photo's surface normal and whether the photo saw the point at all, the mirror
// point's foreshortening, the relighting gain and how far each vertex may take the mirror.
import type { RgbaImage } from '../types.ts';
import { smooth01, smoothstep } from '../math/smooth.ts';
import { luminance } from '../math/colour.ts';
import { faceTopology, MESH_POINT_COUNT } from '../rig/topology.ts';
import { boxBlur } from '../analyze/raster.ts';
import { photoDepth, seenInDepth, vertexNormals } from './photoVisibility.ts';

export { photoDepth, photoVisibility, seenInDepth, vertexNormals } from './photoVisibility.ts';

/** Mirror partner of each vertex: the face-mesh points by the topology's left/right map, -1 for every other vertex. */
export function landmarkMirror(vertexCount: number): Int32Array {
  const out = new Int32Array(vertexCount).fill(-1);
  const { mirror } = faceTopology();
  for (let i = 0; i < Math.min(MESH_POINT_COUNT, vertexCount); i++) out[i] = mirror[i]!;
  return out;
}

export interface MirrorTexturing {
  /** per vertex: texture position of its mirror partner (own position where it has none) */
  uvMirror: Float32Array;
  /** per vertex: unit surface normal in crop space as the photo saw it (z < 0 faces the camera) */
  normal: Float32Array;
  /** per vertex: how squarely the photo saw it (-normal.z, 0 where it was hidden behind nearer surface) */
  photoFacing: Float32Array;
  /** per vertex: the same for its mirror partner */
  mirrorFacing: Float32Array;
  /** per vertex: RGB gain taking the partner's broad colour to this vertex's own */
  mirrorGain: Float32Array;
  /** per vertex: the largest share of mirror texture allowed (0 = never mirrored) */
  mirrorReach: Float32Array;
}

/**
 * Share of mirror texture for one vertex in the current view: how much less the partner's texels
 * would be stretched than the vertex's own. `facingNow` is -normal.z after the head's rotation,
 * `facingRest` the same at the photo's pose (the geometry's, visible or not); `facingPhoto` is 0
 * where the photo did not see the vertex. Nothing changes until the turn shows the vertex more
 * squarely than the photo's pose did (the rest frame reproduces the photo), then the share rises.
 */
export function mirrorShare(facingPhoto: number, facingMirror: number, facingRest: number, facingNow: number, reach: number): number {
  if (reach <= 0 || facingNow <= 0.05) return 0;
  const turned = Math.min(1, Math.max(0, (facingNow - facingRest - 0.01) / 0.1));
  if (turned <= 0) return 0;
  // texel quality: 1 = at least as many texels as screen pixels along the slope, c/cNow below
  const own = Math.min(1, Math.max(0.02, facingPhoto) / facingNow);
  const mirrored = Math.min(1, Math.max(0.02, facingMirror) / facingNow);
  return reach * smooth01(Math.min(1, Math.max(0, (mirrored - own - 0.04) / 0.22)) * turned);
}

/**
 * The mirror data for every vertex. `mirrorOf[v]` is v's mirror partner (-1 = none); `reach[v]`
 * caps its mirror share (0 = never, e.g. around the eyes). Normals and visibility come from the
 * face mesh's triangles. The gain compares the blurred un-premultiplied texture around each vertex
 * with that around its partner, so the copied texture keeps this side's light. `faceDepth`: the face
 * triangles' photo depth buffer (photoDepth), when the caller already has it.
 */
export function mirrorTexturing(pos: ArrayLike<number>, uv: Float32Array, vertexCount: number, faceTriangles: ArrayLike<number>, mirrorOf: Int32Array, reach: Float32Array, texture: RgbaImage, faceWidth: number, faceDepth = photoDepth(pos, [faceTriangles], texture.width)): MirrorTexturing {
  const triangleGroups = [faceTriangles];
  const normal = vertexNormals(pos, vertexCount, triangleGroups);
  // how squarely the photo saw each vertex: 0 where it was hidden behind nearer surface
  const size = texture.width;
  const seen = seenInDepth(pos, vertexCount, faceDepth, size, 0.04 * faceWidth);
  const facing = (v: number): number => (seen[v] ? Math.max(0, -normal[v * 3 + 2]!) : 0);
  const uvMirror = Float32Array.from(uv);
  const mirrorFacing = new Float32Array(vertexCount);
  const photoFacing = Float32Array.from({ length: vertexCount }, (_, v) => facing(v));
  const mirrorGain = new Float32Array(vertexCount * 3).fill(1);
  const mirrorReach = new Float32Array(vertexCount);
  const broad = broadColour(texture, Math.max(2, Math.round(0.05 * faceWidth)));
  const at = (x: number, y: number, ch: number) => {
    const xi = Math.min(size - 1, Math.max(0, Math.round(x - 0.5))), yi = Math.min(size - 1, Math.max(0, Math.round(y - 0.5)));
    return broad[(yi * size + xi) * 3 + ch]!;
  };
  // The face's own colour: the median broad colour over the face vertices the photo saw squarely
  // (the skin; a mean would be pulled toward brows, moustache and hairline).
  const face = [0, 1, 2].map((ch) => {
    const values: number[] = [];
    for (let v = 0; v < Math.min(MESH_POINT_COUNT, vertexCount); v++) if (facing(v) > 0.5) values.push(at(uv[v * 2]!, uv[v * 2 + 1]!, ch));
    values.sort((a, b) => a - b);
    return values.length ? values[values.length >> 1]! : 128;
  });
  // How unlike two materials are, lighting aside: chromaticity apart by 0.05 or brightness by a
  // factor e^0.9 (~2.5) scores 1. The lit and the shaded cheek score ~0.5, skin and dark hair ~1.2,
  // skin and a blue turban ~3.
  const differ = (a: number[], b: number[]) => {
    const sa = a[0]! + a[1]! + a[2]! + 12, sb = b[0]! + b[1]! + b[2]! + 12;
    const chroma = Math.hypot((a[0]! + 4) / sa - (b[0]! + 4) / sb, (a[1]! + 4) / sa - (b[1]! + 4) / sb);
    const la = 0.3 * a[0]! + 0.59 * a[1]! + 0.11 * a[2]!, lb = 0.3 * b[0]! + 0.59 * b[1]! + 0.11 * b[2]!;
    return Math.max(chroma / 0.05, Math.abs(Math.log((la + 4) / (lb + 4))) / 0.9);
  };
  const colourAt = (x: number, y: number) => [0, 1, 2].map((ch) => at(x, y, ch));
  const unlit: number[] = [];
  const sum = [0, 0, 0];
  let count = 0;
  for (let v = 0; v < vertexCount; v++) {
    const m = mirrorOf[v]!;
    mirrorFacing[v] = facing(v);
    if (m < 0 || m === v || reach[v]! <= 0) continue;
    uvMirror[v * 2] = uv[m * 2]!; uvMirror[v * 2 + 1] = uv[m * 2 + 1]!;
    mirrorFacing[v] = facing(m);
    const own = colourAt(uv[v * 2]!, uv[v * 2 + 1]!), other = colourAt(uv[m * 2]!, uv[m * 2 + 1]!);
    // A partner of another material is no stand-in: it must look like the vertex itself (hair the
    // photo saw at a temple stays hair) or, where the photo saw the face at a grazing angle and the
    // partner far more squarely (the vertex's colour is then a smear of whatever lies there: a
    // sideburn squeezed over the far cheek), like the face's skin (a turban or hair over the near
    // temple is not copied onto the far one).
    const trusted = facing(v) > 0.35 || facing(m) < facing(v) + 0.3;
    mirrorReach[v] = reach[v]! * (1 - smoothstep(0.8, 1.2, differ(other, trusted ? own : face)));
    // nor a partner in shadow so much darker than this side that the gain cannot relight it (lp_s10,
    // lit from the left: the near cheek's shadow, lum 70-100, copied onto the lit far edge, ~210, at a
    // gain of 1.2: a dark band 6-8 px wide along the far cheek at +25). Not the other way: lit skin on
    // a shaded far cheek (lp_s12) reads better than its own stretched stubble and shade.
    mirrorReach[v]! *= 1 - smoothstep(Math.log(DARK_PARTNER[0]), Math.log(DARK_PARTNER[1]), Math.log(luminanceRatio(own, other)));
    // The relighting comes from this vertex's own colour only where that shows this side's skin
    // (seen by the photo, and skin-coloured); elsewhere (hidden, edge-on, covered by a smeared
    // sideburn) the far side's mean relighting is used.
    if (facing(v) <= 0.02 || differ(own, face) > 0.8) { unlit.push(v); continue; }
    for (let ch = 0; ch < 3; ch++) mirrorGain[v * 3 + ch] = Math.min(GAIN_LIMIT[1], Math.max(GAIN_LIMIT[0], (own[ch]! + 4) / (other[ch]! + 4)));
    // (the far side's mean: where the partner was seen better than the vertex itself)
    if (facing(m) > facing(v) + 0.1) { for (let ch = 0; ch < 3; ch++) sum[ch]! += mirrorGain[v * 3 + ch]!; count++; }
  }
  for (const v of unlit) for (let ch = 0; ch < 3; ch++) mirrorGain[v * 3 + ch] = count ? sum[ch]! / count : 1;
  // soft seams: neighbours' values averaged over the mesh, so the share does not jump from one
  // vertex to the next where visibility or material changes (a hidden vertex beside a seen one)
  const neighbours = adjacency(vertexCount, triangleGroups);
  for (const [values, stride] of [[photoFacing, 1], [mirrorFacing, 1], [mirrorReach, 1]] as const) smoothOverMesh(values, stride, neighbours, 3);
  // the gain once only: three passes spread the lit nose's and mid-cheek's gains over a shaded far jaw (lp_s12 +25: its
  // relit partner ~10 levels over the photo's own there; s52 farcheek52), and it is interpolated over each triangle anyway
  smoothOverMesh(mirrorGain, 3, neighbours, 1);
  return { uvMirror, normal, photoFacing, mirrorFacing, mirrorGain, mirrorReach };
}

/**
 * The relighting gain's range (per channel); the broad brightness ratio of a vertex over its darker partner where the mirror starts to fade, and where it is off (from 1.6 on, it also took away the mirror's cure for stretched texels on lp_s10: test/mirror.test.ts).
 * The floor reaches a shaded far side (s52 farcheek52): lp_s12's far cheek by the jaw is 55-85 broad luma beside a lit near cheek
 * of ~200; at a floor of 0.6 the partner was drawn at ~120 over the shadow (+25: the cheek 8 levels paler than the photo's same
 * triangles, test/farCheekLight.test.ts). 0.3 relights a partner up to ~3.3x brighter, as DARK_PARTNER lets a darker one go.
 */
export const GAIN_LIMIT = [0.3, 1.6] as const;
export const DARK_PARTNER = [2, 3.5] as const;

/** Luminance of broad colour `a` over that of `b` (both offset by 4: dark pairs do not explode). */
export function luminanceRatio(a: number[], b: number[]): number {
  return (luminance(a[0]!, a[1]!, a[2]!) + 4) / (luminance(b[0]!, b[1]!, b[2]!) + 4);
}

/** Vertex neighbour lists of the triangle groups. */
function adjacency(vertexCount: number, groups: ArrayLike<number>[]): number[][] {
  const out: number[][] = Array.from({ length: vertexCount }, () => []);
  for (const triangles of groups) {
    for (let t = 0; t < triangles.length; t += 3) {
      const a = triangles[t]!, b = triangles[t + 1]!, c = triangles[t + 2]!;
      out[a]!.push(b, c); out[b]!.push(a, c); out[c]!.push(a, b);
    }
  }
  return out;
}

/** In place: each vertex's value(s) become the mean of itself (counted twice) and its neighbours, `passes` times. */
function smoothOverMesh(values: Float32Array, stride: number, neighbours: number[][], passes: number): void {
  for (let pass = 0; pass < passes; pass++) {
    const prev = Float32Array.from(values);
    for (let v = 0; v < neighbours.length; v++) {
      const list = neighbours[v]!;
      if (list.length === 0) continue;
      for (let k = 0; k < stride; k++) {
        let acc = 2 * prev[v * stride + k]!;
        for (const u of list) acc += prev[u * stride + k]!;
        values[v * stride + k] = acc / (2 + list.length);
      }
    }
  }
}

/** Un-premultiplied colour blurred over the opaque person (alpha-weighted box blur, two passes). */
function broadColour(img: RgbaImage, r: number): Float32Array {
  const { width: w, height: h, data } = img;
  const n = w * h;
  const planes = [new Float32Array(n), new Float32Array(n), new Float32Array(n), new Float32Array(n)];
  for (let i = 0; i < n; i++) {
    // premultiplied colour summed with alpha as the weight: the blur of rgb / blur of alpha is the
    // alpha-weighted mean colour (background pixels do not darken it)
    for (let ch = 0; ch < 3; ch++) planes[ch]![i] = data[i * 4 + ch]!;
    planes[3]![i] = data[i * 4 + 3]!;
  }
  const blurred = planes.map((p) => boxBlur(boxBlur(p, w, h, r), w, h, r));
  const out = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    const a = blurred[3]![i]!;
    for (let ch = 0; ch < 3; ch++) out[i * 3 + ch] = a > 1 ? (255 * blurred[ch]![i]!) / a : 0;
  }
  return out;
}

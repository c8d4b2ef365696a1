// The back of the head. The photo sees the head only up to its outline (the equator of a round
// head): nothing behind it exists in the mesh, so on a turn the side coming into view ended at the
// outline turned inward (the equator's x times cos yaw) and the head looked cut flat behind the ear,
// a card. Here a band leaves the outline straight backward (same image position, deeper): at the
// photo's pose it has no area (the rest frame is unchanged); turned, the side coming into view
// swings it out beside the ear and hair as the head's back, while on the side turning away it
// swings behind the head. The renderer draws it under everything else (MATERIAL.backOfHead): it
// shows only where the head leaves the view open, also through the outline's soft rim. Its texture is the hair just inside the outline, mirrored
// about the band's middle, so both of its edges are the matte's own soft outline (no hard cut and
// no stretched edge pixels).
import type { GrayImage } from '../types.ts';
import { MATERIAL } from './types.ts';
import type { HeadShape } from './shape.ts';
import type { MeshBuilder } from './mesh.ts';
import { matteRunLength } from './hairShell.ts';
import { smoothstep, smoothAround } from '../math/smooth.ts';

/**
 * Depth of the band behind an outline point, per pixel of its distance from the head's vertical
 * axis: a round head's cross-section of radius r keeps its outline under a yaw θ if the band is
 * r·tan(θ/2) deep (0.22 r at 25°); a head is longer than wide, so a little more. At the crown (r
 * near 0) the band vanishes: a yaw does not widen the top of the head.
 */
export const BACK_DEPTH = 0.35;

/** One sheet direction's outline point: where, how deep the sheet is there, and the band's share (0 = none). */
export interface OutlinePoint {
  x: number;
  y: number;
  z: number;
  /** unit direction of the ray (outward) */
  dx: number;
  dy: number;
  weight: number;
  /** how far out from (x, y) the matte's soft fringe (hair tips) ends (px) */
  fringe: number;
}

/** Distance from (x, y) along the ray to where the matte falls below 0.05 (INSET + FADE to INSET + MAX_FRINGE px). */
function fringeEnd(matte: GrayImage, x: number, y: number, dx: number, dy: number): number {
  const size = matte.width;
  let d = INSET + FADE;
  for (; d < INSET + MAX_FRINGE; d++) {
    const xi = Math.round(x + dx * d), yi = Math.round(y + dy * d);
    if (xi < 0 || yi < 0 || xi >= size || yi >= size || matte.data[yi * size + xi]! < 0.05) break;
  }
  return d;
}

/**
 * Per sheet direction (rays from the face outline's points away from `centre`), where the person
 * matte ends, and how much back band it gets: full above the ears, fading out down to the ear line (an
 * ear moved out would look bigger; below, the neck and shoulders have their own surfaces); none where the ray leaves the crop before the
 * matte ends (hair cut by the photo's edge: its outline is unknown), nor where the outline is
 * skin (`skinLike`: an ear), nor where the strip it copies lies on the face (`onFace`: the face
 * mesh's photo footprint). `depthAt` is the head sheet's depth at a distance along the ray.
 */
export function outlinePoints(ovalPos: [number, number, number][], centre: [number, number], head: HeadShape, matte: GrayImage, depthAt: (j: number, d: number) => number, skinLike: (x: number, y: number) => boolean = () => false, onFace: (x: number, y: number) => boolean = () => false): OutlinePoint[] {
  const size = matte.width;
  const gap = Math.max(2, Math.round(0.015 * head.faceWidth));
  const rays = ovalPos.map(([ox, oy]) => {
    let dx = ox - centre[0], dy = oy - centre[1];
    const len = Math.hypot(dx, dy) || 1;
    dx /= len; dy /= len;
    const limit = Math.ceil(head.silhouetteDistance(ox, oy, dx, dy) + 0.6 * head.faceWidth);
    return { ox, oy, dx, dy, limit, d: matteRunLength(matte, ox, oy, dx, dy, limit, gap) };
  });
  // the outline smoothed over neighbouring rays, never past the matte's own: a ragged outline
  // would make ragged ribbons
  const smooth = smoothAround(rays.map((r) => r.d), 3);
  const raw = rays.map(({ ox, oy, dx, dy, limit, d: dRaw }, j) => {
    // started INSET px inside the outline (drawn under the head, the part inside never shows): its
    // start must not leave a sliver of the rim uncovered where the outline bulges between rays
    const d = Math.max(0, Math.min(smooth[j]!, dRaw) - INSET);
    const x = ox + dx * d, y = oy + dy * d;
    const inside = x >= 2 && y >= 2 && x <= size - 3 && y <= size - 3 && dRaw < limit;
    // hair only: where the outline is skin (an ear's rim) the band would copy the ear outward and
    // draw it bigger
    const hair = !skinLike(ox + dx * (dRaw - 3), oy + dy * (dRaw - 3));
    // nor the face: where the outline is the face's own edge (a turned face's far eye and cheek
    // against the background, lp_s10) the band copied the eye's corner and lashes out beside it
    const notFace = 1 - smoothstep(FACE_STRIP[0], FACE_STRIP[1], stripOnFace(x, y, dx, dy, bandSpan(x, head.cx), onFace));
    const weight = inside && hair ? notFace * (1 - smoothstep(head.earY - 0.25 * head.faceH, head.earY, oy)) : 0;
    return { x, y, z: depthAt(j, d), dx, dy, weight, fringe: fringeEnd(matte, x, y, dx, dy) };
  });
  // taper the band's ends over neighbouring directions (an abrupt end would fold into a step)
  const w = smoothAround(raw.map((p) => p.weight), 2);
  return raw.map((p, j) => ({ ...p, weight: Math.min(p.weight, w[j]!) }));
}

/** How far inside the outline the band starts, and how far past it its texture ends at least and
 *  at most (px: out to the matte's soft fringe, spiky hair tips included, so the band's own
 *  geometric edge is transparent, not a smooth cut). */
const INSET = 8, FADE = 3, MAX_FRINGE = 14;

const SIN25 = Math.sin((25 * Math.PI) / 180);

/** The band's texture span (px inward from its start) at an outline point x, for the head's axis at cx (addBackShell's, at full weight). */
export function bandSpan(x: number, cx: number): number {
  return BACK_DEPTH * Math.abs(x - cx) * SIN25 + INSET;
}

/** Share of the strip the band copies (span px inward from (x, y) against the ray (dx, dy)) that lies on the face. */
export function stripOnFace(x: number, y: number, dx: number, dy: number, span: number, onFace: (x: number, y: number) => boolean): number {
  let on = 0, n = 0;
  for (let q = 0; q <= span; q += 1, n++) if (onFace(x - dx * q, y - dy * q)) on++;
  return n ? on / n : 0;
}

/** The band fades out as this share of its copied strip lies on the face (from, to). */
const FACE_STRIP = [0.15, 0.4] as const;

/** The band's rings, as shares of its depth. */
const RING_DEPTHS = [0, 1 / 3, 2 / 3, 1];

/**
 * Adds the back band behind the outline points: rings at RING_DEPTHS of its depth (BACK_DEPTH,
 * times the point's weight) behind the sheet.
 */
export function addBackShell(mesh: MeshBuilder, points: OutlinePoint[], head: HeadShape): void {
  const D = points.length;
  const rings: number[][] = RING_DEPTHS.map(() => []);
  // A yaw swings the band sideways: its texture is the strip of hair inside the outline moved out
  // along the ray, at the scale it shows at 25° (a few edge pixels stretched over it drew it as
  // horizontal streaks); its outer edge is the outline's own soft edge
  for (const p of points) {
    // (plus what starting INSET px inside the outline takes back at 25°)
    const depth = (BACK_DEPTH * Math.abs(p.x - head.cx) + INSET / SIN25) * p.weight;
    const span = depth * SIN25;
    const h = head.headWeightAt(p.y);
    RING_DEPTHS.forEach((t, k) => {
      const shift = t * (span + p.fringe) - span;
      rings[k]!.push(mesh.addVertex(p.x, p.y, p.z + t * depth, p.x + p.dx * shift, p.y + p.dy * shift, h, [], []));
    });
  }
  for (let j = 0; j < D; j++) {
    const j1 = (j + 1) % D;
    if (!(points[j]!.weight > 0.01 || points[j1]!.weight > 0.01)) continue;
    for (let k = 0; k + 1 < RING_DEPTHS.length; k++) {
      const a = rings[k]!, b = rings[k + 1]!;
      mesh.addTriangle(a[j]!, b[j]!, b[j1]!, MATERIAL.backOfHead);
      mesh.addTriangle(a[j]!, b[j1]!, a[j1]!, MATERIAL.backOfHead);
    }
  }
}

// The hair's volume around the head. The head sheet recedes from the face outline to the equator
// depth along each ray (headSheet.ts); where it gets there decides what turns with the face. The skull's
// ellipse alone puts that point just past the face's sides, so hair further out (the volume of
// bushy or long hair above the ears) was a flat card at the equator depth: on a turn the face slid
// over it. Here the point is moved out to the hair's own outline in the matte (a shell over the
// skull). Above the ears all of the matte counts; below them, down to the chin, only hair (the
// matte before the first skin: long hair hanging beside the cheeks keeps the cheek's depth, so on a
// turn away the face's outline does not cut it off along its straight segments; ears and the neck
// stop the run).
import type { GrayImage } from '../types.ts';
import type { HeadShape } from './shape.ts';
import { smoothstep, smoothAround } from '../math/smooth.ts';

/**
 * Distance along a ray from (x, y) to where the person matte ends: the last pixel of the matte
 * (>= 0.5) before a gap of at least `gap` pixels of background, or where the ray leaves the image.
 * Up to `limit` pixels.
 */
export function matteRunLength(matte: GrayImage, x: number, y: number, dx: number, dy: number, limit: number, gap: number): number {
  const size = matte.width;
  let last = 0, out = 0;
  for (let d = 1; d <= limit; d++) {
    const xi = Math.round(x + dx * d), yi = Math.round(y + dy * d);
    if (xi < 0 || yi < 0 || xi >= size || yi >= size) return d - 1;
    if (matte.data[yi * size + xi]! >= 0.5) { last = d; out = 0; } else if (++out >= gap) break;
  }
  return last;
}

/**
 * matteRunLength counting hair only: the run also ends at `gap` pixels of skin (`skinLike`), e.g.
 * an ear or the neck beside a jaw, and below `maxY` (a collar or suit is not hair); skin within
 * the first 4 gaps is the cheek's own rim past the outline landmark and is skipped.
 */
export function hairRunLength(matte: GrayImage, skinLike: (x: number, y: number) => boolean, x: number, y: number, dx: number, dy: number, limit: number, gap: number, maxY = Infinity): number {
  const size = matte.width;
  let last = 0, out = 0, skin = 0;
  for (let d = 1; d <= limit; d++) {
    const xi = Math.round(x + dx * d), yi = Math.round(y + dy * d);
    if (xi < 0 || yi < 0 || xi >= size || yi >= size || yi > maxY) return Math.min(last, d - 1);
    if (matte.data[yi * size + xi]! < 0.5) { if (++out >= gap) break; continue; }
    out = 0;
    if (skinLike(xi, yi)) { if (++skin >= gap && d > 4 * gap) break; continue; }
    skin = 0;
    last = d;
  }
  return last;
}

/**
 * Per sheet direction (rays from the face outline's points `ovalPos` away from `centre`), the
 * distance along the ray at which the head sheet reaches the equator depth: the skull ellipse's,
 * or above the ears the hair's outline in the matte if that lies further out (by at most half a
 * face width: a ray along a long strand must not stretch the shell down to the shoulders). Smoothed
 * over neighbouring directions, so the depth has no steps from ray to ray.
 */
export function hairShellReach(ovalPos: [number, number, number][], centre: [number, number], head: HeadShape, matte: GrayImage, skinLike?: (x: number, y: number) => boolean): number[] {
  const gap = Math.max(2, Math.round(0.015 * head.faceWidth));
  const reach = ovalPos.map(([ox, oy]) => {
    let dx = ox - centre[0], dy = oy - centre[1];
    const len = Math.hypot(dx, dy) || 1;
    dx /= len; dy /= len;
    const skull = Math.max(1, head.silhouetteDistance(ox, oy, dx, dy));
    const limit = Math.ceil(skull + 0.5 * head.faceWidth);
    const above = 1 - smoothstep(head.earY - 0.05 * head.faceH, head.earY + 0.2 * head.faceH, oy);
    // hair hanging beside the cheeks, down to the chin (not below: there the rays reach the shoulders)
    const beside = skinLike ? 1 - smoothstep(head.chinY - 0.15 * head.faceH, head.chinY, oy) : 0;
    const hair = above > 0 ? matteRunLength(matte, ox, oy, dx, dy, limit, gap) : 0;
    // (not below the chin's level minus a little: rays from the jaw run down into collars and suits)
    const hanging = beside > 0 ? hairRunLength(matte, skinLike!, ox, oy, dx, dy, limit, gap, head.chinY - 0.1 * head.faceH) : 0;
    return skull + Math.max(above * Math.max(0, hair - skull), beside * Math.max(0, hanging - skull));
  });
  return smoothAround(reach, 2);
}

// Walls in the head sheet (issue #15, session 19): sheet vertices over the photo's opaque person just
// outside the face oval that lie far behind the oval in depth for their image distance from it. A
// surface seen in the photo recedes about as much as it spreads sideways (a round edge); a sheet
// stepping back 30 px within 2 px holds a photo pixel or two that a turn toward it shows face-on: lp_s10's
// torn chin lobe at +12/+25 (its far chin's skin 5-8 px past the oval sat on such a wall). Used by
// bench/sheetWalls.ts and test/sheetWall.test.ts.
import type { Avatar } from '../avatar/types.ts';
import type { GrayImage } from '../types.ts';
import { MATERIAL } from '../avatar/types.ts';
import { FACE_OVAL, LANDMARK_COUNT } from '../rig/topology.ts';

/** Depth behind the nearest oval landmark per px of image distance from it above which a vertex is on a wall. */
export const WALL_SLOPE = 4;
/** Vertices this close to the oval (px, image distance) are looked at; nearer than NEAR they sit on it. */
const REACH = 12, NEAR = 1;
/** The matte from which a point is the person (not its soft outline). */
const PERSON = 0.9;

export interface SheetWall {
  /** head-sheet vertices on a wall */
  count: number;
  /** the steepest depth per px of image distance found, and where (rest x, y) */
  steepest: number;
  at: [number, number];
}

/** Even-odd test of a point against a closed polygon. */
function insidePolygon(poly: [number, number][], x: number, y: number): boolean {
  let c = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!, [xj, yj] = poly[j]!;
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

/** The head sheet's walls over the photo's person (matte) near the face oval, at rest. `keep(x, y)` limits where (default everywhere). */
export function sheetWalls(avatar: Avatar, matte: GrayImage, keep: (x: number, y: number) => boolean = () => true): SheetWall {
  const R = avatar.rest;
  const oval = FACE_OVAL.map((i) => [R[i * 3]!, R[i * 3 + 1]!, R[i * 3 + 2]!] as const);
  const poly = oval.map(([x, y]) => [x, y] as [number, number]);
  // vertices of skin triangles moving with the head (the sheet, not the neck, eyes or mouth)
  const onSkin = new Uint8Array(avatar.vertexCount);
  for (let t = 0; t < avatar.material.length; t++) if (avatar.material[t] === MATERIAL.skin) for (let k = 0; k < 3; k++) onSkin[avatar.triangles[t * 3 + k]!] = 1;
  const out: SheetWall = { count: 0, steepest: 0, at: [0, 0] };
  for (let v = LANDMARK_COUNT; v < avatar.vertexCount; v++) {
    if (!onSkin[v] || avatar.headWeight[v]! < 0.999) continue;
    const x = R[v * 3]!, y = R[v * 3 + 1]!, z = R[v * 3 + 2]!;
    const xi = Math.min(matte.width - 1, Math.max(0, Math.round(x))), yi = Math.min(matte.height - 1, Math.max(0, Math.round(y)));
    if (!keep(x, y) || matte.data[yi * matte.width + xi]! < PERSON || insidePolygon(poly, x, y)) continue;
    let best = Infinity, oz = 0;
    for (const [ox, oy, ozz] of oval) { const d = Math.hypot(x - ox, y - oy); if (d < best) { best = d; oz = ozz; } }
    if (best > REACH || best < NEAR) continue;
    const slope = (z - oz) / best;
    if (slope > WALL_SLOPE) out.count++;
    if (slope > out.steepest) { out.steepest = slope; out.at = [x, y]; }
  }
  return out;
}

// How much a turn stretches the texture of the face triangles it reveals: per triangle of one side
// (avatar.revealDir), its screen area over the area it samples in a set of texture positions. A
// sliver of the photo drawn wide is a smear (the nose's sidewall, avatar/noseReveal.ts). Used by
// bench/noseSidewall.ts and test/edges-turn.test.ts.
import type { Avatar } from '../avatar/types.ts';
import { faceTopology } from '../rig/topology.ts';

type Point = (i: number) => readonly [number, number];

/** A texture area at least this (texture px^2) in the stretch's denominator: a degenerate sample is not infinite stretch. */
const MIN_TEXTURE_AREA = 0.25;

function triangleArea(p: Point, a: number, b: number, c: number): number {
  const [ax, ay] = p(a), [bx, by] = p(b), [cx, cy] = p(c);
  return Math.abs((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)) / 2;
}

/**
 * Per face triangle whose three points all reveal toward `side` (-1 image-left, 1 image-right) and
 * cover at least `minArea` screen px^2: its screen area and its stretch against each texture
 * position set in `uvSets` (screen area over texture area).
 */
export function revealedStretches(avatar: Avatar, screen: Point, side: -1 | 1, minArea: number, uvSets: Float32Array[]): { area: number; stretch: number[] }[] {
  const tris = faceTopology().triangles;
  const texture = (t: Float32Array): Point => (i) => [t[i * 2]!, t[i * 2 + 1]!];
  const out: { area: number; stretch: number[] }[] = [];
  for (let k = 0; k < tris.length; k += 3) {
    const a = tris[k]!, b = tris[k + 1]!, c = tris[k + 2]!;
    if (![a, b, c].every((i) => avatar.revealDir[i * 2] === side)) continue;
    const area = triangleArea(screen, a, b, c);
    if (area < minArea) continue;
    out.push({ area, stretch: uvSets.map((t) => area / Math.max(MIN_TEXTURE_AREA, triangleArea(texture(t), a, b, c))) });
  }
  return out;
}

// The side of the jaw a turn shows where the photo has only backdrop beside it (issue #15, session 33).
// mt_man's jaw meets the white wall from the ear lobe down: past the oval the photo is clear, so the
// head sheet has no triangles there, and a turn toward that side (-25) leaves the face mesh's straight
// outline against the plate with the ear floating beside it: a hard vertical cut. A real head shows the
// jaw's side going back to the ear there. So on such rays the sheet keeps its first rings' triangles
// (clear at the photo's pose: transparent fragments draw nothing, render/raster.ts) and, on turns toward
// that side (render/rimClear.ts, as the thin far rim goes clear: nothing below RIM_CLEAR_FROM degrees),
// they take the jaw's last skin as their texture, fading to the outline's ramp at their outer end: a
// soft jaw side instead of the cut.
import type { GrayImage } from '../types.ts';
import { MATERIAL } from './types.ts';
import type { MeshBuilder } from './mesh.ts';
import { smoothstep } from '../math/smooth.ts';

/** The matte at or below this is backdrop (as rimClearOnTurn.ts's CLEAR). */
const CLEAR = 0.01;
/** A ray counts when its matte goes clear within this many face widths past the oval (the backdrop touches the outline). */
const TOUCH = 0.03;
/** How far past the oval (face widths) the jaw's side is drawn on a full turn. */
export const SIDE_REACH = 0.06;
/** How far inside the outline's first clear pixel (face widths) the side's skin starts: past the outline's own line and a lit rim (mt_man's is 0.07-0.08 wide; 3 px drew the stubbled outline stretched, a grey smudge). */
const SKIN_INSET = 0.1;
/** Share of the reach where the side starts to fade toward the outline's ramp. */
const FADE_FROM = 0.7;
/** The side recedes this many px per px past the oval. */
const WALL_SLOPE = 1.5;
/** A ray this lateral (|x| of its unit direction) is beside the jaw, not under the chin. */
const LATERAL = 0.55;

/** Distance (px) along the ray from (x, y) in direction (ux, uy) to the first clear matte pixel, or null past `reach`. */
export function firstClear(matte: GrayImage, x: number, y: number, ux: number, uy: number, reach: number): number | null {
  const size = matte.width;
  for (let c = 0; c <= reach; c += 0.25) {
    const px = Math.min(size - 1, Math.max(0, Math.round(x + ux * c))), py = Math.min(size - 1, Math.max(0, Math.round(y + uy * c)));
    if (matte.data[py * size + px]! <= CLEAR) return c;
  }
  return null;
}

/**
 * The texture point (px past the oval along its ray) for a side vertex `d` px past the oval, when the
 * ray's matte goes clear `clearAt` px past it, the side reaches `reach` px and the skin starts `inset` px
 * inside the clear point: the jaw's skin mirrored about that point (its own grain, not one texel
 * stretched), moving out onto the outline's ramp (clear at the end) from FADE_FROM of the reach.
 */
export function sideTextureOffset(d: number, clearAt: number, reach: number, inset: number): number {
  const fade = smoothstep(FADE_FROM, 1, d / reach);
  const mirrored = clearAt - inset - d;
  return mirrored + fade * (clearAt - mirrored);
}

/**
 * On rays of the sheet (`rings`: ring 0 on the oval, then per ray) beside the jaw (lateral, between
 * `fromY` and the chin `toY`, crop px) whose matte goes clear within TOUCH of the oval, on a side that is not
 * a photo-turned face's far side (`farSide`: rimClearOnTurn.ts handles that rim), the rings within SIDE_REACH
 * get their triangles (if the matte dropped them) and a texture point for turns toward their side, into
 * `out` (vertex -> [u, v, side]). Vertices already given a turn texture (`taken`) are left alone.
 */
export function jawSideOnTurns(mesh: MeshBuilder, rings: number[][], ovalPos: [number, number, number][], centre: [number, number], matte: GrayImage, faceWidth: number, fromY: number, toY: number, farSide: number, taken: Map<number, unknown>[], out: Map<number, [number, number, number]>): void {
  const reach = SIDE_REACH * faceWidth;
  const D = ovalPos.length;
  // first the rays beside the jaw (with where their matte goes clear), then their rings: only a ray with
  // a neighbour beside the jaw gets new triangles, and only those take the side's texture (a lone ray's
  // vertices belong to the photo's own triangles: re-textured, they drew pale streaks under st_art_1's ear)
  const clearAlong: (number | null)[] = new Array(D).fill(null);
  for (let j = 0; j < D; j++) {
    const [ox, oy] = ovalPos[j]!;
    if (oy < fromY || oy > toY) continue;
    const [ux, uy] = rayDirection(ovalPos[j]!, centre);
    if (Math.abs(ux) < LATERAL || Math.sign(ux) === farSide) continue;
    clearAlong[j] = firstClear(matte, ox, oy, ux, uy, TOUCH * faceWidth);
  }
  const onSide = clearAlong.map((c, j) => c !== null && (clearAlong[(j + D - 1) % D] !== null || clearAlong[(j + 1) % D] !== null));
  for (let j = 0; j < D; j++) {
    if (!onSide[j]) continue;
    const [ox, oy, oz] = ovalPos[j]!;
    const [ux, uy] = rayDirection(ovalPos[j]!, centre);
    for (let r = 1; r < rings.length; r++) {
      const v = rings[r]![j]!;
      const d = mesh.ovalDistance[v]!;
      if (!(d > 0) || d > reach) break;
      if (taken.some((m) => m.has(v))) continue;
      const k = sideTextureOffset(d, clearAlong[j]!, reach, SKIN_INSET * faceWidth);
      out.set(v, [ox + ux * k, oy + uy * k, Math.sign(ux)]);
      // a wall going back from the jaw, not a ledge at its depth (the photo's pose projects the same)
      mesh.positions[v * 3 + 2] = Math.max(mesh.positions[v * 3 + 2]!, oz + WALL_SLOPE * d);
    }
  }
  addSideTriangles(mesh, rings, onSide, reach);
}

/** The unit direction of the sheet's ray through an oval point, from the oval's centre. */
function rayDirection([x, y]: [number, number, number], [cx, cy]: [number, number]): [number, number] {
  const len = Math.hypot(x - cx, y - cy) || 1;
  return [(x - cx) / len, (y - cy) / len];
}

/** The sheet's quads between rays both beside the jaw, out to `reach`, that the matte test left out. */
function addSideTriangles(mesh: MeshBuilder, rings: number[][], onSide: boolean[], reach: number): void {
  const have = new Set<string>();
  const key = (a: number, b: number, c: number) => [a, b, c].sort((p, q) => p - q).join(',');
  for (let t = 0; t < mesh.triangles.length; t += 3) have.add(key(mesh.triangles[t]!, mesh.triangles[t + 1]!, mesh.triangles[t + 2]!));
  const D = onSide.length;
  for (let r = 0; r + 1 < rings.length; r++) {
    const inner = rings[r]!, outer = rings[r + 1]!;
    for (let j = 0; j < D; j++) {
      const j1 = (j + 1) % D;
      if (!onSide[j] || !onSide[j1]) continue;
      if (!(mesh.ovalDistance[inner[j]!]! < reach) && r > 0) continue;
      for (const [a, b, c] of [[inner[j]!, outer[j]!, outer[j1]!], [inner[j]!, outer[j1]!, inner[j1]!]] as const) {
        if (!have.has(key(a, b, c))) { mesh.addTriangle(a, b, c, MATERIAL.skin); have.add(key(a, b, c)); }
      }
    }
  }
}

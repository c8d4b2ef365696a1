// The head sheet's texture where the face mesh reaches past its own oval (issue #15, session 15).
// The sheet starts at the face-oval landmarks and its texture is its rest position. On a face turned
// in the photo the far side's oval points (234, 93, 132: toward the ear) lie hidden behind the cheek
// and project a few pixels *inside* the photo's cheek outline, which the cheek points (34, 227, 116,
// 123) make. The sheet's first rings then take their texture from the cheek skin between the oval
// and the outline: pixels the face mesh already shows. At the photo's pose the face covers them; a
// turn toward that side brings the sheet out from behind the face's edge and shows those pixels a
// second time, a pale band outside the painting's dark cheek outline (Mona Lisa at yaw +15..+18).
// Moving those sheet vertices' texture out to the face mesh's edge in the photo makes the sheet
// start where the photo's face ends; their positions are unchanged.
import type { GrayImage } from '../types.ts';
import { smoothstep } from '../math/smooth.ts';
import { keepComponentsTouching } from '../analyze/raster.ts';
import { matteAt } from './matteAt.ts';

/** A test of a photo point (nearest pixel) against a faceFootprint mask; outside the image is off the face. */
export function insideFootprint(footprint: Uint8Array, size: number): (x: number, y: number) => boolean {
  return (x, y) => {
    const xi = Math.round(x), yi = Math.round(y);
    return xi >= 0 && yi >= 0 && xi < size && yi < size && footprint[yi * size + xi] === 1;
  };
}

/** The face mesh's photo footprint as a mask (1 inside any triangle), size x size. */
export function faceFootprint(uvs: ArrayLike<number>, triangles: ArrayLike<number>, size: number): Uint8Array {
  const mask = new Uint8Array(size * size);
  for (let t = 0; t < triangles.length; t += 3) {
    const a = triangles[t]! * 2, b = triangles[t + 1]! * 2, c = triangles[t + 2]! * 2;
    const x0 = uvs[a]!, y0 = uvs[a + 1]!, x1 = uvs[b]!, y1 = uvs[b + 1]!, x2 = uvs[c]!, y2 = uvs[c + 1]!;
    const area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
    if (Math.abs(area) < 1e-9) continue;
    const minX = Math.max(0, Math.floor(Math.min(x0, x1, x2))), maxX = Math.min(size - 1, Math.ceil(Math.max(x0, x1, x2)));
    const minY = Math.max(0, Math.floor(Math.min(y0, y1, y2))), maxY = Math.min(size - 1, Math.ceil(Math.max(y0, y1, y2)));
    for (let y = minY; y <= maxY; y++) for (let x = minX; x <= maxX; x++) {
      const w0 = ((x1 - x) * (y2 - y) - (x2 - x) * (y1 - y)) / area;
      const w1 = ((x2 - x) * (y0 - y) - (x0 - x) * (y2 - y)) / area;
      if (w0 >= 0 && w1 >= 0 && w0 + w1 <= 1) mask[y * size + x] = 1;
    }
  }
  fillHoles(mask, size);
  return mask;
}

/**
 * In place: the mask's holes (0 pixels not connected to the border) set to 1. The face mesh has
 * holes at the eyes and the mouth (their own meshes fill them): a sheet vertex whose texture lay on
 * a turned face's far eye or mouth counted as outside the face and kept it.
 */
export function fillHoles(mask: Uint8Array, size: number): void {
  const empty = mask.map((v) => (v ? 0 : 1));
  const border = new Uint8Array(size * size);
  for (let k = 0; k < size; k++) border[k] = border[(size - 1) * size + k] = border[k * size] = border[k * size + size - 1] = 1;
  const outside = keepComponentsTouching(empty, border, size, size);
  for (let i = 0; i < mask.length; i++) if (!outside[i]) mask[i] = 1;
}

/**
 * How far past the face's edge the matte is read to tell hair from background, in face widths: a
 * jaw's dark shadow rim against the background is foreground for 5-7 px (lp_s12: moving the sheet
 * onto it bared a hard cheek edge at +25), hair goes on much further (lp_s9).
 */
const BEYOND = 0.06;

/**
 * A fold deeper than this (face widths) holds the face's features, not its edge: a face turned 34°
 * in the photo (lp_s10) has its far oval points along the nose and the mouth corner, 0.1-0.25 face
 * widths inside the visible cheek, and the sheet's first rings took the eye, the nose and the mouth
 * as their texture; a turn toward that side showed them beside the face, a second face half. Such a
 * fold is unfolded in full whatever lies past the outline (a partial move leaves a fainter copy).
 * A shallower fold (lp_s9's far cheek: 0.046) is the cheek's last pixels seen a second time: beside
 * the background they read as the cheek's soft shading, and unfolding them there bared the face
 * mesh's polygonal outline (lp_s12 at +25), so it is unfolded only beside hair. The threshold lies
 * between lp_s9's 0.046 and lp_s10's shallowest 0.08. Vertices further than MAX_FOLD inside are
 * left alone (not a fold at the edge).
 */
const DEEP_FOLD = 0.07, MAX_FOLD = 0.45;

/**
 * Past a face's outline against the background, how far (face widths, at most) an unfolded vertex's
 * texture goes on until the matte is clear (at most CLEAR): the soft edge's skin-coloured ramp
 * stretched over the widened band read as a pale bulge. Clear means all but clear: the ramp's last
 * texels (alpha up to 0.05, lit skin) stretched by a +25 turn drew faint pale radial streaks beside
 * lp_s10's far cheek (rendered alpha 5-16 of 255 over the dark background).
 */
const CLEAR_REACH = 0.04, CLEAR = 0.01;

/** How far (px) past the first clear pixel such a texture point goes: the texture is sampled bilinearly (its taps reach 1 px). */
const CLEAR_MARGIN = 1;

/**
 * Moves the texture of sheet vertices (ovalDistance > 0; the oval ring itself and the face mesh keep
 * theirs) that lie inside the face mesh's photo footprint outward from (cx, cy) to just past the
 * footprint's edge: a shallow fold only where the matte there is opaque (hair, not background), a
 * deep one always (then, where the background follows, past the matte's ramp for vertices hidden at
 * rest; `triangles`, the mesh's, tell which vertices show at rest: none without it). Returns how far each
 * moved (px; 0 = unchanged). `uvs` is modified in place. The rest frame changes only where a moved
 * vertex's triangle reaches out past the face's edge: the outline's last pixel (keeping those
 * vertices put left the Mona Lisa's band as it was). `turnUvs` receives, for those vertices of a deep
 * fold beside the background, where their texture goes on turns (clear matte, as their hidden neighbours').
 */
export function unfoldSheetTexture(uvs: number[] | Float32Array, ovalDistance: ArrayLike<number>, footprint: Uint8Array, matte: GrayImage, cx: number, cy: number, faceWidth: number, triangles: ArrayLike<number> = [], turnUvs?: Map<number, [number, number]>): Float32Array {
  const size = matte.width;
  const inside = insideFootprint(footprint, size);
  const alpha = (x: number, y: number) => matteAt(matte, x, y);
  const moved = new Float32Array(ovalDistance.length);
  const showing = showsAtRest(uvs, triangles, ovalDistance.length, inside);
  const limit = MAX_FOLD * faceWidth, step = 0.25;
  // directions (from cx, cy) where a deep fold met the background
  const clearedAngles = new Set<number>();
  for (let v = 0; v < ovalDistance.length; v++) {
    const d = ovalDistance[v]!;
    if (!(d > 0) || !Number.isFinite(d)) continue;
    const x = uvs[v * 2]!, y = uvs[v * 2 + 1]!;
    if (!inside(x, y)) continue;
    const len = Math.hypot(x - cx, y - cy);
    if (len < 1e-6) continue;
    const ux = (x - cx) / len, uy = (y - cy) / len;
    let s = step;
    while (s <= limit && inside(x + ux * s, y + uy * s)) s += step;
    if (s > limit) continue; // deep inside: not a fold at the edge, leave it
    s += 0.5; // just past the edge pixel (on a slanting ray, past the pixel its rounding lands on)
    while (s <= limit && inside(x + ux * s, y + uy * s)) s += step;
    // only where the person goes on past the cheek (hair, a collar), unless the fold is deep
    const beyond = alpha(x + ux * (s + BEYOND * faceWidth), y + uy * (s + BEYOND * faceWidth));
    // the fold's depth: from the ray's oval point (d back along it) to the edge
    const deep = (d + s) / faceWidth > DEEP_FOLD;
    const share = deep ? 1 : smoothstep(0.3, 0.8, beyond);
    if (share <= 0) continue;
    // a deep fold beside the background: vertices hidden at rest go on past the outline's soft
    // ramp, to clear matte; one whose triangles reach past the face at rest stops just past the
    // edge (past the ramp, the rest frame's outline lost its soft ramp: a notched edge, lp_s10)
    if (deep && beyond < 0.3) {
      // (one that shows at rest keeps the edge there, and goes on to clear matte on turns only:
      // stretched by the turn, the ramp's skin read as a pale crescent past a dark crack, lp_s10 +25)
      const end = s + CLEAR_REACH * faceWidth;
      let c = s;
      while (c < end && alpha(x + ux * c, y + uy * c) > CLEAR) c += step;
      if (alpha(x + ux * c, y + uy * c) <= CLEAR) c += CLEAR_MARGIN;
      if (!showing[v]) s = c;
      else turnUvs?.set(v, [x + ux * c, y + uy * c]);
      clearedAngles.add(angleBin(ux, uy));
    }
    const w = share * s;
    uvs[v * 2] = x + ux * w; uvs[v * 2 + 1] = y + uy * w;
    moved[v] = w;
  }
  // past such a fold, the sheet's first rings outside the face lie on the same soft ramp: they go
  // clear on turns too (else a thin pale sliver stays detached beside the cheek)
  if (turnUvs) for (let v = 0; v < ovalDistance.length; v++) {
    const d = ovalDistance[v]!;
    if (!(d > 0) || !Number.isFinite(d) || moved[v] || turnUvs.has(v)) continue;
    const x = uvs[v * 2]!, y = uvs[v * 2 + 1]!, len = Math.hypot(x - cx, y - cy);
    if (len < 1e-6 || alpha(x, y) <= CLEAR) continue;
    const ux = (x - cx) / len, uy = (y - cy) / len;
    if (!clearedAngles.has(angleBin(ux, uy))) continue;
    let c = 0;
    while (c < CLEAR_REACH * faceWidth && alpha(x + ux * c, y + uy * c) > CLEAR) c += step;
    if (alpha(x + ux * c, y + uy * c) <= CLEAR) turnUvs.set(v, [x + ux * (c + CLEAR_MARGIN), y + uy * (c + CLEAR_MARGIN)]);
  }
  return moved;
}

/** A direction's 4° bin (the sheet has 72 rays: 5° apart). */
function angleBin(ux: number, uy: number): number {
  return Math.round((Math.atan2(uy, ux) * 180) / Math.PI / 4);
}

/** Per vertex, 1 where one of its triangles has a corner outside the face footprint (it shows at the photo's pose). */
function showsAtRest(uvs: ArrayLike<number>, triangles: ArrayLike<number>, vertexCount: number, inside: (x: number, y: number) => boolean): Uint8Array {
  const out = new Uint8Array(vertexCount);
  for (let t = 0; t + 2 < triangles.length; t += 3) {
    const c = [triangles[t]!, triangles[t + 1]!, triangles[t + 2]!];
    if (c.every((v) => inside(uvs[v * 2]!, uvs[v * 2 + 1]!))) continue;
    for (const v of c) if (v < vertexCount) out[v] = 1;
  }
  return out;
}

/**
 * Reveal activation of the soft outline's clearing per unit of turn toward its side (revealDir's
 * length; 1 = full at 25°, in proportion to the turn). Switched in by 10° (2.5), lp_s10 at 5° lost
 * the outline's soft ramp before the sheet band had widened: a dark notch in its far cheek. In full
 * at 25° (1), half-cleared at 12° drew a translucent streaky band beside lp_s10's cheek (20 detached
 * rows); full by ~16° (1.6): 0 rows at +12, 1 at +18 (5 before), 9 at +8 (1 before: a fainter band).
 */
export const CLEAR_ON_TURN = 1.6;

/**
 * In place: the sheet vertices of a deep fold beside the background that show at rest keep the
 * outline's soft ramp there (unfoldSheetTexture) and take clear matte (`turnUvs`) on a turn toward
 * their side (turnSide: the side their ray leaves the face on; what the photo hid, its own turn hid), through the reveal's
 * texture switch (reveal.ts, render/deform.ts). Widened by the turn, the ramp read as a pale crescent
 * detached from the cheek by the clear rings inside it (lp_s10 at +25); the face's own outline is
 * then the silhouette. The photo's pose keeps every texture position.
 */
export function revealSheetClear(uvRevealed: Float32Array, revealDir: Float32Array, turnUvs: Map<number, [number, number]>, pos: ArrayLike<number>, noseX: number): void {
  for (const [v, [u, w]] of turnUvs) {
    uvRevealed[v * 2] = u; uvRevealed[v * 2 + 1] = w;
    revealDir[v * 2] = turnSide(pos[v * 3]!, u, noseX) * CLEAR_ON_TURN; revealDir[v * 2 + 1] = 0;
  }
}

/**
 * The side (-1 image-left, +1 image-right) a turn must show for a sheet vertex at x to go clear:
 * the side its clear texture point u lies toward (it lies outward along the vertex's ray from the
 * face's centre), else the vertex's side of the nose. The nose alone misjudged a turned face's far
 * jaw: lp_s10's lies below the nose tip, a pixel right of it, and cleared on the wrong turn (a pale
 * lobe by the chin at +25).
 */
export function turnSide(x: number, u: number, noseX: number): number {
  return Math.abs(u - x) >= 0.5 ? Math.sign(u - x) : Math.sign(x - noseX);
}

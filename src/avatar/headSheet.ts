// The head/torso sheet of the avatar: rings from the face oval out past the crop border (skull, hair,
// ears, neck and torso), a neck seam under the jaw, the back-of-head band and the outline curve. The
// face mesh, mouth fan and eyeballs are in mesh.ts.
import type { GrayImage } from '../types.ts';
import { faceTopology, FACE_OVAL } from '../rig/topology.ts';
import { MATERIAL } from './types.ts';
import type { HeadShape } from './shape.ts';
import type { MeshBuilder } from './mesh.ts';
import { hairShellReach } from './hairShell.ts';
import { addBackShell, outlinePoints } from './backShell.ts';
import { smoothstep, smoothAround } from '../math/smooth.ts';
import { faceFootprint, insideFootprint, unfoldSheetTexture } from './sheetFold.ts';
import { addOutlineCurve } from './outlineCurve.ts';
import { skinRunPastOval, depthOverSkinRun } from './skinPastOval.ts';
import { clearThinRimOnTurns, photoFarSide } from './rimClearOnTurn.ts';
import { jawSideOnTurns } from './jawSideOnTurn.ts';
import { fillClearGaps } from './farBandClear.ts';

export interface SheetOptions {
  /** rings of the head/torso sheet (default 22) */
  rings?: number;
  /** directions of the sheet (default 72) */
  directions?: number;
  /** a jaw the photo shows against backdrop gets a side drawn on turns toward it (jawSideOnTurn.ts; default off: session 33) */
  jawSide?: boolean;
}

/**
 * The head/torso sheet: rings from the face oval out past the crop border. The skull recedes from
 * the face edge to the head silhouette with a round profile; below the chin it blends into the
 * neck/torso. Triangles wholly outside the person matte are dropped.
 */
export function addHeadSheet(mesh: MeshBuilder, flat: Float64Array, head: HeadShape, matte: GrayImage, opts: SheetOptions = {}, skinLike: (x: number, y: number) => boolean = () => true): void {
  const size = matte.width;
  const centre = ovalCentre(flat);
  const { ring0, ovalPos } = addOvalRing(mesh, flat, opts.directions ?? 72);
  const neckShare = neckShares(ovalPos, head, matte, skinLike);
  const sheetRing0 = addNeckSeam(mesh, ring0, ovalPos, neckShare, centre, head);
  const headDepth = headDepthAlongRays(ovalPos, centre, head, matte, skinLike);
  const footprint = faceFootprint(mesh.uvs, faceTopology().triangles, size);
  addBackShell(mesh, outlinePoints(ovalPos, centre, head, matte, headDepth, skinLike, insideFootprint(footprint, size)), head);
  const rings = [sheetRing0, ...addSheetRings(mesh, ovalPos, centre, head, headDepth, neckShare, opts.rings ?? 22, size)];
  addSheetTriangles(mesh, rings, matte);
  rings.forEach((ring, r) => ring.forEach((v, j) => mesh.sheetRing.set(v, [j, r])));
  addOutlineCurve(mesh, flat, centre);
  // where the face mesh reaches past its oval in the photo (a turned face's far cheek), the sheet's
  // hidden rings take their texture from the face's edge, not from under it (sheetFold.ts)
  unfoldSheetTexture(mesh.uvs, mesh.ovalDistance, footprint, matte, centre[0], centre[1], head.faceWidth, mesh.triangles, mesh.sheetTurnUvs);
  // a lone ray there that keeps its soft ramp between two clearing ones goes clear too (farBandClear.ts)
  fillClearGaps(rings, mesh.uvs, matte, centre, head.faceWidth, mesh.sheetTurnUvs);
  // a turned photo's far jaw: its thin rim past the oval goes clear on turns toward it (rimClearOnTurn.ts)
  clearThinRimOnTurns(rings, mesh.positions, mesh.uvs, mesh.ovalDistance, ovalPos, centre, matte, head.faceWidth, flat, mesh.sheetTurnUvs, mesh.rimTurnUvs);
  // a jaw against backdrop: its side drawn on turns toward it (jawSideOnTurn.ts), from the eyes' outer corners down to the chin
  if (opts.jawSide) jawSideOnTurns(mesh, rings, ovalPos, centre, matte, head.faceWidth, (flat[33 * 3 + 1]! + flat[263 * 3 + 1]!) / 2, flat[152 * 3 + 1]!, photoFarSide(flat), [mesh.sheetTurnUvs, mesh.rimTurnUvs], mesh.jawSideUvs);
}

/** The mean of the face oval's landmarks (crop pixels): the sheet's rays start from it. */
function ovalCentre(flat: Float64Array): [number, number] {
  let cx = 0, cy = 0;
  for (const i of FACE_OVAL) { cx += flat[i * 3]!; cy += flat[i * 3 + 1]!; }
  return [cx / FACE_OVAL.length, cy / FACE_OVAL.length];
}

/**
 * The sheet's ring 0: `directions` points along the face oval (its landmarks, and vertices between
 * them that follow the two landmarks), with their positions.
 */
function addOvalRing(mesh: MeshBuilder, flat: Float64Array, directions: number): { ring0: number[]; ovalPos: [number, number, number][] } {
  const perOval = directions / FACE_OVAL.length;
  const ring0: number[] = [];
  const ovalPos: [number, number, number][] = [];
  for (let j = 0; j < directions; j++) {
    const seg = Math.floor(j / perOval), f = (j % perOval) / perOval;
    const i0 = FACE_OVAL[seg]!, i1 = FACE_OVAL[(seg + 1) % FACE_OVAL.length]!;
    if (f === 0) { ring0.push(i0); ovalPos.push([flat[i0 * 3]!, flat[i0 * 3 + 1]!, flat[i0 * 3 + 2]!]); continue; }
    const x = flat[i0 * 3]! * (1 - f) + flat[i1 * 3]! * f;
    const y = flat[i0 * 3 + 1]! * (1 - f) + flat[i1 * 3 + 1]! * f;
    const z = flat[i0 * 3 + 2]! * (1 - f) + flat[i1 * 3 + 2]! * f;
    ring0.push(mesh.addVertex(x, y, z, x, y, 1, [i0, i1], [1 - f, f], 0));
    ovalPos.push([x, y, z]);
  }
  return { ring0, ovalPos };
}

/**
 * Per sheet direction, how much of it belongs to the neck (0..1). Below the ear the neck is its own
 * surface behind the jaw: the sheet there starts from copies of the jaw-line vertices (same place,
 * depth and texture: the rest frame is unchanged) that turn less than the head, plus a strip tucked
 * under the jaw (hidden at rest) that the turned jaw uncovers. Only where the photo shows neck skin
 * below the jaw line: at a jaw wider than the neck the lag would open a gap onto background, and long
 * hair beside the jaw must not lag with the neck.
 */
function neckShares(ovalPos: [number, number, number][], head: HeadShape, matte: GrayImage, skinLike: (x: number, y: number) => boolean): number[] {
  const size = matte.width;
  const neckSkinBelow = (x: number, y: number) => {
    let s = 0;
    for (const k of [0.06, 0.1, 0.14]) {
      const xi = Math.min(size - 1, Math.max(0, Math.round(x))), yi = Math.min(size - 1, Math.max(0, Math.round(y + k * head.faceH)));
      s += skinLike(xi, yi) ? smoothstep(0.3, 0.9, matte.data[yi * size + xi]!) / 3 : 0;
    }
    return s;
  };
  return smoothAround(ovalPos.map(([x, y]) => smoothstep(head.earY + 0.2 * head.faceH, head.earY + 0.4 * head.faceH, y) * neckSkinBelow(x, y)), 2);
}

/**
 * The head's surface along ray j at distance d from the outline: receding from the outline's depth
 * with a round profile to the equator depth at the skull's or the hair's outline (hairShell.ts), then
 * further back, gently (an ear: its rim lies behind its root, so a turn toward it shows it more
 * squarely and a turn away tucks it behind the cheek; capped).
 */
function headDepthAlongRays(ovalPos: [number, number, number][], [cx, cy]: [number, number], head: HeadShape, matte: GrayImage, skinLike: (x: number, y: number) => boolean): (j: number, d: number) => number {
  const size = matte.width;
  const shell = hairShellReach(ovalPos, [cx, cy], head, matte, skinLike);
  // under the jaw only, where the person goes on past the outline (the neck): beside a cheek, or a
  // jaw against the background, a slow recession keeps the sheet past the outline near the face's
  // depth, and a turn toward that side shows it as a pale bulge (lp_s10 at +25)
  const minRecession = ovalPos.map(([x, y]) => {
    let dx = x - cx, dy = y - cy;
    const len = Math.hypot(dx, dy) || 1;
    dx /= len; dy /= len;
    const k = 0.06 * head.faceWidth;
    const xi = Math.min(size - 1, Math.max(0, Math.round(x + dx * k))), yi = Math.min(size - 1, Math.max(0, Math.round(y + dy * k)));
    return MIN_RECESSION * head.faceWidth * smoothstep(head.chinY - 0.3 * head.faceH, head.chinY - 0.15 * head.faceH, y) * smoothstep(0.3, 0.8, matte.data[yi * size + xi]!);
  });
  // where the face's skin goes on past the oval further than the skull's outline, the sheet over it is
  // the face going on (skinPastOval.ts)
  const skinRun = skinRunPastOval(ovalPos, [cx, cy], matte, skinLike, head.faceWidth);
  return (j, d) => {
    const oz = ovalPos[j]![2], dSil = Math.max(shell[j]!, minRecession[j]!);
    const ze = head.equatorZ(ovalPos[j]![0]);
    if (skinRun[j]! > dSil) return depthOverSkinRun(d, skinRun[j]!, oz, ze, BEHIND_OUTLINE_SLOPE, BEHIND_OUTLINE_CAP * head.faceWidth);
    if (d >= dSil) return ze + Math.min(BEHIND_OUTLINE_CAP * head.faceWidth, BEHIND_OUTLINE_SLOPE * (d - dSil));
    return ze - (ze - Math.min(oz, ze)) * Math.cos((d / dSil) * Math.PI / 2);
  };
}

/**
 * Rings 1..`rings` of the sheet: along each direction's ray from the oval out to just past the crop
 * border, closer together near the face; each vertex at the head's depth there blended into the
 * neck's by its head weight. Returns the rings' vertex ids.
 */
function addSheetRings(mesh: MeshBuilder, ovalPos: [number, number, number][], [ocx, ocy]: [number, number], head: HeadShape, headDepth: (j: number, d: number) => number, neckShare: number[], rings: number, size: number): number[][] {
  const D = ovalPos.length, perOval = D / FACE_OVAL.length;
  // the sheet reaches this far past the crop: a torso moved up or sideways by a driver's pose
  // still fills the frame's edge (0.03 left a gap onto the plate at st_happy's shoulder at +25);
  // the band shows the texture mirrored and blurred (render/raster.ts sampleInto), never stretched
  const margin = 0.08 * size;
  const out: number[][] = [];
  for (let r = 1; r <= rings; r++) {
    const t = (r / rings) ** 1.6;
    const ring: number[] = [];
    for (let j = 0; j < D; j++) {
      const [ox, oy, oz] = ovalPos[j]!;
      let dx = ox - ocx, dy = oy - ocy;
      const len = Math.hypot(dx, dy) || 1;
      dx /= len; dy /= len;
      // distance along the ray from the oval point to the (expanded) crop border
      const tx = dx > 1e-6 ? (size + margin - ox) / dx : dx < -1e-6 ? (-margin - ox) / dx : Infinity;
      const ty = dy > 1e-6 ? (size + margin - oy) / dy : dy < -1e-6 ? (-margin - oy) / dy : Infinity;
      const reach = Math.max(0, Math.min(tx, ty));
      const x = ox + dx * reach * t, y = oy + dy * reach * t;
      const h = head.headWeightAt(y);
      const dOval = reach * t;
      const z = h * headDepth(j, dOval) + (1 - h) * head.neckZ(x);
      // follows the expression of the nearby oval (e.g. the chin going down), fading outward
      const fade = Math.exp(-((dOval / (0.3 * head.faceWidth)) ** 2));
      const seg = Math.floor(j / perOval), f = (j % perOval) / perOval;
      const i0 = FACE_OVAL[seg]!, i1 = FACE_OVAL[(seg + 1) % FACE_OVAL.length]!;
      const v = mesh.addVertex(x, y, z, x, y, h, [i0, i1], [(1 - f) * fade, f * fade], dOval);
      // the neck turns less than the head: at most down to 1 - NECK_LAG near the jaw
      mesh.neckLag[v] = Math.max(0, h - (1 - NECK_LAG * neckShare[j]!));
      ring.push(v);
    }
    out.push(ring);
  }
  return out;
}

/** The sheet's triangles between consecutive rings, but those wholly outside the person matte. */
function addSheetTriangles(mesh: MeshBuilder, rings: number[][], matte: GrayImage): void {
  const size = matte.width;
  const alphaAt = (x: number, y: number) => {
    const xi = Math.min(size - 1, Math.max(0, Math.round(x))), yi = Math.min(size - 1, Math.max(0, Math.round(y)));
    return matte.data[yi * size + xi]!;
  };
  const visible = (v0: number, v1: number, v2: number) => triangleMaxAlpha(mesh.positions, v0, v1, v2, alphaAt) > 0.004;
  for (let r = 0; r + 1 < rings.length; r++) {
    const inner = rings[r]!, outer = rings[r + 1]!;
    for (let j = 0; j < inner.length; j++) {
      const j1 = (j + 1) % inner.length;
      // orientation consistent with the face mesh is not needed (no back-face culling)
      if (visible(inner[j]!, outer[j]!, outer[j1]!)) mesh.addTriangle(inner[j]!, outer[j]!, outer[j1]!, MATERIAL.skin);
      if (visible(inner[j]!, outer[j1]!, inner[j1]!)) mesh.addTriangle(inner[j]!, outer[j1]!, inner[j1]!, MATERIAL.skin);
    }
  }
}

/**
 * Under the jaw the sheet takes at least this many face widths along its ray to recede from the
 * outline's depth to the equator's. There the skull's ellipse ends at the outline itself (1 px): the sheet
 * stepped ~0.3 face widths back within one pixel, a wall under the jaw textured by a single row of
 * the photo. A driver's raised chin or turn shows that wall face-on, that row stretched 30-40x: the
 * stripe under the chin on Katie's turned frames (lp_s42 at 1.4 s). Depth only: the photo's pose
 * projects the same.
 */
const MIN_RECESSION = 0.1;

/** Past the skull's or hair's outline the sheet recedes by this much per pixel outward, to at most the cap (face widths). */
const BEHIND_OUTLINE_SLOPE = 1.5, BEHIND_OUTLINE_CAP = 0.2;

/** Share of the head's turn the neck does not follow, just under the jaw (the torso below follows less still). */
export const NECK_LAG = 0.25;

/**
 * The neck's top edge: for each sheet direction with a neck share, a copy of the jaw-line vertex
 * (same position, texture, rig influence and head weight; on a turn it lags by the share) replaces it as the
 * sheet's first ring, so the face's jaw is a free edge in front of the neck. Behind the jaw, a
 * strip reaches up under it (0.12 face heights toward the face centre, 0.12 face widths deeper;
 * drawn only on a turn: at rest its neck texture would show through the jaw's soft matte edge), textured with the shadowed neck just below the jaw line, for the
 * neck a turned jaw uncovers. Returns the sheet's first ring.
 */
function addNeckSeam(mesh: MeshBuilder, ring0: number[], ovalPos: [number, number, number][], neckShare: number[], centre: [number, number], head: HeadShape): number[] {
  const D = ring0.length;
  const first = ring0.slice();
  const under: number[] = new Array(D).fill(-1);
  const ids: number[] = [], ws: number[] = [];
  for (let j = 0; j < D; j++) {
    const share = neckShare[j]!;
    if (share <= 0) continue;
    const v = ring0[j]!;
    const [x, y, z] = ovalPos[j]!;
    ids.length = 0; ws.length = 0;
    for (let q = 0; q < 4; q++) {
      const li = mesh.influence[v * 4 + q]!;
      if (li < 0) break;
      ids.push(li); ws.push(mesh.influenceWeight[v * 4 + q]!);
    }
    // head weight 1 as the jaw's own vertex (the photo's pose renders exactly as before); on a turn
    // it gives up NECK_LAG * share (render/turn.ts)
    first[j] = mesh.addVertex(x, y, z, mesh.uvs[v * 2]!, mesh.uvs[v * 2 + 1]!, 1, ids, ws, 0);
    mesh.neckLag[first[j]!] = NECK_LAG * share;
    let dx = centre[0] - x, dy = centre[1] - y;
    const len = Math.hypot(dx, dy) || 1;
    dx /= len; dy /= len;
    const reach = 0.12 * head.faceH;
    under[j] = mesh.addVertex(x + dx * reach, y + dy * reach, z + 0.12 * head.faceWidth, x, y + 0.25 * reach, 1, ids, ws, 0);
    mesh.neckLag[under[j]!] = NECK_LAG * share;
  }
  for (let j = 0; j < D; j++) {
    const j1 = (j + 1) % D;
    if (under[j]! < 0 && under[j1]! < 0) continue;
    // where the neck begins, the strip closes on the jaw-line vertex itself (no gap at its end)
    const u0 = under[j]! >= 0 ? under[j]! : first[j]!, u1 = under[j1]! >= 0 ? under[j1]! : first[j1]!;
    mesh.addTriangle(u0, first[j]!, first[j1]!, MATERIAL.underJaw);
    if (u1 !== first[j1]) mesh.addTriangle(u0, first[j1]!, u1, MATERIAL.underJaw);
  }
  return first;
}

/** Largest matte value over a triangle (rest position), sampled on its pixel grid. */
function triangleMaxAlpha(pos: number[], v0: number, v1: number, v2: number, alphaAt: (x: number, y: number) => number): number {
  const x0 = pos[v0 * 3]!, y0 = pos[v0 * 3 + 1]!, x1 = pos[v1 * 3]!, y1 = pos[v1 * 3 + 1]!, x2 = pos[v2 * 3]!, y2 = pos[v2 * 3 + 1]!;
  let best = Math.max(alphaAt(x0, y0), alphaAt(x1, y1), alphaAt(x2, y2));
  const area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
  if (Math.abs(area) < 1e-6) return best;
  const minX = Math.floor(Math.min(x0, x1, x2)), maxX = Math.ceil(Math.max(x0, x1, x2));
  const minY = Math.floor(Math.min(y0, y1, y2)), maxY = Math.ceil(Math.max(y0, y1, y2));
  for (let y = minY; y <= maxY; y += 2) {
    for (let x = minX; x <= maxX; x += 2) {
      const w0 = ((x1 - x) * (y2 - y) - (x2 - x) * (y1 - y)) / area;
      const w1 = ((x2 - x) * (y0 - y) - (x0 - x) * (y2 - y)) / area;
      const w2 = 1 - w0 - w1;
      if (w0 < -0.05 || w1 < -0.05 || w2 < -0.05) continue;
      const a = alphaAt(x, y);
      if (a > best) best = a;
    }
  }
  return best;
}

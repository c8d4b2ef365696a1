// The avatar's geometry in crop space: the dense face mesh on the 478 landmarks, a mouth-interior
// fan and two eyeballs in the face mesh's holes. The ring sheet from the face oval out past the crop
// border (skull, hair, ears, neck and torso, skinned head -> torso) is headSheet.ts.
import {
  faceTopology, LANDMARK_COUNT, MOUTH_LOOP, EYE_L_LOOP, EYE_R_LOOP, EYE_L_UPPER, EYE_L_LOWER, EYE_R_UPPER, EYE_R_LOWER,
} from '../rig/topology.ts';
import { MATERIAL } from './types.ts';

/** Growing vertex and triangle lists; each vertex follows up to 4 landmarks (rig influence). */
export class MeshBuilder {
  readonly positions: number[] = [];
  readonly uvs: number[] = [];
  readonly heads: number[] = [];
  /** head weight given up on a turn (the neck under the jaw; set after addVertex) */
  readonly neckLag: number[] = [];
  readonly influence: number[] = [];
  readonly influenceWeight: number[] = [];
  /** distance of sheet vertices from the face oval along their ray (Infinity off the sheet) */
  readonly ovalDistance: number[] = [];
  readonly triangles: number[] = [];
  readonly materials: number[] = [];
  /** sheet vertices' texture positions for turns toward their side, where they differ from the rest's (sheetFold.ts) */
  readonly sheetTurnUvs = new Map<number, [number, number]>();
  /** sheet vertices of a turned photo's far jaw rim: their texture on turns toward it past a few degrees (rimClearOnTurn.ts) */
  readonly rimTurnUvs = new Map<number, [number, number]>();
  /** sheet vertices beside a jaw the photo shows against backdrop: [u, v, side] on turns toward that side (jawSideOnTurn.ts) */
  readonly jawSideUvs = new Map<number, [number, number, number]>();
  /** sheet vertices' [ray, ring] (headSheet.ts; the far band clears outer ring first, bandOuterFirst.ts) */
  readonly sheetRing = new Map<number, [number, number]>();

  get vertexCount(): number {
    return this.heads.length;
  }

  addVertex(x: number, y: number, z: number, u: number, v: number, head: number, ids: number[], ws: number[], dOval = Infinity): number {
    this.ovalDistance.push(dOval);
    this.positions.push(x, y, z);
    this.uvs.push(u, v);
    this.heads.push(head);
    this.neckLag.push(0);
    for (let k = 0; k < 4; k++) { this.influence.push(ids[k] ?? -1); this.influenceWeight.push(ws[k] ?? 0); }
    return this.heads.length - 1;
  }

  addTriangle(a: number, b: number, c: number, material: number): void {
    this.triangles.push(a, b, c);
    this.materials.push(material);
  }
}

/** The landmarks as vertices (texture = their own photo position) and the face triangulation, eye openings left as holes. */
export function addFaceMesh(mesh: MeshBuilder, flat: Float64Array): void {
  for (let i = 0; i < LANDMARK_COUNT; i++) mesh.addVertex(flat[i * 3]!, flat[i * 3 + 1]!, flat[i * 3 + 2]!, flat[i * 3]!, flat[i * 3 + 1]!, 1, [i], [1]);
  const { triangles } = faceTopology();
  const eyeSets = [new Set(EYE_L_LOOP), new Set(EYE_R_LOOP)];
  for (let t = 0; t < triangles.length; t += 3) {
    const i0 = triangles[t]!, i1 = triangles[t + 1]!, i2 = triangles[t + 2]!;
    if (eyeSets.some((s) => s.has(i0) && s.has(i1) && s.has(i2))) continue;
    mesh.addTriangle(i0, i1, i2, MATERIAL.skin);
  }
}

/** Mouth interior: a fan over the inner-lip hole, its centre pushed back into the head. */
export function addMouthInterior(mesh: MeshBuilder, flat: Float64Array, iod: number): void {
  let mx = 0, my = 0, mz = 0;
  for (const i of MOUTH_LOOP) { mx += flat[i * 3]!; my += flat[i * 3 + 1]!; mz += flat[i * 3 + 2]!; }
  mx /= MOUTH_LOOP.length; my /= MOUTH_LOOP.length; mz /= MOUTH_LOOP.length;
  const centre = mesh.addVertex(mx, my, mz + 0.12 * iod, mx, my, 1, [13, 14, 78, 308], [0.25, 0.25, 0.25, 0.25]);
  for (let q = 0; q < MOUTH_LOOP.length; q++) mesh.addTriangle(centre, MOUTH_LOOP[q]!, MOUTH_LOOP[(q + 1) % MOUTH_LOOP.length]!, MATERIAL.mouth);
}

/**
 * Eyeballs: fans over each eye opening, set back a little and stretched up/down past the lids
 * (hidden under the lid skin at rest) so a wider eye never opens onto nothing. Rigid with the
 * skull. Returns the [start, end) range of their vertices.
 */
/**
 * The fan reaches this share of the opening above the upper lid: past the rendered eyeWide lift
 * (rig/basis WIDE_LIFT_RENDERED 0.7 plus the spread's pull); at 0.6 a raised lid opened onto nothing,
 * a band of the background plate under the lash line (s24's "green-grey bands").
 */
const EYEBALL_ABOVE = 1.1;

export function addEyeballs(mesh: MeshBuilder, flat: Float64Array, iod: number): [number, number] {
  const start = mesh.vertexCount;
  for (const [upper, lower] of [[EYE_L_UPPER, EYE_L_LOWER], [EYE_R_UPPER, EYE_R_LOWER]] as const) {
    let ex = 0, ey = 0, ez = 0;
    const loop = [...upper, ...lower.slice(1, -1).reverse()];
    for (const i of loop) { ex += flat[i * 3]!; ey += flat[i * 3 + 1]!; ez += flat[i * 3 + 2]!; }
    ex /= loop.length; ey /= loop.length; ez /= loop.length;
    const back = 0.035 * iod;
    const centre = mesh.addVertex(ex, ey, ez + back, ex, ey, 1, [], []);
    const ids: number[] = [];
    for (let q = 0; q < loop.length; q++) {
      const i = loop[q]!;
      const isUpper = q < upper.length;
      const corner = i === upper[0] || i === upper[upper.length - 1];
      // partner on the other lid: same position along the eye
      const k = isUpper ? q : upper.length - 1 - (q - upper.length + 1);
      const other = isUpper ? lower[q]! : upper[k]!;
      const gap = Math.abs(flat[other * 3 + 1]! - flat[i * 3 + 1]!);
      const dy = corner ? 0 : (isUpper ? -1 : 1) * Math.max(0.6 * gap, 0.04 * iod);
      // a little wider than the opening too, so the set-back eyeball never shows a gap at the corners
      const x = ex + (flat[i * 3]! - ex) * 1.12, y = flat[i * 3 + 1]! + dy;
      ids.push(mesh.addVertex(x, y, flat[i * 3 + 2]! + back, x, y, 1, [], []));
    }
    for (let q = 0; q < ids.length; q++) mesh.addTriangle(centre, ids[q]!, ids[(q + 1) % ids.length]!, MATERIAL.eye);
    // a strip above the upper half up to EYEBALL_ABOVE of the opening (the fan itself unchanged: a rest frame is the same)
    const tops = upper.map((i, q) => {
      const corner = q === 0 || q === upper.length - 1;
      const gap = Math.abs(flat[lower[q]! * 3 + 1]! - flat[i * 3 + 1]!);
      const [vx, vy, vz] = mesh.positions.slice(ids[q]! * 3, ids[q]! * 3 + 3) as [number, number, number];
      const y = corner ? vy : flat[i * 3 + 1]! - Math.max(EYEBALL_ABOVE * gap, 0.04 * iod, flat[i * 3 + 1]! - vy);
      return mesh.addVertex(vx, y, vz, vx, y, 1, [], []);
    });
    for (let q = 0; q + 1 < upper.length; q++) {
      mesh.addTriangle(ids[q]!, tops[q]!, tops[q + 1]!, MATERIAL.eye);
      mesh.addTriangle(ids[q]!, tops[q + 1]!, ids[q + 1]!, MATERIAL.eye);
    }
  }
  return [start, mesh.vertexCount];
}

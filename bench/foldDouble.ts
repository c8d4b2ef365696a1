// Doubled face texture on a turn (issue #15, session 16): at each yaw, the share of the frame's
// pixels outside the face mesh that show texels from under the face mesh's photo footprint (the
// eye, nose, mouth or cheek a second time, beside the face: lp_s10's second face half at +25).
// Measured with two renders whose textures differ only inside the footprint (holes filled): a pixel
// that changes shows a footprint texel; those the face mesh itself draws (a render of the face
// mesh alone, eyes and mouth with it) are the face's own and do not count. Reported per 100 pixels
// of the face oval's area at that yaw. Never asserts.
//   node --import tsx bench/foldDouble.ts [--root DIR] [--yaws -25,25] [names...]
import path from 'node:path';
import sharp from 'sharp';
import { cachedPortrait } from './portraitCache.ts';
import { FACE_OVAL, faceTopology, MESH_POINT_COUNT } from '../src/rig/topology.ts';
import type { RgbaImage } from '../src/types.ts';

const HERE = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(HERE, '..', 'shared', 'data', 'portraits');
const args = process.argv.slice(2);
const flag = (name: string, d: string) => { const i = args.indexOf(name); if (i < 0) return d; const v = args[i + 1]!; args.splice(i, 2); return v; };
const root = path.resolve(flag('--root', HERE));
// --dump DIR: each frame with its doubled pixels painted magenta (for looking)
const dump = flag('--dump', '');
const yaws = flag('--yaws', '-25,25').split(',').map(Number);
const names = args.length ? args : ['lp_s10.jpg', 'lp_s12.jpg', 'lp_s5.jpg', 'lp_s9.jpg', 'lp_s42.jpg', 'st_art_1.png', 'st_happy.png', 'mt_man.png'];
const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
// the footprint from this checkout (the same definition on both sides of a comparison)
const { faceFootprint } = await import(path.join(HERE, 'src/avatar/sheetFold.ts'));
const { MeshBuilder, addFaceMesh, addMouthInterior, addEyeballs } = await import(path.join(HERE, 'src/avatar/mesh.ts'));
const { addLashStrips } = await import(path.join(HERE, 'src/avatar/eyes.ts'));
const { flatten } = await import(path.join(HERE, 'src/rig/fit.ts'));

/** How many vertices the face has before the head sheet: face mesh, mouth, eyeballs, lash strips (build.ts's order). */
function faceVertexCount(lm: unknown, iod: number): number {
  const mesh = new MeshBuilder(), flat = flatten(lm);
  addFaceMesh(mesh, flat); addMouthInterior(mesh, flat, iod); addEyeballs(mesh, flat, iod); addLashStrips(mesh, flat, iod);
  return mesh.vertexCount;
}

/** Area of the polygon (shoelace). */
const area = (pts: [number, number][]) => Math.abs(pts.reduce((s, [x, y], i) => { const [x2, y2] = pts[(i + 1) % pts.length]!; return s + x * y2 - x2 * y; }, 0)) / 2;

/** Pixels around the face's own that do not count (its outline's anti-aliasing and the sheet's first ring). */
const EDGE = 2;
const rows: string[] = [];
for (const name of names) {
  const portrait = await cachedPortrait(path.join(DATA, name));
  const avatar = buildAvatar(portrait);
  const size: number = avatar.size;
  const footprint: Uint8Array = faceFootprint(avatar.uv.subarray(0, MESH_POINT_COUNT * 2), faceTopology().triangles, size);
  // the marked texture: footprint texels' colour swapped (premultiplied, alpha kept)
  const marked: RgbaImage = { width: size, height: size, data: Uint8ClampedArray.from(avatar.texture.data) };
  for (let i = 0; i < size * size; i++) if (footprint[i]) { const d = marked.data; const r = d[i * 4]!; d[i * 4] = d[i * 4 + 2]!; d[i * 4 + 2] = r; d[i * 4 + 1] = d[i * 4 + 3]! - d[i * 4 + 1]!; }
  // the face alone: triangles of the face mesh, mouth, eyes and lashes (no head sheet)
  const faceEnd = faceVertexCount(portrait.cropLandmarks, avatar.head.iod);
  const tri: number[] = [], mat: number[] = [];
  for (let t = 0; t < avatar.material.length; t++) {
    const v = [avatar.triangles[t * 3]!, avatar.triangles[t * 3 + 1]!, avatar.triangles[t * 3 + 2]!];
    if (v.every((i) => i < faceEnd)) { tri.push(...v); mat.push(avatar.material[t]!); }
  }
  const faceOnly = { ...avatar, triangles: Uint32Array.from(tri), material: Uint8Array.from(mat) };
  const make = (a: unknown) => createRenderer(a, { width: size, height: size });
  const [rA, rB, rF] = [make(avatar), make({ ...avatar, texture: marked }), make(faceOnly)];
  const cells: string[] = [];
  for (const yaw of yaws) {
    const frame = { ...rA.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } };
    const a = Uint8ClampedArray.from(rA.render(frame, { background: null }).data);
    const b = rB.render(frame, { background: null }).data;
    const f = Uint8ClampedArray.from(rF.render(frame, { background: null }).data);
    // the face's own pixels, grown by EDGE px: the sheet's first ring meets the face's outline there
    const own = new Uint8Array(size * size);
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
      if (f[(y * size + x) * 4 + 3]! <= 128) continue;
      for (let dy = -EDGE; dy <= EDGE; dy++) for (let dx = -EDGE; dx <= EDGE; dx++) {
        const xx = x + dx, yy = y + dy;
        if (xx >= 0 && yy >= 0 && xx < size && yy < size) own[yy * size + xx] = 1;
      }
    }
    let doubled = 0;
    for (let i = 0; i < size * size; i++) {
      if (own[i]) continue;
      const diff = Math.abs(a[i * 4]! - b[i * 4]!) + Math.abs(a[i * 4 + 1]! - b[i * 4 + 1]!) + Math.abs(a[i * 4 + 2]! - b[i * 4 + 2]!);
      if (diff > 24) { doubled += a[i * 4 + 3]! / 255; if (dump) { a[i * 4] = 255; a[i * 4 + 1] = 0; a[i * 4 + 2] = 255; a[i * 4 + 3] = 255; } }
    }
    if (dump) await sharp(Buffer.from(a.buffer), { raw: { width: size, height: size, channels: 4 } }).flatten({ background: '#fff' }).png().toFile(path.join(dump, `${path.parse(name).name}_${yaw}.png`));
    const lm = rA.landmarks(frame);
    const oval = area(FACE_OVAL.map((i: number) => [lm[i]![0], lm[i]![1]] as [number, number]));
    cells.push(`${yaw > 0 ? '+' : ''}${yaw}: ${(100 * doubled / oval).toFixed(2)}`);
  }
  rows.push(`${name.padEnd(13)} ${cells.join('  ')}`);
  console.log(rows[rows.length - 1]);
}

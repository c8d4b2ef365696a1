// A turned frame split by stage (issue #15, session 16b): at one portrait and yaw, a square crop
// (S px, shown 3x) of the full render | the face alone (face mesh, mouth, eyes, lashes) | the head
// sheet alone | the full render with the face mesh's photo footprint tinted green (its texels,
// wherever they land). Tells which mesh makes a pixel beside a turned cheek. Never asserts.
//   S=110 node --import tsx bench/turnStages.ts mt_man.png 25 170 300 /tmp/stages.png
import path from 'node:path';
import sharp from 'sharp';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { faceFootprint } from '../src/avatar/sheetFold.ts';
import { faceTopology, MESH_POINT_COUNT } from '../src/rig/topology.ts';
import { MeshBuilder, addFaceMesh, addMouthInterior, addEyeballs } from '../src/avatar/mesh.ts';
import { addLashStrips } from '../src/avatar/eyes.ts';
import { flatten } from '../src/rig/fit.ts';
const [name, yawS, cx, cy, out] = process.argv.slice(2);
const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, name!));
const a: any = buildAvatar(portrait); const size = a.size;
const mb = new MeshBuilder(), flat = flatten(portrait.cropLandmarks); addFaceMesh(mb, flat); addMouthInterior(mb, flat, a.head.iod); addEyeballs(mb, flat, a.head.iod); addLashStrips(mb, flat, a.head.iod); const faceEnd = mb.vertexCount;
const pick = (keep: (v: number[]) => boolean) => { const tri: number[] = [], mat: number[] = []; for (let t = 0; t < a.material.length; t++) { const v = [a.triangles[t*3], a.triangles[t*3+1], a.triangles[t*3+2]]; if (keep(v)) { tri.push(...v); mat.push(a.material[t]); } } return { ...a, triangles: Uint32Array.from(tri), material: Uint8Array.from(mat) }; };
// texture with the footprint tinted green
const fp = faceFootprint(a.uv.subarray(0, MESH_POINT_COUNT * 2), faceTopology().triangles, size);
const marked = { width: size, height: size, data: Uint8ClampedArray.from(a.texture.data) };
for (let i = 0; i < size*size; i++) if (fp[i]) { marked.data[i*4] = 0; marked.data[i*4+2] = 0; }
const variants = [a, pick((v) => v.every((i) => i < faceEnd)), pick((v) => !v.every((i) => i < faceEnd)), { ...a, texture: marked }];
const crops: Buffer[] = [];
const X = Number(cx), Y = Number(cy), S = Number(process.env.S ?? 80);
for (const av of variants) {
  const r = createRenderer(av, { width: size, height: size });
  const f = { ...r.neutralFrame(), pose: { yaw: Number(yawS), pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } };
  const img = r.render(f, { background: null });
  const rgba = Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length);
  crops.push(await sharp(rgba, { raw: { width: size, height: size, channels: 4 } }).extract({ left: X - S/2, top: Y - S/2, width: S, height: S }).flatten({ background: '#3060a0' }).resize(S*3, S*3, { kernel: 'nearest' }).png().toBuffer());
}
await sharp({ create: { width: S*3*4 + 30, height: S*3, channels: 3, background: '#000' } }).composite(crops.map((c, i) => ({ input: c, left: i * (S*3 + 10), top: 0 }))).png().toFile(out!);

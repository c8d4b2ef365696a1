// Where a turned far side's pixels come from (issue #15, session 20). Prints, along rendered rows of
// the head at one yaw, the photo position each pixel samples (texture coded by position, mirror and
// turn shading off, so folds and plateaus of the texture mapping show as numbers) next to the real
// render's luminance; writes a sheet (4x): the render | face points the photo did not see in red
// (photoVisibility) | the mirror's share in green. Never asserts.
//   node --import tsx bench/farSideProbe.ts lp_s10.jpg 25 --rows 250,265,280 --x 160,235 --box 150,170,110,170 --out /tmp/probe.png
import path from 'node:path';
import sharp from 'sharp';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { photoVisibility } from '../src/avatar/mirror.ts';
import { faceTopology, MESH_POINT_COUNT } from '../src/rig/topology.ts';
import type { Avatar } from '../src/avatar/types.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const flag = (name: string, d: string) => { const i = args.indexOf(name); if (i < 0) return d; const v = args[i + 1]!; args.splice(i, 2); return v; };
const rows = flag('--rows', '250,265,280').split(',').map(Number);
const [x0, x1] = flag('--x', '160,235').split(',').map(Number) as [number, number];
const box = flag('--box', '150,170,110,170').split(',').map(Number) as [number, number, number, number];
const out = flag('--out', '/tmp/farSideProbe.png');
const [name = 'lp_s10.jpg', yawArg = '25'] = args;
const yaw = Number(yawArg);

const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, name));
const avatar = buildAvatar(portrait);
const size = avatar.size;
const lum = (d: ArrayLike<number>, i: number) => 0.3 * d[i]! + 0.59 * d[i + 1]! + 0.11 * d[i + 2]!;
const render = (a: Avatar, scale: number, opts: Record<string, unknown> = {}, background?: null): RgbaImage => {
  const r = createRenderer(a, { width: size * scale, height: size * scale, ...opts });
  return r.render({ ...r.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } }, background === null ? { background: null } : {});
};

// texture coded by photo position: red = x / 2, green = y / 2, opaque
const coded = { width: size, height: size, data: new Uint8ClampedArray(size * size * 4) };
for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) { const i = (y * size + x) * 4; coded.data[i] = x / 2; coded.data[i + 1] = y / 2; coded.data[i + 3] = 255; }
const noMirror = new Float32Array(avatar.vertexCount);
const probe = render({ ...avatar, texture: coded, mirrorReach: noMirror }, 1, { turnShading: false }, null);
const real = render(avatar, 1);
for (const y of rows) {
  const cells: string[] = [];
  for (let x = x0; x <= x1; x++) {
    const i = (y * size + x) * 4;
    const at = probe.data[i + 3]! > 128 ? `${probe.data[i]! * 2},${probe.data[i + 1]! * 2}` : '-';
    cells.push(`${x}:${at}|${lum(real.data, i).toFixed(0)}`);
  }
  console.log(`row ${y} (x: photo u,v | render lum)\n  ${cells.join(' ')}`);
}

// the sheet: render | hidden face points in red | mirror share in green
const seen = photoVisibility(avatar.rest, avatar.vertexCount, [faceTopology().triangles], size, 0.04 * avatar.head.faceWidth);
const marked = { width: size, height: size, data: Uint8ClampedArray.from(avatar.texture.data) };
marked.data.set([255, 0, 0, 255], 0); // texel (0, 0): pure red
const uvHidden = Float32Array.from(avatar.uv), revHidden = Float32Array.from(avatar.uvRevealed);
let hidden = 0;
for (let v = 0; v < MESH_POINT_COUNT; v++) if (!seen[v]) { uvHidden.fill(0.5, v * 2, v * 2 + 2); revHidden.fill(0.5, v * 2, v * 2 + 2); hidden++; }
const grey = { width: size, height: size, data: Uint8ClampedArray.from(avatar.texture.data) };
for (let i = 0; i < size * size; i++) { const a = grey.data[i * 4 + 3]! / 2; grey.data.fill(a, i * 4, i * 4 + 3); }
grey.data.set([0, 255, 0, 255], 0); // texel (0, 0): pure green, where the mirror samples
const uvMirror = Float32Array.from(avatar.uvMirror);
for (let v = 0; v < avatar.vertexCount; v++) if (avatar.mirrorReach[v]! > 0) uvMirror.fill(0.5, v * 2, v * 2 + 2);
const K = 4;
const views = [
  render(avatar, K),
  render({ ...avatar, texture: marked, uv: uvHidden, uvRevealed: revHidden, mirrorReach: noMirror }, K),
  render({ ...avatar, texture: grey, uvMirror, mirrorGain: new Float32Array(avatar.vertexCount * 3).fill(1) }, K),
];
const [bx, by, bw, bh] = box;
const crops = await Promise.all(views.map((img) => sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } })
  .extract({ left: bx * K, top: by * K, width: bw * K, height: bh * K }).removeAlpha().png().toBuffer()));
await sharp({ create: { width: crops.length * (bw * K + 8), height: bh * K, channels: 3, background: '#fff' } })
  .composite(crops.map((input, k) => ({ input, left: k * (bw * K + 8), top: 0 })))[out.endsWith('.jpg') ? 'jpeg' : 'png']().toFile(out);
console.log(`${name} yaw ${yaw}: ${hidden} face points hidden in the photo; sheet ${out}`);
process.exit(0);

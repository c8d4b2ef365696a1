// A turned face's far chin (issue #15, session 28), per portrait and yaw (relative to the photo), in
// a box around the far jaw below the mouth corner (0.35 eye distances around landmarks 150/149/176 at
// +yaw, 379/378/400 at -yaw), counting only pixels the head really draws (the texture's own alpha kept,
// rendered over nothing):
//  - streak px: drawn pixels in horizontal runs >= 6 px that sample one photo column (within 1 px);
//    bench/farEyeChin.ts's figure, but its opaque coded texture also counted sheet pixels that sample
//    clear matte (drawn as nothing), so a rim gone clear read as more streaks;
//  - lobe px: drawn pixels the face mesh alone does not draw (the head sheet past the oval);
//  - lobe energy: the sum of |vertical luminance step| over the lobe px (horizontal streaks are vertical steps).
// Never asserts.  node --import tsx bench/chinLobe.ts [--root CHECKOUT] [--yaws -25,-12.5,12.5,25] [names]
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const flag = (name: string, d: string) => { const i = args.indexOf(name); if (i < 0) return d; const v = args[i + 1]!; args.splice(i, 2); return v; };
const root = path.resolve(flag('--root', path.resolve(import.meta.dirname, '..')));
const yaws = flag('--yaws', '-25,-12.5,12.5,25').split(',').map(Number);
const names = args.length ? args : ['lp_s10.jpg', 'mt_man.png', 'lp_s1.jpg', 'st_happy.png', 'lp_s7.jpg'];
const DATA = SHARED_PORTRAITS;
const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
const { MeshBuilder, addFaceMesh, addMouthInterior, addEyeballs } = await import(path.join(root, 'src/avatar/mesh.ts'));
const { addLashStrips } = await import(path.join(root, 'src/avatar/eyes.ts'));
const { flatten } = await import(path.join(root, 'src/rig/fit.ts'));

type Img = { width: number; height: number; data: Uint8ClampedArray };
const lum = (d: ArrayLike<number>, i: number) => 0.3 * d[i]! + 0.59 * d[i + 1]! + 0.11 * d[i + 2]!;
/** The avatar's texture with its colour replaced by its own position (x, y up to 4095); alpha kept. */
function codedTexture(tex: Img): Img {
  const S = tex.width, data = new Uint8ClampedArray(S * S * 4);
  for (let y = 0; y < S; y++) for (let x = 0; x < S; x++) { const i = (y * S + x) * 4; data.set([x & 255, y & 255, ((x >> 8) << 4) | (y >> 8), tex.data[i + 3]!], i); }
  return { width: S, height: S, data };
}
const decodeX = (d: ArrayLike<number>, i: number) => d[i]! + ((d[i + 2]! >> 4) << 8);

console.log(`${root}\nportrait       yaw: streak px / lobe px / lobe energy`);
for (const name of names) {
  const portrait = await cachedPortrait(path.join(DATA, name));
  const avatar = buildAvatar(portrait);
  const S = avatar.size;
  // the face mesh's own triangles (face, mouth, eyeballs, lashes come first in the vertex list: bench/turnStages.ts)
  const mb = new MeshBuilder(), flat = flatten(portrait.cropLandmarks);
  addFaceMesh(mb, flat); addMouthInterior(mb, flat, avatar.head.iod); addEyeballs(mb, flat, avatar.head.iod); addLashStrips(mb, flat, avatar.head.iod);
  const faceEnd = mb.vertexCount;
  const tri: number[] = [], mat: number[] = [];
  for (let t = 0; t < avatar.material.length; t++) {
    const v = [avatar.triangles[t * 3], avatar.triangles[t * 3 + 1], avatar.triangles[t * 3 + 2]];
    if (v.every((i: number) => i < faceEnd)) { tri.push(...v); mat.push(avatar.material[t]); }
  }
  const faceOnly = { ...avatar, triangles: Uint32Array.from(tri), material: Uint8Array.from(mat) };
  const cells: string[] = [];
  for (const yaw of yaws) {
    const frame = (r: { neutralFrame(): object }) => ({ ...r.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } });
    const render = (a: object, opts: object = {}) => { const r = createRenderer(a, { width: S, height: S, ...opts }); return { img: r.render(frame(r), { background: null }) as Img, lm: r.landmarks(frame(r)) as number[][] }; };
    const { img, lm } = render(avatar);
    const face = render(faceOnly).img.data;
    const coded = render({ ...avatar, texture: codedTexture(avatar.texture), mirrorReach: new Float32Array(avatar.vertexCount) }, { turnShading: false }).img.data;
    const far = yaw > 0, iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
    const jaw = [far ? 150 : 379, far ? 149 : 378, far ? 176 : 400].map((k) => lm[k]!);
    const cx = jaw.reduce((s, p) => s + p[0]!, 0) / 3, cy = jaw.reduce((s, p) => s + p[1]!, 0) / 3, r = 0.35 * iod;
    const drawn = (i: number) => img.data[i + 3]! >= 128 && coded[i + 3]! >= 128;
    let streak = 0, lobe = 0, step = 0;
    for (let y = Math.floor(cy - r); y <= cy + r; y++) {
      let run = 0, start = 0;
      for (let x = Math.floor(cx - r); x <= cx + r + 1; x++) {
        const i = (y * S + x) * 4, ok = x <= cx + r && drawn(i);
        if (ok && face[i + 3]! < 128) { lobe++; step += Math.abs(lum(img.data, i + S * 4) - lum(img.data, i)); }
        if (ok && run > 0 && Math.abs(decodeX(coded, i) - decodeX(coded, (y * S + start) * 4)) <= 1) { run++; continue; }
        if (run >= 6) streak += run;
        run = ok ? 1 : 0; start = x;
      }
    }
    cells.push(`${yaw}: ${streak} / ${lobe} / ${Math.round(step)}`);
  }
  console.log(`${name.padEnd(13)} ${cells.join('   ')}`);
}
process.exit(0);

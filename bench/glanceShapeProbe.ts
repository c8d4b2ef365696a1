// A hard glance's iris shape in the gaze shader's texture (render/gazeIris.ts), per portrait and eye, at the shifts a
// motion's frames give (or gaze x -1 / +1): the eye crop zoomed (rest | each frame) to a PNG, and per eye the moved iris's
// visible width / height over its rest ones (dark texels: under half way from the rest white to the rest iris), the
// share of its rest dark area still in the opening, its luma over the photo's iris, and the white's luma (the opening
// outside the moved iris) over the photo's white. Never asserts.
//   node --import tsx bench/glanceShapeProbe.ts lp_s10.jpg out.png [m.motion.json 22,24,28] [--base /work/wt/before45]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import sharp, { type OverlayOptions } from 'sharp';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { luminance } from '../src/math/colour.ts';
import { insidePolygon } from '../src/math/polygon.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../src/rig/topology.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const [file, out, motionPath, frameList] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const roots = [...(arg('--base') ? [arg('--base')!] : []), process.cwd()];
const ZOOM = 8;
const lum = (c: number) => luminance(c & 255, (c >>> 8) & 255, (c >>> 16) & 255);
const f2 = (v: number) => v.toFixed(2);

const frames: { f: string; g: [number, number] }[] = [];
if (motionPath) {
  const m = JSON.parse(readFileSync(motionPath, 'utf8')) as { frames: { gaze?: [number, number]; vergence?: number }[] };
  for (const f of frameList!.split(',').map(Number)) frames.push({ f: `f${f}`, g: m.frames[f]!.gaze ?? [0, 0] });
} else frames.push({ f: 'g-1', g: [-1, 0] }, { f: 'g+1', g: [1, 0] });

const tiles: OverlayOptions[] = [];
let row = 0, width = 0;
for (const root of roots) {
  const imp = (p: string) => import(pathToFileURL(path.join(root, p)).href);
  const { cachedPortrait } = await imp('bench/portraitCache.ts');
  const { buildAvatar } = await imp('src/avatar/build.ts');
  const { GAZE_SHIFT_X, GAZE_SHIFT_Y, faceTextures } = await imp('src/render/faceTextures.ts');
  const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file!)));
  const uv = avatar.uv, iod = avatar.head.iod, rig = avatar.rig;
  // the renderer's own gaze shaders (the hidden iris and the raised lids' drawing with them), no lid motion
  const ft = faceTextures(avatar), gi = ft.gazeWarp, tex = ft.eyeTex;
  for (let e = 0; e < 2; e++) {
    const d = gi.discs[e]!, ring = (d.radius - 1.5) / 1.3;
    const poly = (e === 0 ? EYE_L_LOOP : EYE_R_LOOP).map((i) => [uv[i * 2]!, uv[i * 2 + 1]!] as [number, number]);
    const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
    const bx0 = Math.floor(Math.min(...xs)) - 2, bx1 = Math.ceil(Math.max(...xs)) + 2, by0 = Math.floor(Math.min(...ys)) - 3, by1 = Math.ceil(Math.max(...ys)) + 3;
    const W = bx1 - bx0, H = by1 - by0;
    // the photo's iris (dark in the ring) and white (the opening outside the disc) at rest
    let il = 0, inn = 0, wl = 0, wn = 0;
    for (let y = by0; y < by1; y++) for (let x = bx0; x < bx1; x++) {
      if (!insidePolygon(x + 0.5, y + 0.5, poly)) continue;
      const l = lum(tex.data32[y * tex.width + x]!), r = Math.hypot(x + 0.5 - d.cx, y + 0.5 - d.cy);
      if (r < ring) { il += l; inn++; } else if (r > d.radius) { wl += l; wn++; }
    }
    const irisL = il / Math.max(1, inn), whiteL = wl / Math.max(1, wn), cut = (irisL + whiteL) / 2;
    const shape = (col: (x: number, y: number) => number) => {
      let n = 0, dl = 0, ol = 0, on = 0, x0 = 1e9, x1 = -1e9;
      const colsDark = new Map<number, number>();
      const img = Buffer.alloc(W * H * 3);
      for (let y = by0; y < by1; y++) for (let x = bx0; x < bx1; x++) {
        const c = col(x + 0.5, y + 0.5), k = ((y - by0) * W + x - bx0) * 3;
        img[k] = c & 255; img[k + 1] = (c >>> 8) & 255; img[k + 2] = (c >>> 16) & 255;
        if (!insidePolygon(x + 0.5, y + 0.5, poly)) continue;
        const l = lum(c);
        if (l < cut) { n++; dl += l; x0 = Math.min(x0, x); x1 = Math.max(x1, x); colsDark.set(x, (colsDark.get(x) ?? 0) + 1); } else { ol += l; on++; }
      }
      const h = Math.max(0, ...colsDark.values());
      return { n, w: x1 >= x0 ? x1 - x0 + 1 : 0, h, dark: dl / Math.max(1, n), white: ol / Math.max(1, on), img };
    };
    const rest = shape((x, y) => tex.data32[Math.floor(y) * tex.width + Math.floor(x)]!);
    const put = async (img: Buffer, col: number) => {
      tiles.push({ input: await sharp(img, { raw: { width: W, height: H, channels: 3 } }).resize(W * ZOOM, H * ZOOM, { kernel: 'nearest' }).png().toBuffer(), left: col * (W * ZOOM + 4), top: row });
      width = Math.max(width, (col + 1) * (W * ZOOM + 4));
    };
    await put(rest.img, 0);
    const cells = [`rest w ${rest.w} h ${rest.h} n ${rest.n} iris ${irisL.toFixed(0)} white ${whiteL.toFixed(0)}`];
    let col = 1;
    for (const fr of frames) {
      const gx = Math.max(-1, Math.min(1, fr.g[0])) - rig.gaze[0], gy = Math.max(-1, Math.min(1, fr.g[1])) - rig.gaze[1];
      gi.set(gx * GAZE_SHIFT_X * iod, gy * GAZE_SHIFT_Y * iod);
      const [sx] = gi.shiftOf(e);
      const sh = gi.shaders[e];
      const s = shape((x, y) => sh ? sh(0, 0, x, y) : tex.data32[Math.floor(y) * tex.width + Math.floor(x)]!);
      await put(s.img, col++);
      cells.push(`${fr.f} gx ${f2(gx)} sx ${f2(sx)}: w ${f2(s.w / rest.w)} h ${f2(s.h / rest.h)} area ${f2(s.n / rest.n)} dark ${f2(s.dark / rest.dark)} white ${f2(s.white / rest.white)}`);
    }
    row += H * ZOOM + 4;
    console.log(`${path.basename(root)} ${file} eye ${e} (cx ${f2(d.cx)} r ${f2(ring)} reach ${d.reach.map(f2)} open ${d.open?.map(f2)} solid ${f2(d.solid?.strength ?? 0)})\n  ${cells.join('\n  ')}`);
  }
}
await sharp({ create: { width, height: row, channels: 3, background: '#202020' } }).composite(tiles).toFile(out!);

// lp_s10's far eye and far chin on a turn (issue #15, session 27), per portrait and yaw (relative
// to the photo), on the side the turn shows:
//  - tick px: eyeball pixels at the far eye's outer end (before a tenth of the way from the corner to the inner corner, within
//    0.055 eye distances of the row just under the corner: below the lid's lashes) darker than
//    0.6 x the eyeball's bright white (its 90th percentile luminance): at +25 lp_s10's eyeball end
//    sampled the backdrop's dark edge past its outer corner (a vertical dark tick);
//  - strip px: face pixels (not eyeball) in a box from the outer corner 0.25 eye distances outward,
//    0.12 up and down, whose photo sample sits within 2 px of the photo's outer corner column
//    (the corner's lashes and white stretched over the temple);
//  - chin streak px: pixels of the head (face mesh and sheet) in a box around the far jaw below the
//    mouth corner that lie in a horizontal run of >= 6 px sampling one photo column (within 1 px).
// Photo positions come from a render with the texture coded by position (mirror off, no shading).
// Never asserts.  node --import tsx bench/farEyeChin.ts [--root CHECKOUT] [--yaws -25,-12.5,12.5,25] [names]
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const flag = (name: string, d: string) => { const i = args.indexOf(name); if (i < 0) return d; const v = args[i + 1]!; args.splice(i, 2); return v; };
const root = path.resolve(flag('--root', path.resolve(import.meta.dirname, '..')));
const yaws = flag('--yaws', '-25,-12.5,12.5,25').split(',').map(Number);
const names = args.length ? args : ['lp_s10.jpg', 'mt_man.png', 'st_art_1.png', 'lp_s42.jpg', 'lp_s12.jpg', 'st_happy.png', 'lp_s7.jpg'];
const DATA = SHARED_PORTRAITS;
const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));

type Img = { width: number; height: number; data: Uint8ClampedArray };
const lum = (d: ArrayLike<number>, i: number) => 0.3 * d[i]! + 0.59 * d[i + 1]! + 0.11 * d[i + 2]!;
/** A texture whose pixel encodes its own position (x, y up to 4095), opaque. */
function codedTexture(size: number): Img {
  const data = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) data.set([x & 255, y & 255, ((x >> 8) << 4) | (y >> 8), 255], (y * size + x) * 4);
  return { width: size, height: size, data };
}
const decodeX = (d: ArrayLike<number>, i: number) => d[i]! + ((d[i + 2]! >> 4) << 8);

console.log(`${root}\nportrait       yaw: tick px / strip px / chin streak px`);
for (const name of names) {
  const avatar = buildAvatar(await cachedPortrait(path.join(DATA, name)));
  const S = avatar.size;
  const magenta = { width: S, height: S, data: new Uint8ClampedArray(S * S * 4).map((_, i) => [255, 0, 255, 255][i & 3]!) };
  const cells: string[] = [];
  for (const yaw of yaws) {
    const render = (a: object, opts: object = {}, drawOpts: object = {}) => { const r = createRenderer(a, { width: S, height: S, ...opts }); return { img: r.render({ ...r.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } }, drawOpts) as Img, lm: r.landmarks({ ...r.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } }) as number[][] }; };
    const { img, lm } = render(avatar);
    const eyeMask = render({ ...avatar, eyeTexture: magenta }).img.data;
    // on no background (alpha: the head's coverage; tidy30): over the photo's plate every pixel was opaque, and the
    // plate's backdrop beside the jaw counted as streaks (lp_s10 chin at -25/-12.5/+12.5/+25: 79/123/907/1904 -> 6/0/728/1768;
    // mt_man, st_art_1, lp_s42, st_happy unchanged)
    const coded = render({ ...avatar, texture: codedTexture(S), mirrorReach: new Float32Array(avatar.vertexCount) }, { turnShading: false }, { background: null }).img.data;
    const isEye = (i: number) => eyeMask[i]! > 200 && eyeMask[i + 1]! < 60 && eyeMask[i + 2]! > 200;
    const far = yaw > 0, corner = lm[far ? 33 : 263]!, inner = lm[far ? 133 : 362]!, iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
    // tick: dark eyeball pixels at the outer end
    const eyeLums: number[] = [], outer: number[] = [];
    const ex0 = Math.floor(Math.min(corner[0]!, inner[0]!) - 3), ex1 = Math.ceil(Math.max(corner[0]!, inner[0]!) + 3);
    const ey0 = Math.floor(Math.min(corner[1]!, inner[1]!) - 0.15 * iod), ey1 = Math.ceil(Math.max(corner[1]!, inner[1]!) + 0.15 * iod);
    for (let y = ey0; y <= ey1; y++) for (let x = ex0; x <= ex1; x++) {
      const i = (y * S + x) * 4; if (!isEye(i)) continue;
      eyeLums.push(lum(img.data, i));
      const t = ((x - corner[0]!) * (inner[0]! - corner[0]!) + (y - corner[1]!) * (inner[1]! - corner[1]!)) / ((inner[0]! - corner[0]!) ** 2 + (inner[1]! - corner[1]!) ** 2);
      if (t < 0.1 && Math.abs(y - corner[1]! - 0.025 * iod) <= 0.055 * iod) outer.push(lum(img.data, i));
    }
    eyeLums.sort((a, b) => a - b);
    const white = eyeLums[Math.floor(0.9 * (eyeLums.length - 1))] ?? 0;
    const tick = outer.filter((l) => l < 0.6 * white).length;
    // strip: face pixels beside the outer corner sampling within 2 px of the photo's corner column
    const photoCorner = avatar.uv[(far ? 33 : 263) * 2]!, out = far ? -1 : 1;
    let strip = 0;
    for (let y = Math.floor(corner[1]! - 0.12 * iod); y <= corner[1]! + 0.12 * iod; y++) for (let k = 1; k <= 0.25 * iod; k++) {
      const x = Math.round(corner[0]! + out * k), i = (y * S + x) * 4;
      if (img.data[i + 3]! < 128 || isEye(i) || coded[i + 3]! < 128) continue;
      if (Math.abs(decodeX(coded, i) - photoCorner) <= 2) strip++;
    }
    // chin streaks: horizontal runs >= 6 px of one photo column around the far jaw below the mouth corner
    const jaw = [far ? 150 : 379, far ? 149 : 378, far ? 176 : 400].map((k) => lm[k]!);
    const cx = jaw.reduce((s, p) => s + p[0]!, 0) / 3, cy = jaw.reduce((s, p) => s + p[1]!, 0) / 3, r = 0.35 * iod;
    let streak = 0;
    for (let y = Math.floor(cy - r); y <= cy + r; y++) {
      let run = 0, start = 0;
      for (let x = Math.floor(cx - r); x <= cx + r + 1; x++) {
        const i = (y * S + x) * 4, ok = x <= cx + r && coded[i + 3]! >= 128;
        if (ok && run > 0 && Math.abs(decodeX(coded, i) - decodeX(coded, (y * S + start) * 4)) <= 1) { run++; continue; }
        if (run >= 6) streak += run;
        run = ok ? 1 : 0; start = x;
      }
    }
    cells.push(`${yaw}: ${tick} / ${strip} / ${streak}`);
  }
  console.log(`${name.padEnd(13)} ${cells.join('   ')}`);
}
process.exit(0);

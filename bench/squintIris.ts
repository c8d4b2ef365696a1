// s59 (squint59, issue #14): a squinted eye's iris on a portrait, drawn by the rig's squint controls alone. The neutral
// frame rendered with eyeSquint / cheekSquint (both sides) at chosen weights, both eyes cropped from the face mesh's
// rest landmarks and zoomed; `--set render/x.ts:xSetting.k=v` as elsewhere. Prints per variant the bytes changed
// against the neutral frame. Never asserts.
//   node --import tsx bench/squintIris.ts lp_s7.jpg out.png [--variants 'eye 1,cheek 1,both 1,both .5'] [--pngs f20.png,f50.png]
// Per eye: the pupil's dark box height over width (within .7 rest iris radii of the photo's iris centre column), the iris box's, and the
// iris box's bottom under the centre in rest radii (a rising lid that squashes the iris lifts the pupil's bottom with it).
import sharp from 'sharp';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { applySettingSpec } from './settingSpec.ts';

const args = process.argv.slice(2);
const opt = (k: string) => { const i = args.indexOf(k); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
const sets: string[] = [];
for (let s = opt('--set'); s; s = opt('--set')) sets.push(s);
for (const s of sets) await applySettingSpec(s);
const pngs = (opt("--pngs") ?? "").split(",").filter(Boolean);
const variants = (opt('--variants') ?? 'eye 1,cheek 1,both 1,both .5').split(',').map((v) => v.trim().split(/\s+/) as [string, string]);
const [photo, out] = args;
const portrait = await cachedPortrait(photo!);
const size = portrait.image.width;
const avatar = buildAvatar(portrait);
const r = createRenderer(avatar, { width: size, height: size });
const base = r.neutralFrame();
// both eyes' box on the photo's own landmarks (brows to under the lower lids)
const lm = portrait.cropLandmarks;
const xs = [70, 300, 33, 263].map((k) => lm[k]![0]!), cy = (lm[159]![1]! + lm[145]![1]! + lm[386]![1]! + lm[374]![1]!) / 4;
const x0 = Math.min(...xs), x1 = Math.max(...xs), bw = Math.round((x1 - x0) * 1.05), bh = Math.round(bw * 0.3);
const box = { left: Math.max(0, Math.round((x0 + x1) / 2 - bw / 2)), top: Math.max(0, Math.round(cy - bh / 2)), width: bw, height: bh };
const Z = Math.max(2, Math.round(900 / bw));
const crop = async (img: { width: number; height: number; data: Uint8ClampedArray }) => sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } })
  .extract(box).resize(bw * Z, bh * Z, { kernel: 'nearest' }).png().toBuffer();
/** per eye (landmarks 468 / 473, ring 469-472 / 474-477): within 1.3 rest iris radii of the centre, the pupil (luma < 45, within .7 r
 * of the centre column) and the iris (blue over red by 20, or the pupil) boxes, height over width, and the iris box's bottom row
 * under the centre in radii (rest ~1: its bottom; a squashed iris rises, a covering lid hides it too). */
const shapes = (img: { width: number; data: Uint8ClampedArray }) => [468, 473].map((c) => {
  const [cx, cy] = [lm[c]![0]!, lm[c]![1]!];
  const ring = [1, 2, 3, 4].map((k) => Math.hypot(lm[c + k]![0]! - cx, lm[c + k]![1]! - cy));
  const rr = ring.reduce((x, y) => x + y, 0) / 4, R3 = 1.3 * rr;
  const bb = [[1e9, -1e9, 1e9, -1e9], [1e9, -1e9, 1e9, -1e9]];
  for (let y = Math.floor(cy - R3); y <= cy + R3; y++) for (let x = Math.floor(cx - R3); x <= cx + R3; x++) {
    const o = (y * img.width + x) * 4, R = img.data[o]!, G = img.data[o + 1]!, B = img.data[o + 2]!, L = 0.299 * R + 0.587 * G + 0.114 * B;
    const kinds = [L < 45 && Math.abs(x - cx) < 0.7 * rr, (L < 45 && Math.abs(x - cx) < 0.7 * rr) || B - R > 20];
    kinds.forEach((k, j) => { if (k) { const q = bb[j]!; q[0] = Math.min(q[0]!, x); q[1] = Math.max(q[1]!, x); q[2] = Math.min(q[2]!, y); q[3] = Math.max(q[3]!, y); } });
  }
  return [...bb.map((q) => (q[1]! < q[0]! ? NaN : (q[3]! - q[2]! + 1) / (q[1]! - q[0]! + 1))), (bb[1]![3]! - cy) / rr];
});
const fmt = (sh: number[][]) => sh.map(([pu, ir, bot]) => `pupil h/w ${pu!.toFixed(2)} iris h/w ${ir!.toFixed(2)} bottom ${bot!.toFixed(2)}`).join(" | ");
// --pngs a.png,b.png: rendered frames of this portrait (512 crop, e.g. cut from a generate video) measured the same way, and stop
if (pngs.length) {
  for (const f of pngs) { const { data, info } = await sharp(f).ensureAlpha().raw().toBuffer({ resolveWithObject: true }); console.log(`${f}: ${fmt(shapes({ width: info.width, data: new Uint8ClampedArray(data) }))}`); }
  process.exit(0);
}
const rest = r.render(base); const restData = Uint8ClampedArray.from(rest.data);
const tiles = [await crop({ ...rest, data: restData })];
console.log(`rest: ${fmt(shapes({ width: rest.width, data: restData }))}`);
for (const [what, v] of variants) {
  const f = structuredClone(base);
  const w = Number(v);
  if (what === 'eye' || what === 'both') f.w.eyeSquintLeft = f.w.eyeSquintRight = w;
  if (what === 'cheek' || what === 'both') f.w.cheekSquintLeft = f.w.cheekSquintRight = w;
  if (what === 'blink') f.w.eyeBlinkLeft = f.w.eyeBlinkRight = w;
  const img = r.render(f);
  let diff = 0; for (let i = 0; i < img.data.length; i++) if (img.data[i] !== restData[i]) diff++;
  console.log(`${what} ${v}: ${diff} bytes differ from rest; ${fmt(shapes(img))}`);
  tiles.push(await crop(img));
}
const H = bh * Z, W = bw * Z;
await sharp({ create: { width: W, height: H * tiles.length, channels: 3, background: '#000' } })
  .composite(tiles.map((t, k) => ({ input: t, left: 0, top: k * H }))).png().toFile(out!);
console.log(`rows: rest, ${variants.map((v) => v.join(' ')).join(', ')} -> ${out}`);

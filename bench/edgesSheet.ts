// One current sheet per portrait for issue 15's "What it must show" (s43), from bench/edges.ts --save-frames:
//   node --import tsx bench/edgesSheet.ts --frames /tmp/edges-bench/after --docs docs/edges --suffix s43 [names...]
// Row 1 (whole 512 px frame at 1/2): the crop | yaw -25 | rest | +25 | --bg '#ffffff' rest | white +25.
// Row 2 (the head: a box 1.7x the photo's face landmarks, at least 256 px, shown 256 px: >= 1x of the frame): the same five frames and the
// driver's pose. Written as a modest JPG (docs/edges/<name>-<suffix>.jpg).
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';

const args = process.argv.slice(2);
const flag = (name: string, dflt: string) => { const i = args.indexOf(name); if (i < 0) return dflt; const v = args[i + 1]!; args.splice(i, 2); return v; };
const framesDir = path.resolve(flag('--frames', '/tmp/edges-bench/after'));
const docs = path.resolve(flag('--docs', 'docs/edges'));
const suffix = flag('--suffix', 's43');
const cacheDir = flag('--analysis', path.join(process.env.REAL3D_CACHE ?? '', 'analysis'));
const look = flag('--look', ''); // also a PNG copy there (the image viewer opens PNG)
const names = args.length ? args : ['lp_s42', 'st_happy', 'lp_s12', 'lp_s10', 'mt_man', 'st_art_1'];
const CELL = 256, LABEL = 18;

const label = (text: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${CELL}" height="${LABEL}"><rect width="100%" height="100%" fill="#111"/><text x="4" y="${LABEL - 5}" font-family="sans-serif" font-size="13" fill="#eee">${text}</text></svg>`);

async function cell(file: string, text: string, box?: { left: number; top: number; width: number; height: number }): Promise<Buffer> {
  let img = sharp(file);
  if (box) img = img.extract(box);
  const tile = await img.resize(CELL, CELL).png().toBuffer();
  return sharp({ create: { width: CELL, height: CELL + LABEL, channels: 3, background: '#000' } })
    .composite([{ input: tile, left: 0, top: 0 }, { input: label(text), left: 0, top: CELL }]).png().toBuffer();
}

async function faceBox(name: string, size: number) {
  const { readdirSync } = await import('node:fs');
  const entry = readdirSync(cacheDir).find((d) => d.startsWith(name + '.'));
  const a = JSON.parse(await readFile(path.join(cacheDir, entry!, 'analysis.json'), 'utf8')) as { landmarks: number[][]; crop: { x: number; y: number; side: number; size: number } };
  // source px -> crop px
  const k = a.crop.size / a.crop.side;
  const xs = a.landmarks.map((p) => (p[0]! - a.crop.x) * k), ys = a.landmarks.map((p) => (p[1]! - a.crop.y) * k);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  // the head with its hair outline, jaw and ears: 1.7x the landmarks' extent (at least a 256 px box: 2x row 1)
  const side = Math.round(Math.min(size, Math.max(CELL, 1.7 * Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)))));
  const left = Math.round(Math.max(0, Math.min(size - side, cx - side / 2))), top = Math.round(Math.max(0, Math.min(size - side, cy - side / 2)));
  return { left, top, width: side, height: side };
}

for (const name of names) {
  const dir = path.join(framesDir, name);
  const f = (k: string) => path.join(dir, `${k}.png`);
  const size = (await sharp(f('yaw_0')).metadata()).width!;
  const box = await faceBox(name, size);
  const keys: [string, string][] = [['yaw_-25', 'yaw -25'], ['yaw_0', 'rest'], ['yaw_25', 'yaw +25'], ['white_0', "--bg '#ffffff' rest"], ['white_25', 'white +25']];
  const row1 = [await cell(f('crop'), `${name}: the crop`), ...(await Promise.all(keys.map(([k, t]) => cell(f(k), t))))];
  const zoom = `${(2 * CELL / box.width).toFixed(1)}x`;
  const row2 = [...(await Promise.all(keys.map(([k, t]) => cell(f(k), `${t}, head ${zoom}`, box)))), await cell(f('driver'), `driver's pose, head ${zoom}`, box)];
  const comp = [...row1.map((input, k) => ({ input, left: k * CELL, top: 0 })), ...row2.map((input, k) => ({ input, left: k * CELL, top: CELL + LABEL }))];
  await sharp({ create: { width: CELL * 6, height: 2 * (CELL + LABEL), channels: 3, background: '#000' } }).composite(comp)
    .jpeg({ quality: 82 }).toFile(path.join(docs, `${name}-${suffix}.jpg`));
  if (look) await sharp(path.join(docs, `${name}-${suffix}.jpg`)).png().toFile(path.join(look, `${name}-${suffix}.png`));
  console.log(path.join(docs, `${name}-${suffix}.jpg`));
}

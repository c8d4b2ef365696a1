// One jawOpen, one visible gap on every photo? (#13, shut17: Katie's audio reads shut on 58 of 193
// speech frames on lp_s2, 30 on her own photo.) Per photo and per checkout (--root a,b: before, after),
// the photo's neutral frame with jawOpen alone set to each step (as the audio path drives it), the
// mesh gap (landmarks 13-14) and the gap the face mesh reads back off the rendered frame (as the
// critic and bench/audioMouth.ts read it), both over the eye-corner distance. Then the spread of the
// read gap across photos at each step. --png writes the sheet: per photo a row per root of 3x mouth
// crops at the steps up to --sheetMax. Printed, never asserted.
//   node --import tsx bench/gapCurves.ts [--photos lp_s2.jpg,/tmp/katie_f0.png,...] [--jaw 0,0.05,...] [--root a,b] [--png out.png] [--sheetMax 0.3]
import path from 'node:path';
import sharp from 'sharp';
import { detectFaces } from '../src/face/detect.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const arg = (n: string, d: string) => { const i = process.argv.indexOf(n); return i >= 0 ? process.argv[i + 1]! : d; };
const DATA = SHARED_PORTRAITS;
const photos = arg('--photos', 'lp_s2.jpg,lp_s42.jpg,st_art_1.png,mt_man.png,lp_s11.jpg,lp_s5.jpg').split(',');
const jaws = arg('--jaw', '0,0.05,0.1,0.15,0.2,0.3,0.5').split(',').map(Number);
const roots = arg('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const png = arg('--png', '');
const sheetMax = Number(arg('--sheetMax', '0.3'));
/** audio (default): the frame an audio motion gives, jawOpen and the photo's own mouth (mouthOnPhoto), every other weight 0; neutral: the photo's weights with jawOpen set */
const mode = arg('--mode', 'audio');
const SIZE = Number(arg('--size', '512')), ZOOM = 3, BOX = 40;

type P = number[];
const dist = (a: P, b: P) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);
const label = (s: string, w: number) => Buffer.from(`<svg width="${w}" height="18"><rect width="100%" height="18" fill="#000a"/><text x="4" y="14" font-size="13" fill="#fff">${s}</text></svg>`);

const read: Record<string, number[][]> = {};
const rows: Buffer[] = [];
for (const file of photos) {
  const portrait = await cachedPortrait(file.startsWith('/') ? file : path.join(DATA, file));
  const name = path.basename(file).replace(/\.\w+$/, '');
  let box: { left: number; top: number } | undefined;
  for (const root of roots) {
    const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
    const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
    const r = createRenderer(buildAvatar(portrait), { width: SIZE, height: SIZE });
    const n = r.neutralFrame();
    const line: string[] = [], reads: number[] = [], cells: Buffer[] = [];
    for (const j of jaws) {
      const f = mode === 'audio' ? { ...n, w: { mouthOnPhoto: 1, jawOpen: j } } : { ...n, w: { ...n.w, jawOpen: j } };
      const lm = r.landmarks(f) as P[];
      const mesh = dist(lm[13]!, lm[14]!) / dist(lm[33]!, lm[263]!);
      const img = r.render(f);
      const rgba = new Uint8ClampedArray(img.data);
      const face = (await detectFaces({ width: SIZE, height: SIZE, data: rgba }, { embedding: false }))[0];
      const g = face ? dist(face.landmarks[13]!, face.landmarks[14]!) / dist(face.landmarks[33]!, face.landmarks[263]!) : NaN;
      reads.push(g);
      line.push(`${j}: ${mesh.toFixed(3)}/${g.toFixed(3)}`);
      if (png && j <= sheetMax + 1e-9) {
        if (!box) {
          const cx = (lm[61]![0]! + lm[291]![0]!) / 2, cy = (lm[13]![1]! + lm[14]![1]!) / 2;
          box = { left: Math.round(Math.max(0, Math.min(SIZE - 2 * BOX, cx - BOX))), top: Math.round(Math.max(0, Math.min(SIZE - BOX, cy - BOX / 2))) };
        }
        const crop = await sharp(Buffer.from(rgba.buffer), { raw: { width: SIZE, height: SIZE, channels: 4 } })
          .extract({ ...box, width: 2 * BOX, height: BOX }).resize(2 * BOX * ZOOM, BOX * ZOOM, { kernel: 'lanczos3' }).png().toBuffer();
        cells.push(await sharp(crop).composite([{ input: label(`${name} ${path.basename(root)} jaw ${j}: read ${g.toFixed(3)}`, 2 * BOX * ZOOM), left: 0, top: 0 }]).png().toBuffer());
      }
    }
    (read[path.basename(root)] ??= []).push(reads);
    console.log(`${name.padEnd(10)} ${path.basename(root).padEnd(8)} mesh/read  ${line.join('  ')}`);
    if (cells.length) {
      const W = 2 * BOX * ZOOM, H = BOX * ZOOM;
      rows.push(await sharp({ create: { width: W * cells.length, height: H + 4, channels: 3, background: '#000' } })
        .composite(cells.map((input, k) => ({ input, left: k * W, top: 0 }))).png().toBuffer());
    }
  }
}
for (const [root, curves] of Object.entries(read)) {
  const stats = jaws.map((j, q) => {
    const v = curves.map((c) => c[q]!).filter(Number.isFinite).sort((a, b) => a - b);
    return `${j}: ${v[0]!.toFixed(3)}..${v[v.length - 1]!.toFixed(3)} (min/median ${(v[0]! / Math.max(1e-3, v[Math.floor(v.length / 2)]!)).toFixed(2)})`;
  });
  console.log(`spread ${root.padEnd(8)} ${stats.join('  ')}`);
}
if (png && rows.length) {
  const meta = await Promise.all(rows.map((b) => sharp(b).metadata()));
  const W = Math.max(...meta.map((m) => m.width!)), H = meta[0]!.height!;
  await sharp({ create: { width: W, height: H * rows.length, channels: 3, background: '#000' } })
    .composite(rows.map((input, k) => ({ input, left: 0, top: k * H }))).jpeg({ quality: 82 }).toFile(png);
  console.log(`wrote ${png}`);
}

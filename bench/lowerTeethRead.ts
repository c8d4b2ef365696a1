// The driver's lower-teeth reading (src/motion/lowerTeeth.ts, lowrow35) per frame of a cached 25 fps track, with a sheet of
// the driver's mouths labelled with it, to check it against what one sees (hand labels: --labels k:0|1,...).
// s37 (lowrow37): also the side bands' reading (src/motion/lowerSide.ts), printed and on the sheet as middle|side.
//   node --import tsx bench/lowerTeethRead.ts lp_d6.mp4 --frames 150,156,160 [--labels 156:0,160:1] [--sheet x.jpg] [--fps 25]
import path from 'node:path';
import sharp from 'sharp';
import { decodeVideoFrames } from '../src/io/media.ts';
import { lowerRowShow, lowerShowIod } from '../src/motion/lowerTeeth.ts';
import { lowerSideShow } from '../src/motion/lowerSide.ts';
import { cachedTrack } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const video = args[0]!;
const fps = Number(opt('--fps', '25'));
const raw = await cachedTrack(video, fps);
const frames = opt('--frames', '').split(',').filter(Boolean).map(Number);
const labels = new Map(opt('--labels', '').split(',').filter(Boolean).map((s) => s.split(':').map(Number) as [number, number]));
const sheet = opt('--sheet', '');
const TILE = 200;
const tiles: { input: Buffer; left: number; top: number }[] = [];
let k = 0, n = 0, agree = 0, labelled = 0;
for await (const img of decodeVideoFrames(path.join(SHARED_DATA, 'video', video), { fps, maxSide: 720, maxFrames: Math.max(...frames) + 1 })) {
  if (frames.includes(k)) {
    const r = raw[k], lm = r?.lm;
    const share = lm ? lowerRowShow(img, lm) : null, iod = share === null ? null : lowerShowIod(share, r?.m?.lipGap);
    // (s37 lowrow37: the side bands' reading, lowerSide.ts)
    const side = lm ? lowerSideShow(img, lm) : null, sideIod = side === null ? null : lowerShowIod(side, r?.m?.lipGap);
    const label = labels.get(k);
    const says = iod !== null && iod >= 0.02 ? 1 : 0;
    if (label !== undefined) { labelled++; if (label === says) agree++; }
    console.log(`${video} f${k}: gap ${r?.m?.lipGap?.toFixed(3) ?? '-'} lower share ${share?.toFixed(3) ?? '-'} iod ${iod?.toFixed(3) ?? '-'} side ${sideIod?.toFixed(3) ?? '-'}${label !== undefined ? ` label ${label}${label === says ? '' : ' MISS'}` : ''}`);
    if (sheet && lm) {
      const xs = [61, 291, 0, 17].map((i) => lm[i * 3]!), ys = [61, 291, 0, 17].map((i) => lm[i * 3 + 1]!);
      const cx = (Math.min(...xs) + Math.max(...xs)) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2, half = (Math.max(...xs) - Math.min(...xs)) * 0.65;
      const left = Math.max(0, Math.round(cx - half)), top = Math.max(0, Math.round(cy - half * 0.7));
      const crop = await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } })
        .extract({ left, top, width: Math.min(img.width - left, Math.round(2 * half)), height: Math.min(img.height - top, Math.round(1.4 * half)) })
        .resize(TILE, Math.round(TILE * 0.7)).png().toBuffer();
      const txt = Buffer.from(`<svg width="${TILE}" height="30"><rect width="100%" height="100%" fill="black"/><text x="4" y="20" font-size="16" fill="white">f${k} ${iod?.toFixed(3) ?? '-'}|${sideIod?.toFixed(3) ?? '-'}${label !== undefined ? ` L${label}` : ''}</text></svg>`);
      const col = n % 6, row = Math.floor(n / 6), h = Math.round(TILE * 0.7) + 30;
      tiles.push({ input: crop, left: col * TILE, top: row * h }, { input: await sharp(txt).png().toBuffer(), left: col * TILE, top: row * h + Math.round(TILE * 0.7) });
      n++;
    }
  }
  k++;
}
if (labelled) console.log(`agreement ${agree}/${labelled} (reading >= 0.02 IOD as "lower teeth show")`);
if (sheet && n) {
  const h = Math.round(TILE * 0.7) + 30;
  await sharp({ create: { width: TILE * Math.min(6, n), height: h * Math.ceil(n / 6), channels: 3, background: 'black' } }).composite(tiles).jpeg({ quality: 80 }).toFile(sheet);
  console.log(`sheet ${sheet}`);
}

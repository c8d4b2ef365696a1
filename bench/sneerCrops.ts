// sneer46: a driver's mouth crops at 4x with the tracked landmarks drawn (outer lip line yellow, inner lip loop green, the
// middle landmark 13 red) and the pixels the tracker's teeth test takes (cyan), for the per-side reads (src/motion/sneerRead.ts).
//   node --import tsx bench/sneerCrops.ts 64,120,122 out.png [lp_d6.mp4]
import sharp from 'sharp';
import path from 'node:path';
import { cachedTrack } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { LIPS_OUTER_UPPER, LIPS_OUTER_LOWER, MOUTH_LOOP } from '../src/rig/topology.ts';
import { lipReference, isTeethPixel } from '../src/motion/mouthDark.ts';
const frames = process.argv[2]!.split(',').map(Number);
const out = process.argv[3]!;
const video = process.argv[4] ?? 'lp_d6.mp4';
const raw = await cachedTrack(video, 25);
const S = 4, W = 140, H = 80;
const tiles: Buffer[] = [];
let k = 0;
for await (const fr of decodeVideoFrames(path.join(SHARED_DATA, 'video', video), { fps: 25, maxSide: 720, maxFrames: Math.max(...frames) + 1 })) {
  if (frames.includes(k) && raw[k]?.lm) {
    const lm = raw[k]!.lm!;
    const P = (i: number) => [lm[i * 3]!, lm[i * 3 + 1]!];
    const cx = (P(61)[0] + P(291)[0]) / 2, cy = (P(13)[1] + P(14)[1]) / 2;
    const x0 = Math.round(cx - W / 2), y0 = Math.round(cy - H / 2);
    const img = Buffer.from(fr.data.buffer, fr.data.byteOffset, fr.data.byteLength);
    const crop = await sharp(img, { raw: { width: fr.width, height: fr.height, channels: 4 } }).extract({ left: x0, top: y0, width: W, height: H }).resize(W * S, H * S, { kernel: 'nearest' }).removeAlpha().png().toBuffer();
    // teeth mask
    const { light, sat } = lipReference(fr as any, lm);
    let dots = '';
    for (let y = y0; y < y0 + H; y++) for (let x = x0; x < x0 + W; x++) { const i = (y * fr.width + x) * 4; if (isTeethPixel(fr.data[i]!, fr.data[i + 1]!, fr.data[i + 2]!, light, sat)) dots += `<rect x="${(x - x0) * S + 1}" y="${(y - y0) * S + 1}" width="2" height="2" fill="cyan"/>`; }
    const pl = (ids: number[], c: string) => `<polyline fill="none" stroke="${c}" stroke-width="1" points="${ids.map((i) => `${(P(i)[0] - x0 + 0.5) * S},${(P(i)[1] - y0 + 0.5) * S}`).join(' ')}"/>`;
    const svg = `<svg width="${W * S}" height="${H * S}">${dots}${pl(LIPS_OUTER_UPPER, 'yellow')}${pl(LIPS_OUTER_LOWER, 'yellow')}${pl([...MOUTH_LOOP, MOUTH_LOOP[0]!], 'lime')}<line x1="${(P(13)[0]-x0)*S}" y1="0" x2="${(P(13)[0]-x0)*S}" y2="${H*S}" stroke="red"/><text x="4" y="20" font-size="18" fill="yellow">${video} f${k}</text></svg>`;
    tiles.push(await sharp(crop).composite([{ input: Buffer.from(svg), left: 0, top: 0 }]).png().toBuffer());
  }
  k++;
}
const cols = 2, rows = Math.ceil(tiles.length / cols);
await sharp({ create: { width: W * S * cols, height: H * S * rows, channels: 3, background: '#000' } }).composite(tiles.map((input, i) => ({ input, left: (i % cols) * W * S, top: Math.floor(i / cols) * H * S }))).png().toFile(out);
console.log('wrote', out, tiles.length);

import path from 'node:path';
import { SHARED_DATA } from './sharedData.ts';
import type { RgbaImage } from '../src/types.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { detectFaces } from '../src/face/detect.ts';
import { teethShare } from '../src/motion/mouthDark.ts';
import { upperRowDepth } from '../src/motion/teethDepth.ts';
// A driver's upper row of teeth per chosen frame (grin33): its teeth share (mouthDark.ts) and how far down the opening the row
// hangs (motion/teethDepth.ts), and their ratio (render/mouth/driverTeeth.ts guesses the depth as 2.5 x the share). Never asserts.
//   node --import tsx bench/teethDepthRead.ts lp_d11.mp4 58,98,128
const [video, list] = process.argv.slice(2);
const picked = list!.split(',').map(Number);
let k = 0;
for await (const fr of decodeVideoFrames(path.join(SHARED_DATA, 'video', video!), { fps: 25, maxSide: 720, maxFrames: Math.max(...picked) + 1 })) {
  if (picked.includes(k)) {
    const img = { ...fr, data: new Uint8ClampedArray(fr.data) } as RgbaImage;
    const f = (await detectFaces(img, { embedding: false }))[0];
    if (f) { const lm = (f.landmarks as number[][]).flat(); const s = teethShare(img, lm), dd = upperRowDepth(img, lm); console.log(`${video} f${k} share ${s?.toFixed(2)} depth ${dd?.toFixed(2)} ratio ${s && dd !== null ? (dd / s).toFixed(2) : '-'}`); }
  }
  k++;
}

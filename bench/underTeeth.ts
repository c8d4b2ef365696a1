// What a driver's opening shows under its upper teeth (issue #13, teethline30): per frame, the teeth
// share (motion/mouthDark.ts teethShare) and motion/underTeeth.ts's light under the upper row at its
// darker tenth (the motion's driverUnder), quarter and median, over the lips'; the face mesh read back
// on each frame (not the tracker's crop, so a little off the motion's figures).
//   node --import tsx bench/underTeeth.ts /work/shared/data/video/lp_d10.mp4 103,130,170,183
import { decodeVideoFrames } from '../src/io/media.ts';
import { readLandmarks } from './readBack.ts';
import { teethShare } from '../src/motion/mouthDark.ts';
import { underTeethLight } from '../src/motion/underTeeth.ts';

const file = process.argv[2]!, picks = process.argv[3]!.split(',').map(Number);
let k = 0;
for await (const img of decodeVideoFrames(file, { fps: 25, maxSide: 720, maxFrames: Math.max(...picks) + 1 })) {
  if (picks.includes(k)) {
    const lm = await readLandmarks(img);
    if (lm) {
      const flat = lm.flatMap((p) => [p[0], p[1], 0]);
      const under = [0.1, 0.25, 0.5].map((q) => underTeethLight(img, flat, q)?.toFixed(2) ?? '-');
      console.log(`f${k} teeth share ${teethShare(img, flat)?.toFixed(3)} under the row (tenth / quarter / median) ${under.join(' / ')}`);
    }
  }
  k++;
}
process.exit(0);

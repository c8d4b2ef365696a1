// critic tool (not in repo): per-frame landmarks summary of a video -> JSON
import { writeFileSync } from 'node:fs';
import { decodeVideoFrames } from '../src/io/media.ts';
import { detectFaces } from '../src/face/detect.ts';
import { eyeOpenings } from '../src/eval/eyes.ts';
const [video, out, stepArg] = process.argv.slice(2);
const step = Number(stepArg ?? 1);
const rows: unknown[] = [];
let i = 0;
for await (const f of decodeVideoFrames(video!, { fps: 25, maxFrames: 6 * 25 })) {
  if (i % step === 0) {
    const image = { width: f.width, height: f.height, data: new Uint8ClampedArray(f.data) };
    const face = (await detectFaces(image, { embedding: false }))[0];
    if (face) {
      const lm = face.landmarks as number[][];
      const pick = (ids: number[]) => ids.map((k) => [lm[k]![0], lm[k]![1]]);
      const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
      const gap = Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!);
      const eo = eyeOpenings(lm);
      rows.push({ i, w: f.width, h: f.height, mouth: pick([61, 291, 0, 17, 13, 14]), eyes: pick([33, 133, 362, 263, 105, 334, 70, 300]), face: pick([10, 152, 234, 454]), gap: gap / iod, eyeL: eo.left, eyeR: eo.right, yaw: face.pose.yaw, pitch: face.pose.pitch });
    } else rows.push({ i, w: f.width, h: f.height });
  }
  i++;
}
writeFileSync(out!, JSON.stringify(rows));
console.log(`${video}: ${i} frames, ${rows.filter((r: any) => r.mouth).length} with face`);

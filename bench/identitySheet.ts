// Rows of chosen frames from identityClip.ts's kept videos: the photo | before | after, the face
// zoomed 2.5x beside each frame, with each frame's CSIM (from the two --json files).
//
//   node --import tsx bench/identitySheet.ts --photo P --before DIR --after DIR --before-json A.json
//     --after-json B.json --clip NAME --frames 129,177 --out sheet.jpg
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';

const arg = (n: string) => {
  const i = process.argv.indexOf(n);
  if (i < 0) throw new Error(`missing ${n}`);
  return process.argv[i + 1]!;
};
const clip = arg('--clip');
const frames = arg('--frames').split(',').map(Number);
const CELL = 256;
const csimOf = (file: string) => (JSON.parse(readFileSync(file, 'utf8')).results[clip].csim as (number | null)[]);
const sides = [
  { label: 'before', dir: arg('--before'), csim: csimOf(arg('--before-json')) },
  { label: 'after', dir: arg('--after'), csim: csimOf(arg('--after-json')) },
];

/** frame i of a video as PNG bytes (ffmpeg's select filter; frame-exact at constant fps) */
function frameAt(video: string, i: number): Buffer {
  return execFileSync('ffmpeg', ['-v', 'error', '-i', video, '-vf', `select=eq(n\\,${i})`, '-vframes', '1', '-f', 'image2pipe', '-vcodec', 'png', '-']);
}
const label = (text: string) => Buffer.from(`<svg width="${CELL}" height="22"><rect width="100%" height="100%" fill="black"/><text x="4" y="16" font-size="15" fill="white" font-family="sans-serif">${text}</text></svg>`);
/** the frame and its middle (the face of a head crop: 0.3-0.7 across, 0.2-0.6 down) zoomed 2.5x */
async function cells(png: Buffer): Promise<Buffer[]> {
  const whole = await sharp(png).resize(CELL, CELL).png().toBuffer();
  const m = await sharp(png).metadata();
  const side = Math.round(m.width! * 0.4);
  const face = await sharp(png).extract({ left: Math.round(m.width! * 0.3), top: Math.round(m.height! * 0.2), width: side, height: side }).resize(CELL, CELL).png().toBuffer();
  return [whole, face];
}

const photo = await sharp(arg('--photo')).resize(CELL, CELL, { fit: 'cover' }).png().toBuffer();
const rowH = CELL + 22;
const layers: OverlayOptions[] = [];
for (const [r, i] of frames.entries()) {
  const y = r * rowH;
  layers.push({ input: photo, left: 0, top: y + 22 }, { input: label(`photo | f${i}`), left: 0, top: y });
  for (const [s, side] of sides.entries()) {
    const [whole, face] = await cells(frameAt(path.join(side.dir, `${clip}.mp4`), i));
    const x = CELL * (1 + 2 * s);
    layers.push({ input: whole, left: x, top: y + 22 }, { input: face!, left: x + CELL, top: y + 22 });
    layers.push({ input: label(`${side.label} CSIM ${side.csim[i]?.toFixed(3) ?? '-'}`), left: x, top: y });
  }
}
await sharp({ create: { width: CELL * 5, height: rowH * frames.length, channels: 3, background: '#000' } })
  .composite(layers).jpeg({ quality: 78 }).toFile(arg('--out'));
console.log(`wrote ${arg('--out')}`);

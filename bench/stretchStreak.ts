// The turned far half's streaks (issue #15, s45 turn45): per portrait and yaw, from each checkout,
// cheekAcross (noseStep.ts: the share of gradient energy across x on the revealed cheek past 0.12 face
// widths of the ridge; ~0.5 no direction, toward 1 streaks along x; the rest frame's value is the photo's),
// farNear (far half's median luma over the near half's) and the revealed cheek's fine-detail energy (mean
// |luma - its 3x3 mean|: how much texture is left). Writes each frame as PNG to $STREAK_OUT. Never asserts.
//   node --import tsx bench/stretchStreak.ts [--root DIR] [--yaws -25,0,25] [names...]   (STREAK_OUT=DIR: the frames as PNG)
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import sharp from 'sharp';
import { turnArgs, turnedFrame, turnRenderers } from './turnBench.ts';
import { acrossStretchShare } from '../src/eval/stretch.ts';
import { ridgeXAt } from '../src/avatar/ridgeSideReveal.ts';
import { insidePolygon } from '../src/math/polygon.ts';
import { FACE_OVAL } from '../src/rig/topology.ts';
import type { RgbaImage } from '../src/types.ts';

const { root, yaws, names } = turnArgs('-25,0,25', ['lp_s10.jpg', 'lp_s12.jpg', 'mt_man.png']);
const outDir = process.env.STREAK_OUT ?? ''; // PNGs written there when set
const tag = path.basename(root);
const lumAt = (img: RgbaImage, i: number) => 0.299 * img.data[i * 4]! + 0.587 * img.data[i * 4 + 1]! + 0.114 * img.data[i * 4 + 2]!;
const median = (a: number[]) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[s.length >> 1]! : NaN; };
if (outDir) await mkdir(outDir, { recursive: true });
for await (const r of turnRenderers(root, names)) {
  const cells: string[] = [];
  for (const yaw of yaws) {
    const frame = turnedFrame(r, yaw);
    const img = r.render(frame), lm = r.landmarks(frame);
    const w = img.width, h = img.height;
    if (outDir) await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: w, height: h, channels: 4 } }).png().toFile(path.join(outDir, `${tag}_${r.name.replace(/\.\w+$/, '')}_${yaw}.png`));
    const oval = FACE_OVAL.map((i) => [lm[i]![0], lm[i]![1]] as [number, number]);
    const noseX = lm[168]![0];
    const far: number[] = [], near: number[] = [];
    const half = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      if (!insidePolygon(x + 0.5, y + 0.5, oval)) continue;
      const i = y * w + x, left = x + 0.5 < noseX;
      ((yaw >= 0 ? left : !left) ? far : near).push(lumAt(img, i));
      if (yaw > 0 ? left : yaw < 0 ? !left : true) half[i] = 1;
    }
    const fw = Math.hypot(lm[234]![0] - lm[454]![0], lm[234]![1] - lm[454]![1]), flat = lm.flatMap((p) => [p[0], p[1], 0]);
    const cheek = half.map((m, i) => (m && Math.abs((i % w) + 0.5 - ridgeXAt(flat, Math.floor(i / w) + 0.5)) > 0.12 * fw ? 1 : 0));
    let detail = 0, n = 0;
    for (let y = 1; y < h - 1; y++) for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      if (!cheek[i]) continue;
      let s = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) s += lumAt(img, i + dy * w + dx);
      detail += Math.abs(lumAt(img, i) - s / 9); n++;
    }
    cells.push(`${yaw > 0 ? '+' : ''}${yaw}: cheekAcross ${acrossStretchShare(img, cheek).toFixed(3)} farNear ${(median(far) / median(near)).toFixed(2)} detail ${(detail / Math.max(1, n)).toFixed(2)}`);
  }
  console.log(tag.padEnd(10), r.name.padEnd(13), cells.join(' | '));
}
process.exit(0);

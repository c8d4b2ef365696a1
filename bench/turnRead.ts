// Turned heads read back: renders each portrait's neutral avatar at yaw -25 / 0 / +25 (relative to
// the photo) and reads the frames back with the face mesh, as the critic does: the detector's yaw
// (Human's angle) and the rig fit's yaw, each relative to the rest frame's, and CSIM against the
// photo. Also writes the frames for sheets. Never asserts.
//   node --import tsx bench/turnRead.ts [--out /tmp/turnRead] [--tag after] [--yaws -25,25] [names...]
import path from 'node:path';
import { mkdir, writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { cosineSimilarity } from '../src/eval/metrics.ts';
import { fitRig, type Landmarks } from '../src/rig/fit.ts';
import { cachedPortrait } from './portraitCache.ts';
import type { RgbaImage } from '../src/types.ts';
import { FACE_OVAL } from '../src/rig/topology.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const DATA = SHARED_PORTRAITS;
const args = process.argv.slice(2);
const flag = (name: string, d: string) => { const i = args.indexOf(name); if (i < 0) return d; const v = args[i + 1]!; args.splice(i, 2); return v; };
const out = flag('--out', '/tmp/turnRead');
const tag = flag('--tag', 'after');
const yaws = flag('--yaws', '-25,25').split(',').map(Number);
// --flatten: the renderer's revealFlatten (default: the renderer's own)
const flatten = flag('--flatten', '');
// --no-cross-blur: the renderer's stretchCrossBlur off (s45 turn45's A/B)
const noCross = args.includes('--no-cross-blur') && !!args.splice(args.indexOf('--no-cross-blur'), 1);
// --no-grain: the renderer's stretchGrain off (s49 palemask49's A/B)
const noGrain = args.includes('--no-grain') && !!args.splice(args.indexOf('--no-grain'), 1);
const names = args.length ? args : ['lp_s12.jpg', 'lp_s42.jpg', 'mt_man.png', 'st_happy.png', 'st_art_1.png'];
await mkdir(path.join(out, tag), { recursive: true });

const png = (img: RgbaImage, file: string) => sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } }).png().toFile(file);
const rows: Record<string, unknown>[] = [];
for (const name of names) {
  const portrait = await cachedPortrait(path.join(DATA, name));
  const size = portrait.image.width;
  const photo = (await detectFaces(portrait.image))[0];
  const renderer = createRenderer(buildAvatar(portrait), { width: size, height: size, ...(flatten ? { revealFlatten: Number(flatten) } : {}), ...(noCross ? { stretchCrossBlur: false } : {}), ...(noGrain ? { stretchGrain: false } : {}) });
  const read = async (yaw: number) => {
    const motion = { ...renderer.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } };
    // where the face oval lands (for the sheets' zooms): [x0, y0, x1, y1]
    const lm = renderer.landmarks(motion), xs = FACE_OVAL.map((i) => lm[i]![0]), ys = FACE_OVAL.map((i) => lm[i]![1]);
    const oval = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    const frame = renderer.render(motion);
    await png(frame, path.join(out, tag, `${path.parse(name).name}_${yaw}.png`));
    const f = (await detectFaces(frame))[0];
    if (!f) return { oval };
    const fit = fitRig(f.landmarks as Landmarks, { robust: true });
    const csim = photo ? cosineSimilarity(photo.embedding, f.embedding) : NaN;
    return { human: f.pose.yaw, rig: fit.pose.yaw, csim, oval };
  };
  const rest = await read(0);
  const row: Record<string, unknown> = { name, 0: { oval: rest.oval } };
  let line = name.padEnd(14);
  for (const y of yaws) {
    const r = await read(y);
    if (r.human === undefined || rest.human === undefined) { row[y] = { oval: r.oval }; line += ` ${y}: none`; continue; }
    const h = r.human - rest.human, g = r.rig - rest.rig;
    row[y] = { human: h, rig: g, csim: r.csim, oval: r.oval };
    line += `  ${y > 0 ? '+' : ''}${y}: human ${h.toFixed(1)} rig ${g.toFixed(1)} csim ${r.csim.toFixed(3)}`;
  }
  rows.push(row);
  console.log(line);
}
await writeFile(path.join(out, `${tag}.json`), JSON.stringify(rows, null, 1));

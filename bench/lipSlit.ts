// The lips' slit barely parted and the funnel "O", as the outside critic renders its lip stills
// (`view --expr` at 512x512), per checkout (--root before,after): each still saved losslessly as
// OUT/<root>/<portrait>_<shot>.png with its landmarks (OUT/<root>/<portrait>_<shot>.json), and per
// still the slit's jaggedness (src/eval/slitJag.ts) and grid-lock (src/eval/gridLock.ts: 1 = every
// edge on the pixel grid; real video ~.2). The rest frame's bytes are compared across roots too.
// Never asserts.
//   node --import tsx bench/lipSlit.ts OUT --only katie_f0.png,lp_s42.jpg [--root /work/main,.] [--jaws .03,.06,.1]
import path from 'node:path';
import { mkdir, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { slitJag, type SlitLines } from '../src/eval/slitJag.ts';
import { gridLock } from '../src/eval/gridLock.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';

const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const out = process.argv[2];
if (!out || out.startsWith('--')) throw new Error('usage: node --import tsx bench/lipSlit.ts OUT --only a.png,... [--root before,after] [--jaws .03,.06,.1]');
const files = arg('--only', '/work/review/s21/in/katie_f0.png,lp_s42.jpg').split(',');
const roots = arg('--root', '.').split(',').map((r) => path.resolve(r));
const jaws = arg('--jaws', '0.03,0.06,0.1').split(',').filter(Boolean).map(Number);
const SIZE = Number(arg('--size', '512'));
const { default: sharp } = await import('sharp');

type Shot = [string, Record<string, number>];
const shots: Shot[] = [['rest', {}], ...jaws.map((j): Shot => [`jaw${j}`, { jawOpen: j }]), ['funnelO', { mouthFunnel: 0.8, jawOpen: 0.3 }]];
const rows: string[] = [];
const sums = new Map<string, number[]>();
for (const file of files) {
  const portrait = await cachedPortrait(path.isAbsolute(file) ? file : path.join(SHARED_PORTRAITS, file));
  const name = path.basename(file).replace(/\.[a-z]+$/, '');
  const restHashes: string[] = [];
  for (const root of roots) {
    const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
    const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
    const r = createRenderer(buildAvatar(portrait), { width: SIZE, height: SIZE });
    const n: MotionFrame = r.neutralFrame();
    const tag = path.basename(root);
    await mkdir(path.join(out, tag), { recursive: true });
    for (const [shot, w] of shots) {
      const frame: MotionFrame = { ...n, w: { ...n.w, ...w } };
      const img: RgbaImage = r.render(frame);
      const lm = r.landmarks(frame) as [number, number, number][];
      const base = path.join(out, tag, `${name}_${shot}`);
      await writeFile(`${base}.png`, await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), { raw: { width: img.width, height: img.height, channels: 4 } }).png().toBuffer());
      await writeFile(`${base}.json`, JSON.stringify(lm.map((p) => [p[0], p[1]])));
      if (shot === 'rest') { restHashes.push(createHash('sha1').update(img.data).digest('hex').slice(0, 10)); continue; }
      const lines: SlitLines = { upper: LIPS_INNER_UPPER.map((i) => [lm[i]![0], lm[i]![1]]), lower: LIPS_INNER_LOWER.map((i) => [lm[i]![0], lm[i]![1]]) };
      const jag = slitJag(img, lines), lock = gridLock(img, lines);
      rows.push(`${`${name} ${shot}`.padEnd(24)} ${tag.padEnd(12)} grid-lock ${lock.toFixed(2)}  jag ${jag.jag.toFixed(2)}  offLine ${jag.offLine.toFixed(2)}`);
      for (const [k, v] of [[`${tag} ${shot} grid-lock`, lock], [`${tag} ${shot} jag`, jag.jag]] as const) if (Number.isFinite(v)) sums.set(k, [...(sums.get(k) ?? []), v]);
    }
  }
  rows.push(`${name} rest frame sha1 per root: ${restHashes.join(' ')}${new Set(restHashes).size === 1 ? ' (identical)' : ' (DIFFER)'}`);
}
for (const row of rows) console.log(row);
const med = (xs: number[]) => { const s = xs.slice().sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };
for (const [k, v] of sums) console.log(`${k.padEnd(30)} median ${med(v).toFixed(2)} mean ${(v.reduce((a, b) => a + b, 0) / v.length).toFixed(2)} over ${v.length}`);

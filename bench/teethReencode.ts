// How a driver's teeth readings move under a re-encode (issue #13, s50 toothhole50; critic49: mt_man <- pcavs681's 3-9 s cut
// read driverTeeth .050 at f105 where the uncut clip reads .091). The clip is re-encoded at each CRF (libx264, the same size
// and rate), every decode is read with the SAME landmarks (the source's cached track), so what moves is the pixels alone;
// `--cut FILE --cut-start N` adds a cut made elsewhere (its frame k = the source's k + N), read with the source's
// landmarks and with its own track's (what the product reads on it). Per frame: the lips' light / saturation, the teeth
// share, the soft share, the upper row's depth, the lower row's show; then over the whole clip the mean |change| of the
// share against the source and the frames whose share crosses .05.
//   node --import tsx bench/teethReencode.ts --video SRC.mp4 --crf 23,30 --frames 180,182 [--cut CUT.mp4 --cut-start 75]
// Never asserts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RgbaImage } from '../src/types.ts';
import { isTeethPixel, lipReference, teethShare } from '../src/motion/mouthDark.ts';
import { lowerMass, paleTongueWeight } from '../src/motion/paleTongue.ts';
import { MOUTH_LOOP } from '../src/rig/topology.ts';
import { softTeethRead } from '../src/motion/softTeeth.ts';
import { upperRowDepth } from '../src/motion/teethDepth.ts';
import { lowerRowShow } from '../src/motion/lowerTeeth.ts';
import { middleBox } from '../src/motion/mouthMiddle.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { cachedTrack } from './driverTracks.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const src = opt('--video', ''), crfs = opt('--crf', '23').split(',').filter(Boolean), cut = opt('--cut', ''), cutStart = Number(opt('--cut-start', '0'));
const frames = opt('--frames', '').split(',').filter(Boolean).map(Number);
const FF = path.join(import.meta.dirname, '../node_modules/@ffmpeg-installer/linux-x64/ffmpeg');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'reenc-'));
const f2 = (v: number | null | undefined) => (v == null || !Number.isFinite(v) ? ' -- ' : v.toFixed(3));

async function decodeAll(file: string): Promise<RgbaImage[]> {
  const out: RgbaImage[] = [];
  for await (const img of decodeVideoFrames(file, { fps: 25, maxSide: 720 })) out.push(img);
  return out;
}
interface Read { light: number; sat: number; tex: number; lsat: number; nlow: number; tw: number; share: number | null; soft: number | null; depth: number | null; lower: number | null }
function read(img: RgbaImage, lm: Float32Array): Read {
  const ref = lipReference(img, lm), box = middleBox(img, lm);
  const poly = MOUTH_LOOP.map((k) => [lm[k * 3]!, lm[k * 3 + 1]!] as [number, number]);
  const m = lowerMass(img, poly, (r, g, b) => isTeethPixel(r, g, b, ref.light, ref.sat), ref.light);
  return { light: ref.light, sat: ref.sat, tex: m.texture, lsat: m.lowerSat, nlow: m.lower, tw: paleTongueWeight(m), share: teethShare(img, lm), soft: softTeethRead(img, lm)?.share ?? null, depth: upperRowDepth(img, box), lower: lowerRowShow(img, box) };
}

const track = await cachedTrack(src, 25, { cache: process.env.REAL3D_CACHE! });
const decodes: { name: string; imgs: RgbaImage[]; offset: number; own?: Awaited<ReturnType<typeof cachedTrack>> }[] = [{ name: 'src', imgs: await decodeAll(src), offset: 0 }];
for (const crf of crfs) {
  const file = path.join(tmp, `crf${crf}.mp4`);
  execFileSync(FF, ['-v', 'error', '-y', '-i', src, '-an', '-c:v', 'libx264', '-preset', 'medium', '-crf', crf, '-pix_fmt', 'yuv420p', file]);
  decodes.push({ name: `crf${crf}`, imgs: await decodeAll(file), offset: 0 });
}
if (cut) decodes.push({ name: 'cut', imgs: await decodeAll(cut), offset: cutStart, own: await cachedTrack(cut, 25, { cache: process.env.REAL3D_CACHE! }) });

for (const f of frames) {
  const lm = track[f]?.lm;
  if (!lm) { console.log(`f${f}: no face`); continue; }
  for (const d of decodes) {
    const img = d.imgs[f - d.offset];
    if (!img) continue;
    const r = read(img, lm);
    let line = `f${f} ${d.name.padEnd(6)} lip L ${r.light.toFixed(0)} s ${f2(r.sat)} | share ${f2(r.share)} soft ${f2(r.soft)} depth ${f2(r.depth)} lower ${f2(r.lower)} | low n ${r.nlow} tex ${f2(r.tex)} sat ${f2(r.lsat)} tongue ${f2(r.tw)}`;
    const own = d.own?.[f - d.offset]?.lm;
    if (own) { const o = read(img, own); line += ` || own lm: lip L ${o.light.toFixed(0)} s ${f2(o.sat)} share ${f2(o.share)} soft ${f2(o.soft)} depth ${f2(o.depth)} lower ${f2(o.lower)} tex ${f2(o.tex)} sat ${f2(o.lsat)} tongue ${f2(o.tw)}`; }
    console.log(line);
  }
}
// over the clip: each decode's share against the source's, same landmarks
const base = decodes[0]!;
for (const d of decodes.slice(1)) {
  let n = 0, sum = 0, cross = 0, lo = 0, hi = 0;
  for (let f = d.offset; f < base.imgs.length && f - d.offset < d.imgs.length; f++) {
    const lm = track[f]?.lm;
    if (!lm) continue;
    const a = teethShare(base.imgs[f]!, lm), b = teethShare(d.imgs[f - d.offset]!, lm);
    if (a === null || b === null) continue;
    n++; sum += Math.abs(a - b);
    if ((a > 0.05) !== (b > 0.05)) { cross++; if (b < a) lo++; else hi++; }
  }
  console.log(`${d.name}: ${n} open frames, mean |share - src| ${(sum / Math.max(1, n)).toFixed(4)}, crossing .05: ${cross} (${lo} lost, ${hi} gained)`);
}

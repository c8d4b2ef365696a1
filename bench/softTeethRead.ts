// The soft-teeth read over whole driver tracks (issue #13, teethread46): every frame of a cached track (driverTracks.ts)
// decoded as the tracker decodes it, its teeth share as tracked (mouthDark.ts isTeethPixel) and with the soft read
// (softTeeth.ts teethWithSoft, the tracker's since s46), then the motion's driverTeeth both ways (driverMouthReads.ts):
// frames over .05 / .1 / .3, the mean and largest per-frame change, the frames changed > .05 and the largest changes.
// `--yes 5,10 --no 0,30`: frames labelled by eye (teeth seen / not): the share of each over .05 and .3, before -> after.
// Tracks made by this checkout's tracker already carry the soft read: pass `--base-cache DIR`, a cache holding a track by
// the tracker before s46 (its newest track of the clip is taken; driverTracks.ts cachedTrack `by`).
//   node --import tsx bench/softTeethRead.ts --video lp_d6.mp4 --fps 25 [--yes ..] [--no ..] [--list 12] [--save PREFIX]
// Never asserts.
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import type { RgbaImage } from '../src/types.ts';
import type { RawFaceFrame } from '../src/motion/faceTracker.ts';
import { softTeethRead } from '../src/motion/softTeeth.ts';
import { darknessOfTeeth } from '../src/motion/mouthDark.ts';
import { withDriverMouthReads } from '../src/motion/driverMouthReads.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { cachedTrack } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const video = opt('--video', 'lp_d6.mp4'), fps = Number(opt('--fps', '25'));
const list = (s: string) => s.split(',').filter(Boolean).map(Number);
const yes = list(opt('--yes', '')), no = list(opt('--no', ''));
const baseCache = opt('--base-cache', '');
const raw = await cachedTrack(video, fps, baseCache ? { cache: baseCache } : undefined);
const file = video.includes('/') ? video : path.join(SHARED_DATA, 'video', video);
const after: (RawFaceFrame | null)[] = raw.map((r) => r && { ...r });
let k = 0;
for await (const img of decodeVideoFrames(file, { fps, maxSide: 720, maxFrames: raw.length })) {
  const r = after[k];
  if (r?.lm && r.teethShare != null) {
    r.teethShare = Math.max(r.teethShare, softTeethRead(img as RgbaImage, r.lm)?.share ?? 0);
    r.mouthDark = darknessOfTeeth(r.teethShare);
  }
  k++;
}
const series = (track: (RawFaceFrame | null)[]) => {
  const m = track.map(() => ({ w: {} as Record<string, number>, mouthDark: undefined as number | undefined }));
  withDriverMouthReads(m as never, track);
  return m.map((f) => f.w.driverTeeth ?? 0);
};
const b = series(raw), a = series(after), n = b.length;
const over = (s: number[], t: number, at?: number[]) => (at ?? s.map((_, i) => i)).filter((i) => s[i]! > t).length;
const f2 = (v: number) => v.toFixed(2);
const d = a.map((v, i) => v - b[i]!);
console.log(`${path.basename(video)} ${fps} fps ${n} frames (${k} decoded): driverTeeth > .05 ${over(b, 0.05)} -> ${over(a, 0.05)}, > .1 ${over(b, 0.1)} -> ${over(a, 0.1)}, > .3 ${over(b, 0.3)} -> ${over(a, 0.3)}; mean change ${(d.reduce((s, v) => s + Math.abs(v), 0) / n).toFixed(3)}, frames changed > .05 ${d.filter((v) => Math.abs(v) > 0.05).length}, > .1 ${d.filter((v) => Math.abs(v) > 0.1).length}`);
if (yes.length) console.log(`  teeth seen (${yes.length} frames): > .05 ${over(b, 0.05, yes)} -> ${over(a, 0.05, yes)}, > .3 ${over(b, 0.3, yes)} -> ${over(a, 0.3, yes)}; median ${f2(med(yes.map((i) => b[i]!)))} -> ${f2(med(yes.map((i) => a[i]!)))}`);
if (no.length) console.log(`  no teeth (${no.length} frames): > .05 ${over(b, 0.05, no)} -> ${over(a, 0.05, no)}, > .3 ${over(b, 0.3, no)} -> ${over(a, 0.3, no)}; largest ${f2(Math.max(...no.map((i) => b[i]!)))} -> ${f2(Math.max(...no.map((i) => a[i]!)))}`);
const top = d.map((v, i) => i).sort((p, q) => Math.abs(d[q]!) - Math.abs(d[p]!)).slice(0, Number(opt('--list', '12')));
console.log(`  largest changes: ${top.map((i) => `f${i} ${f2(b[i]!)}->${f2(a[i]!)}`).join(', ')}`);
// (`--save PREFIX`: both motions, PREFIX.before.json / PREFIX.after.json, for bench/teethAB.ts)
const save = opt('--save', '');
if (save) for (const [tag, track] of [['before', raw], ['after', after]] as const) {
  const { frames } = motionFramesFromRaw(track, fps, true);
  withDriverMouthReads(frames, track);
  await writeFile(`${save}.${tag}.json`, JSON.stringify({ version: 1, fps, frameCount: frames.length, frames }));
}
function med(v: number[]): number { const s = [...v].sort((p, q) => p - q); return s.length ? s[Math.floor(s.length / 2)]! : NaN; }

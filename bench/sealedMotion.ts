// The video motion with and without the sealed-lips reading (s40 sealed40: src/motion/sealedLips.ts, sealedClose.ts), from
// one cached track (--from DIR: another cache's track, e.g. made before the reading existed; the reading is then computed
// here on the decoded frames, as the tracker would). Saves both motions (OUT/before.json: the track without the reading,
// main's behaviour; OUT/after.json: with it) and prints, per frame of --frames, the sealed weight and jawOpen /
// mouthLowerDown / mouthUpperUp before -> after; and over the whole clip the frames whose opening changed. Never asserts.
//   node --import tsx bench/sealedMotion.ts lp_d6.mp4 OUT [--frames 170-190] [--from DIR] [--fps 25]
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { decodeVideoFrames } from '../src/io/media.ts';
import { videoMotionFromRaw } from '../src/motion/fromVideo.ts';
import { saveMotion } from '../src/motion/record.ts';
import { sealedShare } from '../src/motion/sealedLips.ts';
import { sealedSeries } from '../src/motion/sealedClose.ts';
import { cachedTrack } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const [video, out] = args as [string, string];
const fps = Number(opt('--fps', '25'));
const from = opt('--from', '');
const raw = await cachedTrack(video, fps, from ? { cache: from } : undefined);
if (raw.every((r) => r?.sealed === undefined)) {
  let k = 0;
  for await (const img of decodeVideoFrames(path.join(SHARED_DATA, 'video', video), { fps, maxSide: 720, maxFrames: raw.length })) {
    const r = raw[k++];
    if (r?.lm) r.sealed = sealedShare(img, r.lm);
  }
}
const file = path.join(SHARED_DATA, 'video', video), o = { fps, mapToInitPose: true, maxSide: 720 };
const before = videoMotionFromRaw(raw.map((r) => r && { ...r, sealed: undefined }), file, o);
const after = videoMotionFromRaw(raw, file, o);
await mkdir(out, { recursive: true });
await saveMotion(before, path.join(out, 'before.json'));
await saveMotion(after, path.join(out, 'after.json'));
const sealed = sealedSeries(raw) ?? [];
const frames = new Set<number>();
for (const p of opt('--frames', '').split(',').filter(Boolean)) {
  const [a, b] = p.split('-').map(Number);
  for (let k = a!; k <= (b ?? a!); k++) frames.add(k);
}
const W = ['jawOpen', 'mouthLowerDown', 'mouthUpperUp'];
const f2 = (v: number | undefined) => (v ?? 0).toFixed(3);
for (const k of frames) {
  const b = before.frames[k]?.w ?? {}, a = after.frames[k]?.w ?? {};
  console.log(`f${k} gap ${raw[k]?.m.lipGap.toFixed(3) ?? '-'} shut ${raw[k]?.sealed?.toFixed(2) ?? '-'} sealed ${f2(sealed[k])} ` + W.map((w) => `${w} ${f2(b[w])} -> ${f2(a[w])}`).join('  '));
}
let changed = 0, bigger = 0;
const changedAt: number[] = [];
before.frames.forEach((f, k) => {
  const d = Math.abs((f.w.jawOpen ?? 0) - (after.frames[k]!.w.jawOpen ?? 0));
  if (d > 1e-9) { changed++; changedAt.push(k); }
  if (d > 0.02) bigger++;
});
console.log(`${video}: ${changed}/${before.frames.length} frames with jawOpen changed (${bigger} by > .02): ${changedAt.join(',')}`);

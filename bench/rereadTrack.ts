// A cached track's per-frame readings made again on its own landmarks by this checkout's code (faceTracker.ts
// frameReadings), without the face model (s50 toothhole50): a reading change costs a decode, not a re-track, and a
// before/after pair reads the SAME landmarks (the cache keeps them rounded to .01 px, so both sides of a pair should be
// re-read). `--soft-crest`: the soft read as before s50 (a tall ridge's crest alone, softTeeth.ts tallArea false).
//   node --import tsx bench/rereadTrack.ts --video vrt2_6.mp4 --out /tmp/vrt2.track.json [--from-cache DIR] [--soft-crest]
// (--video: a name in shared/data/video or a path; --from-cache: the cache holding the track, any fingerprint, default
// REAL3D_CACHE; `--no-lead`: the soft read without the lip's rows over the contour, as before s51 teethread51, softTeeth.ts LEAD_IOD 0 (`--lead X`: that many IOD); `--pale-lower`: the lower row dropped under a pale tongue as before s50 lowerrow50, lowerTeeth.ts THROUGH_PALE; `--below X`: the lower row followed under the contour up to X of the column's height, lowerTeeth.ts BELOW_LIP, s51 lowerread51). Writes the track as driverTracks.ts stores one. Never asserts.
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { decodeVideoFrames } from '../src/io/media.ts';
import { frameReadings } from '../src/motion/faceTracker.ts';
import { whiteRefSetting } from '../src/motion/lowerTeeth.ts';
import { cachedTrack } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const video = opt('--video', ''), out = opt('--out', ''), fps = Number(opt('--fps', '25'));
const from = opt('--from-cache', process.env.REAL3D_CACHE ?? '');
// (`--no-white`: the lower row's tests without the eye-white reference, as before s53 whiteref53; `--white-margin X`: its margin)
if (args.includes('--no-white')) whiteRefSetting.on = false;
if (args.includes('--white-margin')) whiteRefSetting.margin = Number(opt('--white-margin', String(whiteRefSetting.margin)));
const raw = await cachedTrack(video, fps, { cache: from });
const file = video.includes('/') ? video : path.join(SHARED_DATA, 'video', video);
let f = 0, changed = 0;
for await (const img of decodeVideoFrames(file, { fps, maxSide: 720 })) {
  const r = raw[f];
  if (r?.lm) {
    const before = r.teethShare;
    Object.assign(r, frameReadings(img, r.lm, { tallArea: !args.includes('--soft-crest'), ...(args.includes('--no-lead') ? { leadIod: 0 } : args.includes('--lead') ? { leadIod: Number(opt('--lead', '0.03')) } : {}) }, { throughPale: !args.includes('--pale-lower'), ...(args.includes('--below') ? { belowLip: Number(opt('--below', '0')) } : {}) }));
    if (before !== r.teethShare) changed++;
  }
  f++;
}
const round = (v: number) => Math.round(v * 100) / 100;
const slim = raw.map((r) => r && { ...r, lm: r.lm ? Array.from({ length: r.lm.length / 3 }, (_, i) => [round(r.lm![i * 3]!), round(r.lm![i * 3 + 1]!), round(r.lm![i * 3 + 2]!)]) : undefined });
await writeFile(out, JSON.stringify(slim));
console.log(`${out}: ${raw.length} frames re-read (${changed} teeth shares differ from the cached track's)`);

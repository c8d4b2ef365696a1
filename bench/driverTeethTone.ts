// The driver's teeth tone (motion/teethTone.ts) as the tracker reads it, per clip, from a cached track's landmarks (any
// checkout's: `--cache`, the newest track of the video there) on the video's own frames at 25 fps, 720 px: what the motion
// carries (the clip's median), how many frames were read, their spread, and why the others were not (gap, share, small face,
// dark cheeks, faint row). Figures only; never asserts.
//   node --import tsx bench/driverTeethTone.ts lp_d6.mp4 /work/review/s48/media/katie8.mp4 [--cache /work/cache/base55]
import path from 'node:path';
import { decodeVideoFrames } from '../src/io/media.ts';
import { clipTeethTone, teethToneRead, teethToneSetting } from '../src/motion/teethTone.ts';
import { quantile } from '../src/math/stats.ts';
import { cachedTrack } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';

const opt = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const cache = opt('--cache');
const videos = process.argv.slice(2).filter((a, k, all) => !a.startsWith('--') && !all[k - 1]?.startsWith('--'));

for (const video of videos) {
  const raw = await cachedTrack(video, 25, cache ? { cache } : undefined);
  const file = video.startsWith('/') ? video : path.join(SHARED_DATA, 'video', video);
  const reads: (number | null)[] = [], why: Record<string, number> = {}, bins: number[][] = [[], [], [], []];
  let k = 0;
  for await (const img of decodeVideoFrames(file, { fps: 25, maxSide: 720 })) {
    const r = raw[k++];
    if (!r?.lm) { reads.push(null); continue; }
    const v = teethToneRead(img, r.lm, r.teethShare);
    reads.push(v);
    if (v !== null) {
      const lm = r.lm, gap = Math.hypot(lm[39]! - lm[42]!, lm[40]! - lm[43]!) / Math.hypot(lm[99]! - lm[789]!, lm[100]! - lm[790]!);
      bins[Math.min(3, Math.floor((gap - 0.06) / 0.04))]!.push(v);
    }
    if (v === null) {
      const lm = r.lm, iod = Math.hypot(lm[99]! - lm[789]!, lm[100]! - lm[790]!), gap = Math.hypot(lm[39]! - lm[42]!, lm[40]! - lm[43]!) / iod;
      const key = r.teethShare == null || r.teethShare < teethToneSetting.minShare ? 'share' : iod < teethToneSetting.minIod ? 'small' : gap < teethToneSetting.gap[0] || gap > teethToneSetting.gap[1] ? 'gap' : 'dark/faint/few';
      why[key] = (why[key] ?? 0) + 1;
    }
  }
  const ok = reads.filter((v): v is number => v !== null);
  const q = (p: number) => (ok.length ? quantile(ok, p).toFixed(3) : '-');
  console.log(`${path.basename(video).padEnd(24)} tone ${clipTeethTone(reads) ?? 'none'} read ${ok.length}/${reads.length} p10 ${q(0.1)} p50 ${q(0.5)} p90 ${q(0.9)} unread ${JSON.stringify(why)} | by gap .06/.10/.14/.18: ${bins.map((b) => (b.length ? `${quantile(b, 0.5).toFixed(2)}(${b.length})` : '-')).join(' ')}`);
}

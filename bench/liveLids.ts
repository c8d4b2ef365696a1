// The live retarget's per-eye closures on the cached bench tracks (bench/driverTracks.ts), fed frame by frame as the
// live page feeds its webcam (src/live/retarget.ts), with the alikeEyes rule off and on (livelids51, issue #14): the
// count of frames whose two closures (foldBlink of blink and eyeBlink) differ by more than --gap (.25), and, for
// frames named as `driver:frame` (real winks to keep), the closures off | on.
// --windows 0,250,... (s52 livegrain52): the live rule on with each rest window in frames (LiveRetargetOptions
// restSeconds = frames / fps: the eye rest re-read over that many latest frames; 0 = the first 10 frames'), printed beside the video path's closures
// (motionFramesFromRaw, whole-clip rest) as the reference: the split count, the mean |closure - video's| per eye and
// the mean |(L - R) - video's (L - R)| (how far live's one-eyed difference is from the video path's).
//   node --import tsx bench/liveLids.ts [--fps 25] [--gap .25] [--list] [--windows 0,250] [drivers...] [lp_d10.mp4:305 ...]
import { cachedTrack, DRIVERS } from './driverTracks.ts';
import { LiveRetarget } from '../src/live/retarget.ts';
import { foldBlink } from '../src/motion/restFace.ts';
import { eyeSharesOf } from '../src/motion/blinkPairTrust.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import type { RawFaceFrame } from '../src/motion/faceTracker.ts';

const args = process.argv.slice(2);
const opt = (name: string, d: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : d);
const fps = opt('--fps', 25), gap = opt('--gap', 0.25), list = args.includes('--list');
const windows = args.includes('--windows') ? args[args.indexOf('--windows') + 1]!.split(',').map(Number) : null;
const free = args.filter((a, k) => !a.startsWith('--') && !['--fps', '--gap', '--windows'].includes(args[k - 1]!));
const picks = free.filter((a) => a.includes(':')).map((a) => a.split(':') as [string, string]);
const drivers = free.filter((a) => !a.includes(':'));
const names = drivers.length ? drivers : [...new Set(picks.length ? picks.map((p) => p[0]) : DRIVERS)];

type Pair = [number, number] | null;
/** The live retarget's per-eye closures per frame of a track (null: no face or still calibrating). */
function liveClosures(raw: (RawFaceFrame | null)[], alikeEyes: boolean, restWindow?: number): Pair[] {
  const live = new LiveRetarget(fps, { alikeEyes, restSeconds: restWindow === undefined ? undefined : restWindow / fps });
  return raw.map((r, i) => {
    if (!r?.lm) return null;
    const pts = Array.from({ length: r.lm.length / 3 }, (_, k) => [r.lm![k * 3]!, r.lm![k * 3 + 1]!, r.lm![k * 3 + 2]!]);
    const f = live.update(pts, i / fps);
    return f ? [foldBlink(f.blink, f.w.eyeBlinkLeft ?? 0), foldBlink(f.blink, f.w.eyeBlinkRight ?? 0)] : null;
  });
}

const f2 = (v: number) => v.toFixed(2);
const split = (c: Pair[]) => c.map((p, i) => (p && Math.abs(p[0] - p[1]) > gap ? i : -1)).filter((i) => i >= 0);
const show = (p: Pair | undefined) => (p ? p.map(f2).join('/') : '-');

if (windows) {
  const sums = windows.map(() => ({ split: 0, eye: 0, diff: 0, n: 0 }));
  let videoSplit = 0;
  for (const name of names) {
    const raw = await cachedTrack(name, fps);
    const video: Pair[] = motionFramesFromRaw(raw, fps, true).frames.map((f) => [foldBlink(f.blink, f.w.eyeBlinkLeft ?? 0), foldBlink(f.blink, f.w.eyeBlinkRight ?? 0)]);
    videoSplit += split(video).length;
    const rows = windows.map((w, k) => {
      const c = liveClosures(raw, true, w);
      let eye = 0, diff = 0, n = 0;
      c.forEach((p, i) => {
        const v = video[i];
        if (!p || !v) return;
        eye += (Math.abs(p[0] - v[0]) + Math.abs(p[1] - v[1])) / 2; diff += Math.abs(p[0] - p[1] - (v[0] - v[1])); n++;
      });
      const s = sums[k]!; s.split += split(c).length; s.eye += eye; s.diff += diff; s.n += n;
      return { w, c, text: `window ${String(w).padStart(4)}: split ${String(split(c).length).padStart(3)}  |closure - video's| ${f2(eye / n)}  |L-R - video's| ${f2(diff / n)}` };
    });
    console.log(`${name}: ${raw.length} frames; the video path splits ${split(video).length}`);
    for (const r of rows) console.log(`  ${r.text}${list ? `\n    ${split(r.c).join(' ')}` : ''}`);
    for (const [, at] of picks.filter((p) => p[0] === name)) {
      const i = Number(at);
      console.log(`  f${i}: video ${show(video[i])}  ${rows.map((r) => `w${r.w} ${show(r.c[i])}`).join('  ')}`);
    }
  }
  console.log(`total: video splits ${videoSplit}; ${windows.map((w, k) => `window ${w}: split ${sums[k]!.split}, |closure - video's| ${f2(sums[k]!.eye / sums[k]!.n)}, |L-R - video's| ${f2(sums[k]!.diff / sums[k]!.n)}`).join('; ')}`);
} else {
  let total = [0, 0];
  for (const name of names) {
    const raw = await cachedTrack(name, fps);
    const off = liveClosures(raw, false), on = liveClosures(raw, true);
    const so = split(off), sn = split(on);
    total = [total[0]! + so.length, total[1]! + sn.length];
    console.log(`${name}: ${raw.length} frames, |closure L - R| > ${gap}: ${so.length} -> ${sn.length}`);
    if (list) console.log(`  off: ${so.join(' ')}\n  on:  ${sn.join(' ')}`);
    // the live rest face, as LiveRetarget's: needed only to print the shares beside the picks
    for (const [, at] of picks.filter((p) => p[0] === name)) {
      const i = Number(at), a = off[i], b = on[i];
      const first = raw.filter((r) => r?.lm).slice(0, 10).map((r) => r!.m);
      const rest = { eyeLeft: first.reduce((s, m) => s + m.eyeLeft, 0) / first.length, eyeRight: first.reduce((s, m) => s + m.eyeRight, 0) / first.length };
      const sh = raw[i] ? eyeSharesOf(raw[i]!.m, rest).map(f2).join('/') : '-';
      console.log(`  f${i}: shares ~${sh}  off ${show(a)}  on ${show(b)}`);
    }
  }
  console.log(`total: ${total[0]} -> ${total[1]}`);
}

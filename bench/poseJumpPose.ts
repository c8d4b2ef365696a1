// s56 (posejump56): the poseAtJumpBridged + gazeAtJumpBridged rules (motion/poseJumpWide.ts bridgedAtJumps) off -> on per cached 25 fps
// track (or the videos named). Per jump run (poseJumps): the largest frame-to-frame step of the smoothed pose over the
// run and two frames either side (deg for yaw/pitch/roll, tz in face widths), off -> on; over the whole clip the largest
// step off -> on (a real nod or turn must stay) and the mean |on - off| pose change away from the jumps (> 6 frames).
// Then which other smoothed readings (w.*, gaze, vergence) leave their flanks' line on the jump frames (off). Never asserts.
//   node --import tsx bench/poseJumpPose.ts [video.mp4 ...] [--runs]
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { cachedTrack } from './driverTracks.ts';
import { motionFramesFromRaw, usableFrames } from '../src/motion/framesFromRaw.ts';
import { poseJumps } from '../src/motion/poseJumpWide.ts';
import type { MotionFrame } from '../src/types.ts';
import { BENCH_CACHE } from './benchCache.ts';

const named = process.argv.slice(2).filter((a) => a.endsWith('.mp4'));
const showRuns = process.argv.includes('--runs');
const dir = path.join(BENCH_CACHE, 'tracks');
const videos = named.length ? named : readdirSync(dir).filter((f) => /\.25fps\.[0-9a-f]+\.json$/.test(f)).map((f) => f.replace(/\.25fps\..*$/, ''));
const ANG = ['yaw', 'pitch', 'roll'] as const;
const f2 = (v: number) => v.toFixed(2), f3 = (v: number) => v.toFixed(3);
type P = MotionFrame['pose'];
/** Largest frame-to-frame step over [a, b]: degrees (any angle) and tz. */
function steps(fr: MotionFrame[], a: number, b: number): { deg: number; tz: number } {
  let deg = 0, tz = 0;
  for (let i = Math.max(1, a); i <= Math.min(fr.length - 1, b); i++) {
    const p = fr[i]!.pose as P, q = fr[i - 1]!.pose as P;
    deg = Math.max(deg, ...ANG.map((k) => Math.abs(p[k] - q[k])));
    tz = Math.max(tz, Math.abs(p.tz - q.tz));
  }
  return { deg, tz };
}
/** Named scalar readings of a frame other than the pose. */
const readings = (f: MotionFrame): Record<string, number> => ({ ...(f.w as Record<string, number>), gazeX: f.gaze?.[0] ?? 0, gazeY: f.gaze?.[1] ?? 0, vergence: (f as { vergence?: number }).vergence ?? 0 });
for (const video of [...new Set(videos)].sort()) {
  const raw = await cachedTrack(video, 25);
  const valid = usableFrames(raw);
  const jumps = poseJumps(raw.map((r, i) => (valid[i] && r ? r.angles : null)), 25);
  const run = (on: boolean) => motionFramesFromRaw(raw, 25, true, { fit: { poseAtJumpBridged: on, gazeAtJumpBridged: on } }).frames;
  const off = run(false), on = run(true);
  const runs: [number, number][] = [];
  for (let s = 0; s < jumps.length; s++) if (jumps[s]) { let e = s; while (jumps[e + 1]) e++; runs.push([s, e]); s = e; }
  let offDeg = 0, onDeg = 0, offTz = 0, onTz = 0;
  const lines: string[] = [];
  const off_: Record<string, number> = {}, on_: Record<string, number> = {};
  for (const [s, e] of runs) {
    const a = steps(off, s - 2, e + 3), b = steps(on, s - 2, e + 3);
    offDeg += a.deg; onDeg += b.deg; offTz += a.tz; onTz += b.tz;
    const rp = (i: number) => `${f2(raw[i]!.angles.pitch)}`;
    lines.push(`  f${s}-${e} raw pitch ${rp(s - 1)} -> ${Array.from({ length: e - s + 1 }, (_, k) => rp(s + k)).join('/')} -> ${rp(e + 1)}; step deg ${f2(a.deg)} -> ${f2(b.deg)}, tz ${f3(a.tz)} -> ${f3(b.tz)}`);
    // other readings (off): how far each jump frame lies off its flanks' line
    for (const [fr, m] of [[off, off_], [on, on_]] as const) {
      const A = readings(fr[s - 1]!), B = readings(fr[e + 1]!);
      for (let i = s; i <= e; i++) {
        const X = readings(fr[i]!), t = (i - s + 1) / (e - s + 2);
        for (const k of Object.keys(X)) m[k] = Math.max(m[k] ?? 0, Math.abs(X[k]! - ((A[k] ?? 0) + t * ((B[k] ?? 0) - (A[k] ?? 0)))));
      }
    }
  }
  const near = (i: number) => runs.some(([s, e]) => i >= s - 6 && i <= e + 6);
  let far = 0, farN = 0;
  off.forEach((f, i) => { if (!near(i)) { far += Math.max(...ANG.map((k) => Math.abs((f.pose as P)[k] - (on[i]!.pose as P)[k]))); farN++; } });
  const all = (fr: MotionFrame[]) => steps(fr, 1, fr.length - 1);
  const k = Math.max(1, runs.length);
  console.log(`${path.basename(video)}: ${runs.length} jump runs (${jumps.filter(Boolean).length} frames); mean step at runs deg ${f2(offDeg / k)} -> ${f2(onDeg / k)}, tz ${f3(offTz / k)} -> ${f3(onTz / k)}; clip's largest step deg ${f2(all(off).deg)} -> ${f2(all(on).deg)}, tz ${f3(all(off).tz)} -> ${f3(all(on).tz)}; mean |change| away from runs ${f3(far / Math.max(1, farN))} deg`);
  const top = Object.entries(off_).sort((x, y) => y[1] - x[1]).slice(0, 6).map(([n, v]) => `${n} ${f3(v)}`);
  if (runs.length) console.log(`  gaze off its flanks' line at the jumps (largest): ${['gazeX', 'gazeY', 'vergence'].map((k) => `${k} ${f3(off_[k]!)} -> ${f3(on_[k]!)}`).join(', ')}`);
  if (runs.length) console.log(`  other readings off their flanks' line at the jumps (largest): ${top.join(', ')}`);
  if (showRuns) for (const l of lines) console.log(l);
}

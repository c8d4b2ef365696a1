// Does a geometric cue tell a driver's wide talking vowel from a smile? (s32, grin30's next step; issue #13/#14: the
// Mona Lisa grins at lp_d11's "eh"/"oh"). Driver side only, no render: per driver (first --upto frames at 25 fps) the
// motion's smile, and from the track the mouth corners' height (face-down axis, IOD) under the nose base, under the
// upper outer lip (0) and over the outer lips' middle (0-17), each minus its median over the driver's shut-lip frames
// (gap < .03), the inner corner lift (measures.ts cornerLift), the width over rest, and the motion's cheek / eye squint.
// Prints p10/p50/p90 over the frames whose motion smile (mean of sides) > .5, and the listed --frames. Never asserts.
//   node --import tsx bench/smileCues.ts lp_d11.mp4 WDA_KatieHill_000.mp4 lp_d10.mp4 [--frames 58,98,128] [--upto 200]
import { cachedTrack } from './driverTracks.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';

const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const drivers = process.argv.slice(2).filter((a, k, all) => !a.startsWith('--') && !all[k - 1]?.startsWith('--'));
const shown = arg('--frames', '').split(',').filter(Boolean).map(Number);
const upto = Number(arg('--upto', '200'));
const FPS = 25, SHUT_GAP = 0.03, SMILING = 0.5;
const f3 = (v: number) => (v >= 0 ? ' ' : '') + v.toFixed(3);
const median = (v: number[]) => v.slice().sort((a, b) => a - b)[v.length >> 1] ?? NaN;
const spread = (v: number[]) => { const s = v.slice().sort((a, b) => a - b); return [0.1, 0.5, 0.9].map((q) => f3(s[Math.floor(q * (s.length - 1))] ?? NaN)).join('/'); };

interface Cues { i: number; gap: number; width: number; nose: number; upper: number; outer: number; lift: number; smile: number; cheek: number; eyeSquint: number }
for (const d of drivers) {
  const raw = (await cachedTrack(d, FPS)).slice(0, upto);
  const { frames } = motionFramesFromRaw(raw, FPS, true);
  const rows: Cues[] = [];
  raw.forEach((r, i) => {
    if (!r?.lm) return;
    const p = (k: number): [number, number] => [r.lm![k * 3]!, r.lm![k * 3 + 1]!];
    const a = p(33), b = p(263), iod = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const down = (q: [number, number], ref: [number, number]) => ((q[0] - ref[0]) * -(b[1] - a[1]) + (q[1] - ref[1]) * (b[0] - a[0])) / iod / iod;
    const corners = (ref: [number, number]) => (down(p(61), ref) + down(p(291), ref)) / 2;
    const mid: [number, number] = [(p(0)[0] + p(17)[0]) / 2, (p(0)[1] + p(17)[1]) / 2];
    const w = frames[i]!.w, mean = (x?: number, y?: number) => ((x ?? 0) + (y ?? 0)) / 2;
    rows.push({
      i, gap: r.m.lipGap, width: r.m.mouthWidth, nose: corners(p(2)), upper: corners(p(0)), outer: -corners(mid),
      lift: (r.m.cornerLiftLeft + r.m.cornerLiftRight) / 2, smile: mean(w.mouthSmileLeft, w.mouthSmileRight),
      cheek: mean(w.cheekSquintLeft, w.cheekSquintRight), eyeSquint: mean(w.eyeSquintLeft, w.eyeSquintRight),
    });
  });
  const shut = rows.filter((q) => q.gap < SHUT_GAP), ref = shut.length >= 5 ? shut : rows;
  const rest = { width: median(ref.map((q) => q.width)), nose: median(ref.map((q) => q.nose)), upper: median(ref.map((q) => q.upper)), outer: median(ref.map((q) => q.outer)) };
  const cue = (q: Cues) => ({ nose: q.nose - rest.nose, upper: q.upper - rest.upper, outer: q.outer - rest.outer, width: q.width / rest.width });
  const smiling = rows.filter((q) => q.smile > SMILING);
  console.log(`\n${d}: ${rows.length} frames, rest from ${shut.length} shut-lip frames; corners under nose / under upper lip / over outer middle (minus rest), IOD (down +)`);
  console.log(`  smile > ${SMILING} (${smiling.length} frames) p10/p50/p90: under nose ${spread(smiling.map((q) => cue(q).nose))} | under upper lip ${spread(smiling.map((q) => cue(q).upper))} | over outer middle ${spread(smiling.map((q) => cue(q).outer))} | inner lift ${spread(smiling.map((q) => q.lift))} | width/rest ${spread(smiling.map((q) => cue(q).width))} | cheek ${spread(smiling.map((q) => q.cheek))} | eyeSquint ${spread(smiling.map((q) => q.eyeSquint))}`);
  for (const q of rows.filter((x) => shown.includes(x.i))) {
    const c = cue(q);
    console.log(`  f${q.i}: smile ${q.smile.toFixed(2)} gap ${q.gap.toFixed(3)} width/rest ${c.width.toFixed(2)} under nose ${f3(c.nose)} under upper ${f3(c.upper)} over outer ${f3(c.outer)} inner lift ${f3(q.lift)} cheek ${q.cheek.toFixed(2)} eyeSquint ${q.eyeSquint.toFixed(2)}`);
  }
}

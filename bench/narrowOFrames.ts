// Which frames of a driver's motion the small-"o" grin cap moves (issue #13, round28; rig/mouthPrior.ts
// narrowOpeningGrinCap): per driver clip (first --upto frames at 25 fps, the critic's 8 s clips), the motion with
// and without `narrowNoGrin`: frames changed, and at the named frames the smile, dimple, the photo-smile room and
// the fit's mouth width over the clip's median. Never asserts.
//   node --import tsx bench/narrowOFrames.ts [--upto 200] [lp_d11.mp4:65,90 lp_d6.mp4:45,46 ...]
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { SMILE_ROOM } from '../src/rig/mouthBase.ts';
import { cachedTrack } from './driverTracks.ts';

const argv = process.argv.slice(2);
const upto = argv.includes('--upto') ? Number(argv[argv.indexOf('--upto') + 1]) : 200;
const DEFAULT = ['lp_d11.mp4:65,88,90,108,148,158,165', 'lp_d6.mp4:45,46,70,147,181,190,199', 'WDA_KatieHill_000.mp4:11,23,36,73,168', 'lp_d10.mp4:4,73,84,130,170', 'lp_d14.mp4:0,21,45'];
const specs = argv.filter((a) => a.includes('.mp4'));
const f2 = (v: number | undefined) => (v ?? 0).toFixed(2);
const pair = (w: Record<string, number>, a: string) => ((w[`${a}Left`] ?? 0) + (w[`${a}Right`] ?? 0)) / 2;

for (const spec of specs.length ? specs : DEFAULT) {
  const [video, list] = spec.split(':') as [string, string];
  const raw = (await cachedTrack(video, 25)).slice(0, upto);
  const after = motionFramesFromRaw(raw, 25, true).frames;
  const before = motionFramesFromRaw(raw, 25, true, { fit: { narrowNoGrin: false } }).frames;
  const changed = after.map((f, i) => (JSON.stringify(f) !== JSON.stringify(before[i]) ? i : -1)).filter((i) => i >= 0);
  const moved = (i: number) => {
    const a = after[i]!.w as Record<string, number>, b = before[i]!.w as Record<string, number>;
    return `f${i}(${f2(pair(b, 'mouthSmile') - pair(a, 'mouthSmile'))}/${f2((b[SMILE_ROOM] ?? 1) - (a[SMILE_ROOM] ?? 1))})`;
  };
  console.log(`\n${video}: ${changed.length}/${after.length} frames changed (smile taken off / photo-smile room taken off): ${changed.map(moved).join(' ')}`);
  console.log('frame | smile before -> after | dimple before -> after | stretch before -> after | room before -> after');
  for (const i of (list ?? '').split(',').filter(Boolean).map(Number)) {
    const a = after[i]!.w as Record<string, number>, b = before[i]!.w as Record<string, number>;
    console.log(`f${String(i).padEnd(4)}| ${f2(pair(b, 'mouthSmile'))} -> ${f2(pair(a, 'mouthSmile'))} | ${f2(pair(b, 'mouthDimple'))} -> ${f2(pair(a, 'mouthDimple'))} | ${f2(pair(b, 'mouthStretch'))} -> ${f2(pair(a, 'mouthStretch'))} | ${f2(b[SMILE_ROOM] ?? 1)} -> ${f2(a[SMILE_ROOM] ?? 1)}`);
  }
}

// What separates a clenched-teeth grimace (lp_d6 f45/46, f70: wide, tall and lit) from an open "ah" (lp_d11 f165)
// in what the motion sees, issue #13 (grim27). For every frame the tall-opening cap (tallGrinCaps) touches, and the
// named ones: the cap (SMILE_ROOM), the lip gap, how far the chin dropped (nose base to chin over the driver's
// shut-lip median), the upper lip's rise and the lower lip's drop from the rest, the mouth width over the rest,
// the driver's mouth darkness (1 dark, 0 teeth), the share of the opening in teeth (teethShare, which the darkness
// saturates at .12) and the motion's smile, stretch, jaw; then as main had them (the track's teeth shares
// dropped: no toothyGrinRoom), and how many motion frames differ from main's.
// Never asserts.   node --import tsx bench/grimaceSplit.ts [--upto 200] [lp_d6.mp4:45,46,70 ...]
import { motionFramesFromRaw, usableFrames } from '../src/motion/framesFromRaw.ts';
import { mouthDarkSeries } from '../src/motion/mouthDark.ts';
import { shutLipFrames } from '../src/motion/shutRest.ts';
import { percentile } from '../src/motion/restFace.ts';
import { SMILE_ROOM } from '../src/rig/mouthBase.ts';
import { cachedTrack } from './driverTracks.ts';

const argv = process.argv.slice(2);
const upto = Number(argv.includes('--upto') ? argv[argv.indexOf('--upto') + 1] : '200');
const DEFAULT = ['lp_d6.mp4:45,46,70', 'lp_d11.mp4:165,187', 'lp_d10.mp4:', 'lp_d14.mp4:', 'WDA_KatieHill_000.mp4:23,168'];
const specs = argv.filter((a) => a.includes('.mp4'));
const f2 = (v: number) => v.toFixed(2), f3 = (v: number) => v.toFixed(3);

for (const spec of specs.length ? specs : DEFAULT) {
  const [video, list] = spec.split(':') as [string, string];
  const raw = (await cachedTrack(video, 25)).slice(0, upto);
  const valid = usableFrames(raw), have = valid.flatMap((v, i) => (v ? [i] : []));
  const m = (i: number) => raw[i]!.m;
  const shut = shutLipFrames(raw.map((r) => r?.m.lipGap ?? 0), have) ?? have;
  const rest = (k: 'jaw' | 'upperLip' | 'lowerLip' | 'mouthWidth') => percentile(shut.map((i) => m(i)[k]), 50);
  const jaw0 = rest('jaw'), up0 = rest('upperLip'), lo0 = rest('lowerLip'), w0 = rest('mouthWidth');
  const { frames } = motionFramesFromRaw(raw, 25, true);
  const main = motionFramesFromRaw(raw.map((r) => r && { ...r, teethShare: undefined }), 25, true).frames;
  const changed = frames.filter((f, i) => JSON.stringify(f) !== JSON.stringify(main[i])).length;
  const dark = mouthDarkSeries(raw.map((r) => r?.mouthDark));
  const named = list ? list.split(',').map(Number) : [];
  const capped = have.filter((i) => (main[i]!.w[SMILE_ROOM] ?? 1) < 1);
  console.log(`\n${video}: ${capped.length} frames capped in main of ${have.length}, ${changed} motion frames changed; rest (shut median) jaw ${f3(jaw0)} width ${f3(w0)}`);
  console.log('frame  cap  | gap   chinDrop drop/gap upRise loDrop w/rest dark teeth | sm   st   dp   jaw  | main: cap  sm   st   dp');
  for (const i of [...new Set([...named, ...capped])].sort((x, y) => x - y)) {
    if (!valid[i]) continue;
    const w = frames[i]!.w as Record<string, number>, b = main[i]!.w as Record<string, number>;
    const mean = (x: Record<string, number>, a: string) => ((x[a + 'Left'] ?? 0) + (x[a + 'Right'] ?? 0)) / 2;
    const drop = m(i).jaw - jaw0, gap = m(i).lipGap;
    console.log(`f${String(i).padEnd(4)} ${f2(w[SMILE_ROOM] ?? 1)} | ${f3(gap)} ${f3(drop)}    ${f2(drop / Math.max(gap, 1e-3))}     ${f3(up0 - m(i).upperLip)}  ${f3(m(i).lowerLip - lo0)}  ${f2(m(i).mouthWidth / w0)}   ${f2(dark?.[i] ?? NaN)} ${f2(raw[i]!.teethShare ?? NaN)}  | ${f2(mean(w, 'mouthSmile'))} ${f2(mean(w, 'mouthStretch'))} ${f2(mean(w, 'mouthDimple'))} ${f2(w.jawOpen ?? 0)} |       ${f2(b[SMILE_ROOM] ?? 1)} ${f2(mean(b, 'mouthSmile'))} ${f2(mean(b, 'mouthStretch'))} ${f2(mean(b, 'mouthDimple'))}${named.includes(i) ? '  <' : ''}`);
  }
}

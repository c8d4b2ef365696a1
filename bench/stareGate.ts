// The stare past the eyes30 cap (stareOverMedian) with and without the show gate (stareShowGate.ts, s34), weights
// only: per driver, eyeWide per eye (mean, p90, frames over .2) with stareOverMedian off | on ungated | on with
// stareShowGate (the s34 default), frames whose eyeWide moved > .05 against off, the largest blink change, and the named frames' eyeWide
// with both eyes' show (scleraShow.ts, white above the iris in iris diameters). Never asserts.
//   node --import tsx bench/stareGate.ts lp_d6.mp4:70,79,151,195 lp_d14.mp4:59 [--seconds 8] [--with oneEyedStare] [--moved]
import { cachedTrack } from './driverTracks.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { scleraShows } from '../src/motion/scleraShow.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { faceMeasures } from '../src/motion/measures.ts';

const si = process.argv.indexOf('--seconds');
const seconds = si > 0 ? Number(process.argv[si + 1]) : 8;
// --with OPTION (s39): a fourth variant, the s34 default with that driver-fit option on (e.g. oneEyedStare; s39 stare39: gazeLevelledStare, its first use, removed)
const wi = process.argv.indexOf('--with');
const withOption = wi > 0 ? process.argv[wi + 1]! : null;
// --moved (s39, stare39): with --with, list every frame that variant moves > .05 against the s34 default, beside the
// driver's own eyes there: both shows and each eye's opening over its median open frame (is the driver wider there?)
const listMoved = process.argv.includes('--moved');
const specs = process.argv.slice(2).filter((a, k, all) => !['--seconds', '--with', '--moved', '--fps'].includes(a) && !['--seconds', '--with', '--fps'].includes(all[k - 1]!));
const fi = process.argv.indexOf('--fps');
const FPS = fi > 0 ? Number(process.argv[fi + 1]) : 25; // --fps (s40): a driver tracked at 10 fps
// (s40: the three s34 variants run without stareFromWhite, so `--with stareFromWhite` lists what the pixels' stare adds)
const VARIANTS: [string, Record<string, boolean>][] = [['off', { stareOverMedian: false, stareFromWhite: false }], ['ungated', { stareOverMedian: true, stareShowGate: false, stareFromWhite: false }], ['gated', { stareOverMedian: true, stareShowGate: true, stareFromWhite: false }]];
if (withOption) VARIANTS.push([`+${withOption}`, { stareOverMedian: true, stareShowGate: true, stareFromWhite: false, [withOption]: true }]);
const pct = (a: number[], p: number) => { const s = a.slice().sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.round((p / 100) * (s.length - 1)))] ?? NaN; };
const f2 = (v: number | null) => (v == null ? "  -" : v.toFixed(2));
for (const spec of specs) {
  const [d, list] = spec.split(':') as [string, string | undefined];
  const named = (list ?? '').split(',').filter(Boolean).map(Number);
  const raw = (await cachedTrack(d, FPS)).slice(0, seconds * FPS);
  const runs = VARIANTS.map(([, fit]) => motionFramesFromRaw(raw, FPS, true, { fit }).frames);
  console.log(`\n${d} (${raw.length} frames)`);
  for (const [k, [name]] of VARIANTS.entries()) {
    const fr = runs[k]!, base = runs[0]!;
    const s = (c: string) => { const v = fr.map((f) => f.w[c] ?? 0); return `mean ${f2(v.reduce((x, y) => x + y, 0) / v.length)} p90 ${f2(pct(v, 90))} >.2 ${v.filter((x) => x > 0.2).length}`; };
    const moved = fr.filter((f, i) => ['eyeWideLeft', 'eyeWideRight'].some((c) => Math.abs((f.w[c] ?? 0) - (base[i]!.w[c] ?? 0)) > 0.05)).length;
    const blinkMoved = Math.max(...fr.map((f, i) => Math.abs((f.blink ?? 0) - (base[i]!.blink ?? 0))));
    console.log(`  ${name.padEnd(10)} L ${s('eyeWideLeft')} | R ${s('eyeWideRight')} | eyeWide moved > .05 on ${moved} frames, blink max change ${f2(blinkMoved)}`);
  }
  if (listMoved && withOption) {
    const gated = runs[2]!, on = runs[3]!;
    const opens = raw.map((f) => (f?.lm ? (({ eyeLeft, eyeRight }) => [eyeLeft, eyeRight])(faceMeasures(landmarkList(f.lm))) : [NaN, NaN]));
    const med = [0, 1].map((e) => pct(opens.map((o) => o[e]!).filter((v) => Number.isFinite(v)), 50));
    const moved = on.map((_, i) => i).filter((i) => ['eyeWideLeft', 'eyeWideRight'].some((c) => Math.abs((on[i]!.w[c] ?? 0) - (gated[i]!.w[c] ?? 0)) > 0.05));
    console.log(`  moved by ${withOption} (${moved.length}): f show L/R | open/median L/R | eyeWide gated -> on`);
    for (const i of moved) {
      const lm = raw[i]?.lm, sh = lm ? scleraShows(landmarkList(lm)) : [NaN, NaN];
      const px = raw[i]?.whiteShow ?? [NaN, NaN];
      console.log(`  f${i} show ${f2(sh[0]!)}/${f2(sh[1]!)} white ${f2(px[0]!)}/${f2(px[1]!)} open ${f2(opens[i]![0]! / med[0]!)}/${f2(opens[i]![1]! / med[1]!)} eyeWide ${f2(gated[i]!.w.eyeWideLeft ?? 0)}/${f2(gated[i]!.w.eyeWideRight ?? 0)} -> ${f2(on[i]!.w.eyeWideLeft ?? 0)}/${f2(on[i]!.w.eyeWideRight ?? 0)}`);
    }
  }
  for (const i of named) {
    const lm = raw[i]?.lm;
    const sh = lm ? scleraShows(landmarkList(lm)) : [NaN, NaN];
    const px = raw[i]?.whiteShow ?? [NaN, NaN];
    console.log(`  f${i} show ${f2(sh[0]!)}/${f2(sh[1]!)} white ${f2(px[0]!)}/${f2(px[1]!)} eyeWide ` + runs.map((fr, k) => `${VARIANTS[k]![0]} ${f2(fr[i]!.w.eyeWideLeft ?? 0)}/${f2(fr[i]!.w.eyeWideRight ?? 0)}`).join(' | '));
  }
}

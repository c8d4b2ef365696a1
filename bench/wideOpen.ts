// s56 widegain56: how far eyeWide opens an eye, ours against real drivers'. Openings over rest, each eye's upper lid's
// middle to its lower's (386-374 the rig's left, 159-145 its right) along the face's vertical, in eye-corner widths.
//   --portraits a.jpg,b.jpg  each photo rendered (renderer.landmarks: the mesh as drawn, raiseCap.ts applied) at its
//                            neutral frame with both eyeWides set to each of --at (.2,.4,.6,1): opening / rest per eye,
//                            with the photo's own eyeWide, its rest opening and the raise's gain (raiseCap.ts).
//   --drivers a.mp4,b.mp4    each driver's motion (motionFramesFromRaw, as the product) and its own landmarks in the
//                            head frame (rig fit's canonical): per bin of the eye's eyeWide, the median opening over the
//                            clip's median opening, per eye pooled.
//   node --import tsx bench/wideOpen.ts --portraits lp_s9.jpg,lp_s42.jpg --drivers lp_d11.mp4 [--seconds 20] [--off]
//   s57: --noopen (openCap.ts's relative bound off); the gains column adds each eye's opening growth per unit raise (slope)
import path from 'node:path';
import { cachedTrack } from './driverTracks.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { fitRig, estimateNeutral, type Landmarks } from '../src/rig/fit.ts';
import { toCanonical } from '../src/rig/canonical.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import * as rc from '../src/render/raiseCap.ts';
import type { MotionFrame } from '../src/types.ts';

const args = process.argv.slice(2);
const opt = (n: string, d: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1]! : d; };
const list = (n: string) => opt(n, '').split(',').filter(Boolean);
const FPS = 25;

type P = ArrayLike<ArrayLike<number>>;
/** Both eyes' openings [rig left, rig right] in eye-corner widths along the eye line's normal. */
export function openings(l: P): [number, number] {
  const ax = l[263]![0]! - l[33]![0]!, ay = l[263]![1]! - l[33]![1]!, iod2 = ax * ax + ay * ay;
  const v = (i: number) => (-l[i]![0]! * ay + l[i]![1]! * ax) / iod2;
  return [v(374) - v(386), v(145) - v(159)];
}
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };
const f2 = (v: number) => v.toFixed(2);
const xy = (l: [number, number, number][]): [number[], number[]] => [l.map((p) => p[0]), l.map((p) => p[1])];

// --off: the per-eye gain off (raiseCap.ts wideGainSetting); --nocap: gain and cap off (the rig's lift alone)
if (args.includes('--off')) rc.wideGainSetting.on = false;
if (args.includes('--nocap')) rc.raiseCapSetting.on = false;
// --noopen: s57's relative bound on the opening off (openCap.ts openCapSetting)
const oc = await import('../src/render/openCap.ts');
if (args.includes('--noopen')) oc.openCapSetting.on = false;

const portraits = list('--portraits');
if (portraits.length) {
  const { cachedPortrait } = await import('./portraitCache.ts');
  const { SHARED_PORTRAITS } = await import('./sharedData.ts');
  const { buildAvatar } = await import('../src/avatar/build.ts');
  const { createRenderer } = await import('../src/render/renderer.ts');
  const at = opt('--at', '0.2,0.4,0.6,1').split(',').map(Number);
  console.log(`portrait           photo wide L/R | rest open L/R (eye-corner widths) | open/rest L/R at eyeWide ${at.join(' ')}`);
  for (const file of portraits) {
    const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file)));
    const r = createRenderer(avatar, { width: 512, height: 512 });
    const n = r.neutralFrame(), rest = openings(r.landmarks(n));
    const pw = [n.w.eyeWideLeft!, n.w.eyeWideRight!];
    const wAt = (a: number): MotionFrame => ({ ...n, w: { ...n.w, eyeWideLeft: Math.max(a, pw[0]!), eyeWideRight: Math.max(a, pw[1]!) } });
    const cells = at.map((a) => {
      const o = openings(r.landmarks(wAt(a)));
      return `${f2(o[0] / rest[0])}/${f2(o[1] / rest[1])}`;
    });
    // the raise's gain per eye (raiseCap.ts): unit lift over the iris (iris diameters), covered top, gain, cap
    const was = rc.raiseCapSetting.on;
    rc.raiseCapSetting.on = false;
    const e0 = rc.eyesFromLandmarks(...xy(r.landmarks(n)));
    const e1 = rc.eyesFromLandmarks(...xy(r.landmarks({ ...n, w: { ...n.w, eyeWideLeft: pw[0]! + 1, eyeWideRight: pw[1]! + 1 } })));
    rc.raiseCapSetting.on = was;
    const gains = e0.map((e, s) => {
      const u = e1[s];
      if (!e || !u) return '-';
      const ur = rc.unitRiseOf(e, u), cov = rc.coveredTopOf(e);
      return `rise ${f2(ur)} cov ${f2(cov)} gain ${f2(rc.wideGainOf(ur, rc.wideGainSetting, cov))} cap ${f2(rc.raiseCapOf(e, u))} slope ${f2(oc.openSlopeOf(e, u))}`;
    }).join(' ; ');
    console.log(`${file.padEnd(18)} ${f2(pw[0]!)}/${f2(pw[1]!)} | ${rest[0].toFixed(3)}/${rest[1].toFixed(3)} | ${cells.join('  ')} | ${gains}`);
    if (args.includes('--detect')) {
      // the same frames read back by the face mesh off the render (as the drivers are read)
      const { detectFaces } = await import('../src/face/detect.ts');
      const read = async (f: MotionFrame) => {
        const img = r.render(f);
        const d = (await detectFaces({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) }, { embedding: false }))[0];
        return d ? openings(d.landmarks) : [NaN, NaN];
      };
      const r0 = await read(n), cs: string[] = [];
      for (const a of at) { const o = await read(wAt(a)); cs.push(`${f2(o[0]! / r0[0]!)}/${f2(o[1]! / r0[1]!)}`); }
      console.log(`  read back by the face mesh: rest ${r0.map((v) => v.toFixed(3)).join('/')} | ${cs.join('  ')}`);
    }
  }
}

const drivers = list('--drivers');
const seconds = Number(opt('--seconds', '30'));
const BINS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.01];
for (const driver of drivers) {
  const raw = (await cachedTrack(driver, FPS)).slice(0, seconds * FPS);
  const { frames } = motionFramesFromRaw(raw, FPS, true);
  const lms = raw.map((r) => (r?.lm ? landmarkList(r.lm) : null));
  const neutral = estimateNeutral(lms.filter((l): l is Landmarks => !!l && l.length >= 478));
  const open = lms.map((lm) => {
    if (!lm || lm.length < 478) return null;
    const c = toCanonical(lm, fitRig(lm, { neutral, robust: true }));
    return openings(Array.from({ length: c.length / 3 }, (_, q) => [c[q * 3]!, c[q * 3 + 1]!]));
  });
  const ok = open.filter((o): o is [number, number] => !!o);
  const rest = [median(ok.map((o) => o[0])), median(ok.map((o) => o[1]))];
  const byBin: number[][] = BINS.slice(1).map(() => []);
  open.forEach((o, i) => {
    const f = frames[i];
    if (!o || !f || (f.blink ?? 0) > 0.2) return;
    [f.w.eyeWideLeft ?? 0, f.w.eyeWideRight ?? 0].forEach((w, s) => {
      if ((f.w[s ? 'eyeBlinkRight' : 'eyeBlinkLeft'] ?? 0) > 0.2) return;
      const b = BINS.findIndex((lo, k) => k + 1 < BINS.length && w >= lo && w < BINS[k + 1]!);
      if (b >= 0) byBin[b]!.push(o[s]! / rest[s]!);
    });
  });
  console.log(`${path.basename(driver)} rest open L/R ${rest.map((v) => v.toFixed(3)).join('/')} | eyeWide bin: n median(open/rest) p90`);
  console.log('  ' + byBin.map((xs, k) => `[${BINS[k]}-${BINS[k + 1]}) n${xs.length} ${xs.length ? f2(median(xs)) : '-'} ${xs.length ? f2([...xs].sort((a, b) => a - b)[Math.floor(0.9 * (xs.length - 1))]!) : '-'}`).join(' | '));
}

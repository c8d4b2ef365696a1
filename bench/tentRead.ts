// The "tented lens" read (issue #13, the mouth's shape per sound): where the upper lip's centre, the
// nose base (subnasale) and the corners go, for the rig's controls and for real talking faces.
// All in inter-ocular distances (IOD) in the head's frame (origin between the eyes, x along the eye
// line, y down across it): dy < 0 is up. Prints, never asserts.
//   node --import tsx bench/tentRead.ts --rig lp_s42.jpg,mt_man.png [--mesh]   (rig landmarks; --mesh: the face mesh on the render too)
//   node --import tsx bench/tentRead.ts --real styletalk_obama1.mp4,WDA_KatieHill_000.mp4 [--seconds 12]
//   node --import tsx bench/tentRead.ts --fit WDA_KatieHill_000.mp4,lp_d6.mp4 --root /tmp/before,. [--seconds 8]
//     (the rig fit's NME per checkout, as bench/render.ts measures it: the driver's estimated neutral, and the mean face)
// Real: rest = the median of the 15 % most closed frames, loud = of the 10 % most open (inner gap);
// wide = the 10 % widest against the 15 % narrowest (a smile's nose base).
import path from 'node:path';
import { existsSync } from 'node:fs';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const D = SHARED_DATA;

type Lm = ArrayLike<ArrayLike<number>>;
/** Points read: nose base, upper lip outer/inner centre, lower lip inner/outer centre, chin, corners. */
const P = { nose: 2, upOut: 0, upIn: 13, loIn: 14, loOut: 17, chin: 152, cornerL: 291, cornerR: 61, upSide: 37, upSideR: 267, upOuter: 40, upOuterR: 270 } as const;
type Reading = Record<keyof typeof P, [number, number]> & { width: number; gap: number; profile: number[] };
/** Inner-lip columns (upper, lower; both sides) at about 0.5, 0.7 and 0.85 of the inner half width. */
const COLUMNS: [number, number, number, number][] = [[81, 178, 311, 402], [80, 88, 310, 318], [191, 95, 415, 324]];

/** Each point in the head's frame, over the IOD. */
export function headFrame(lm: Lm): Reading {
  const ax = lm[33]![0]!, ay = lm[33]![1]!, bx = lm[263]![0]!, by = lm[263]![1]!;
  const iod = Math.hypot(bx - ax, by - ay), ux = (bx - ax) / iod, uy = (by - ay) / iod;
  const cx = (ax + bx) / 2, cy = (ay + by) / 2;
  const at = (i: number): [number, number] => {
    const dx = lm[i]![0]! - cx, dy = lm[i]![1]! - cy;
    return [(dx * ux + dy * uy) / iod, (-dx * uy + dy * ux) / iod];
  };
  const r = Object.fromEntries(Object.entries(P).map(([k, i]) => [k, at(i)])) as unknown as Reading;
  r.width = r.cornerL[0] - r.cornerR[0];
  r.gap = r.loIn[1] - r.upIn[1];
  // the opening's gap across each column (an ellipse: 0.87 0.71 0.53; a lens pointed at the corners: 0.75 0.51 0.28)
  r.profile = COLUMNS.map(([u, l, u2, l2]) => ((at(l)[1] - at(u)[1]) + (at(l2)[1] - at(u2)[1])) / 2);
  return r;
}

/** Moves from rest to a shape: each point's dy, the width's change, and the nose base's share of the upper lip's rise. */
function moves(rest: Reading, s: Reading): string {
  const dy = (k: keyof typeof P) => s[k][1] - rest[k][1];
  const f = (v: number) => (v >= 0 ? '+' : '') + v.toFixed(3);
  const lipRise = -dy('upOut');
  const noseShare = lipRise > 0.004 ? (-dy('nose') / lipRise).toFixed(2) : '  - ';
  // the arch: the centre's rise over the sides' (37/267): > 1 a peak at the middle (a tent), ~1 flat
  const sideRise = -(dy('upSide') + dy('upSideR')) / 2;
  const arch = sideRise > 0.004 ? (lipRise / sideRise).toFixed(2) : '  - ';
  // and three quarters of the way out (40/270): how far the raise reaches toward the corners
  const outerRise = -(dy('upOuter') + dy('upOuterR')) / 2;
  const outer = lipRise > 0.004 ? (outerRise / lipRise).toFixed(2) : '  - ';
  const prof = s.gap > 0.05 ? s.profile.map((g) => (g / s.gap).toFixed(2)).join(' ') : '-';
  return `opening ${prof} | nose ${f(dy('nose'))} upOut ${f(dy('upOut'))} upIn ${f(dy('upIn'))} loIn ${f(dy('loIn'))} loOut ${f(dy('loOut'))} chin ${f(dy('chin'))} ` +
    `width ${f(s.width - rest.width)} gap ${s.gap.toFixed(3)} | nose/lip ${noseShare} centre/side ${arch} outer/centre ${outer} philtrum ${f(s.upOut[1] - s.nose[1] - (rest.upOut[1] - rest.nose[1]))}`;
}

/** The rig's controls at a few weights: the shapes the brief names. */
const SHAPES: [string, Record<string, number>][] = [
  ['jaw .3', { jawOpen: 0.3 }], ['jaw .6', { jawOpen: 0.6 }], ['upperUp .5', { mouthUpperUp: 0.5 }],
  ['lowerDown .5', { mouthLowerDown: 0.5 }], ['funnel .5', { mouthFunnel: 0.5 }],
  ['smile .5', { mouthSmileLeft: 0.5, mouthSmileRight: 0.5 }],
  ['ah (jaw .6 up .3 lo .3)', { jawOpen: 0.6, mouthUpperUp: 0.3, mouthLowerDown: 0.3 }],
];

async function rig(portraits: string[], mesh: boolean): Promise<void> {
  const { analyzePortrait } = await import('../src/analyze/index.ts');
  const { buildAvatar } = await import('../src/avatar/build.ts');
  const { createRenderer } = await import('../src/render/renderer.ts');
  const { detectOne } = await import('../src/eval/frames.ts');
  for (const name of portraits) {
    const r = createRenderer(buildAvatar(await analyzePortrait(path.join(D, 'portraits', name))), { width: 512, height: 512 });
    const n = r.neutralFrame();
    // every weight 0 (the rig's rest, not the photo's own mouth: lp_s42's photo holds mouthLowerDown .74)
    const zero = Object.fromEntries(Object.keys(n.w).map((k) => [k, 0]));
    const read = async (w: Record<string, number>) => {
      const frame = { ...n, w: { ...n.w, ...zero, ...w } };
      if (!mesh) return headFrame(r.landmarks(frame));
      const img = r.render(frame);
      const face = await detectOne({ width: 512, height: 512, data: new Uint8ClampedArray(img.data) }, false);
      return face ? headFrame(face.landmarks) : null;
    };
    const rest = await read({});
    console.log(`${name}${mesh ? ' (face mesh on the render)' : ' (rig landmarks)'}`);
    if (!rest) { console.log('  no face'); continue; }
    for (const [label, w] of SHAPES) {
      const s = await read(w);
      console.log(`  ${label.padEnd(24)} ${s ? moves(rest, s) : 'no face'}`);
    }
  }
}

async function real(clips: string[], seconds: number): Promise<void> {
  const { decodeVideoFrames } = await import('../src/io/media.ts');
  const { detectOne } = await import('../src/eval/frames.ts');
  const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s[s.length >> 1]!; };
  const medianReading = (rs: Reading[]): Reading => {
    const out = {} as unknown as Reading;
    for (const k of Object.keys(P) as (keyof typeof P)[]) out[k] = [median(rs.map((r) => r[k][0])), median(rs.map((r) => r[k][1]))];
    out.width = median(rs.map((r) => r.width)); out.gap = median(rs.map((r) => r.gap));
    out.profile = COLUMNS.map((_, c) => median(rs.map((r) => r.profile[c]!)));
    return out;
  };
  for (const clip of clips) {
    const file = [path.join(D, 'video', clip), path.join(D, 'train/clips', clip)].find((f) => existsSync(f));
    if (!file) { console.log(`${clip}: not found`); continue; }
    const rs: Reading[] = [];
    for await (const f of decodeVideoFrames(file, { fps: 25, maxSide: 720, maxFrames: seconds * 25 })) {
      const face = await detectOne({ width: f.width, height: f.height, data: new Uint8ClampedArray(f.data) }, false);
      if (face) rs.push(headFrame(face.landmarks));
    }
    const byGap = [...rs].sort((a, b) => a.gap - b.gap);
    const rest = medianReading(byGap.slice(0, Math.max(1, Math.round(rs.length * 0.15))));
    const loud = medianReading(byGap.slice(Math.round(rs.length * 0.9)));
    const mid = medianReading(byGap.slice(Math.round(rs.length * 0.6), Math.round(rs.length * 0.75)));
    console.log(`${clip} (${rs.length} frames, rest gap ${rest.gap.toFixed(3)})`);
    console.log(`  ${'mid (60-75 % open)'.padEnd(24)} ${moves(rest, mid)}`);
    console.log(`  ${'loud (90-100 % open)'.padEnd(24)} ${moves(rest, loud)}`);
    // the widest mouths (a smile's): rest = the narrowest 15 %
    const byWidth = [...rs].sort((a, b) => a.width - b.width);
    const narrow = medianReading(byWidth.slice(0, Math.max(1, Math.round(rs.length * 0.15))));
    console.log(`  ${'wide (90-100 % width)'.padEnd(24)} ${moves(narrow, medianReading(byWidth.slice(Math.round(rs.length * 0.9))))}`);
  }
}

async function fitNme(clips: string[], roots: string[], seconds: number): Promise<void> {
  const { decodeVideoFrames } = await import('../src/io/media.ts');
  const { detectOne } = await import('../src/eval/frames.ts');
  const fits = await Promise.all(roots.map((r) => import(path.join(path.resolve(r), 'src/rig/fit.ts'))));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  for (const clip of clips) {
    const file = [path.join(D, 'video', clip), path.join(D, 'train/clips', clip)].find((f) => existsSync(f));
    if (!file) { console.log(`${clip}: not found`); continue; }
    const lms: [number, number, number][][] = [];
    for await (const f of decodeVideoFrames(file, { fps: 25, maxSide: 720, maxFrames: seconds * 25 })) {
      const face = await detectOne({ width: f.width, height: f.height, data: new Uint8ClampedArray(f.data) }, false);
      if (face) lms.push(face.landmarks);
    }
    roots.forEach((r, k) => {
      const { fitRig, estimateNeutral } = fits[k]!;
      const own = estimateNeutral(lms);
      const personal = mean(lms.map((l) => fitRig(l, { neutral: own }).residual));
      const generic = mean(lms.map((l) => fitRig(l).residual));
      console.log(`${clip} (${lms.length} frames) ${path.basename(path.resolve(r))}: NME ${personal.toFixed(4)} own neutral, ${generic.toFixed(4)} mean face`);
    });
  }
}

if (args.includes('--fit')) await fitNme(opt('--fit', '').split(','), opt('--root', '.').split(','), Number(opt('--seconds', '8')));
if (args.includes('--rig')) await rig(opt('--rig', 'lp_s42.jpg').split(','), args.includes('--mesh'));
if (args.includes('--real')) await real(opt('--real', '').split(','), Number(opt('--seconds', '12')));
process.exit(0);

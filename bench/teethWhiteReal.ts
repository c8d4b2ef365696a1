// How bright real teeth are in each talking video against what its frame 0 (the photo) offers to
// predict it: the face's brightest sample (photoLook.ts pictureWhite), its 99th percentile, the
// cheeks', the eyes' white (sclera) and the detail around the lips. Real teeth: the teeth pixels'
// mean luma (bench/mouthInterior.ts teethY) at the clip's most open frames (inner lip gap 13-14 over
// the IOD, every 3rd frame of the first 5 s, at least 6 frames apart). Never renders.
//   node --import tsx bench/teethWhiteReal.ts [katie,mt_sun,obama1,feifei1,lp_d0,lp_d6,lp_d10,lp_d11,lp_d14] [--frames 6]
import { VIDEOS } from './mouthBase.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { analyzePortrait } from '../src/analyze/index.ts';
import { extractCrop } from '../src/analyze/crop.ts';
import { detectOne } from '../src/eval/frames.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { cheekColour } from '../src/render/mouth/lightMatch.ts';
import { photoLipLook, pictureWhite } from '../src/render/mouth/photoLook.ts';
import { eyeWhiteReading } from '../src/render/mouth/eyeWhite.ts';
import { luminance as lum } from '../src/math/colour.ts';
import { interiorStats } from './mouthInterior.ts';

const CLIPS: Record<string, string> = { ...VIDEOS, obama1: VIDEOS.obama2!.replace('clip2', 'clip1') };
const args = process.argv.slice(2);
const clips = (args[0] && !args[0].startsWith('--') ? args[0] : 'katie,mt_sun,obama1,feifei1,lp_d0,lp_d6,lp_d10,lp_d11,lp_d14').split(',');
const count = Number(args.includes('--frames') ? args[args.indexOf('--frames') + 1] : 6);
const median = (v: number[]) => { const s = v.filter((x) => x === x).sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };

for (const clip of clips) {
  const frames: unknown[] = [];
  let k = 0;
  for await (const img of decodeVideoFrames(CLIPS[clip]!, { fps: 25, maxSide: 1024, maxFrames: 125 })) { if (k % 3 === 0) frames.push(img); k++; }
  const portrait = await analyzePortrait(frames[0] as never);
  const av = buildAvatar(portrait);
  const c = portrait.analysis.crop;
  const box = { x: Math.round(c.x), y: Math.round(c.y), side: Math.round(c.side) };
  const seen: { i: number; gap: number; y: number; p90: number; share: number }[] = [];
  for (const [i, f] of frames.entries()) {
    const crop = await extractCrop(f as never, box, c.size) as any;
    const im = 'image' in crop ? crop.image : crop;
    const face = await detectOne(im, false);
    if (!face) continue;
    const lm = face.landmarks;
    const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
    const s = interiorStats(im.data, c.size, lm);
    if (s) seen.push({ i: i * 3, gap: Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) / iod, y: s.teethY, p90: s.teethP90, share: s.teeth });
  }
  seen.sort((a, b) => b.gap - a.gap);
  const at: typeof seen = [];
  for (const s of seen) if (at.length < count && at.every((t) => Math.abs(t.i - s.i) >= 6)) at.push(s);
  const pw = pictureWhite(av), cheek = lum(...cheekColour(av)), sclera = eyeWhiteReading(av).sclera;
  const teeth = median(at.map((s) => s.y)), p90 = median(at.map((s) => s.p90)), lipLook = photoLipLook(av, 1);
  console.log(`${clip.padEnd(8)} real teeth luma ${teeth.toFixed(0)} (share ${median(at.map((s) => s.share)).toFixed(2)}, gap ${median(at.map((s) => s.gap)).toFixed(2)} IOD, frames ${at.map((s) => s.i).join(',')}) | photo: white ${pw.toFixed(0)} cheek ${cheek.toFixed(0)} sclera ${sclera ? lum(...sclera).toFixed(0) : '-'} lip detail ${lipLook.detail?.toFixed(3)} blur ${lipLook.blur?.toFixed(2)} px crop ${c.side.toFixed(0)} px | teeth/white ${(teeth / pw).toFixed(2)} teeth/cheek ${(teeth / cheek).toFixed(2)} | bright (p90) ${p90.toFixed(0)}: its share cheek -> white ${((p90 - cheek) / (pw - cheek)).toFixed(2)}`);
}

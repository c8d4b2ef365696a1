// Regenerates src/render/mouth/teeth.bin (the teeth library) from frames of the training videos:
//   node --import tsx tools/teeth-atlas.ts [--data /work/shared/data/train/clips] [--preview out.png]
// The teeth frame gives the upper and lower teeth; the tongue frame (a wide-open mouth) gives the
// tongue layer shown when the jaw opens past the teeth. Frame numbers are at the clip's 25 fps.
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { decodeVideoFrames } from '../src/io/media.ts';
import { detectFaces } from '../src/face/detect.ts';
import { cutMouthLayers, type MouthLayer } from '../src/render/mouth/atlas.ts';
import { encodeLibrary, LIBRARY_FILE, type TeethLibrary } from '../src/render/mouth/library.ts';
import type { RgbaImage } from '../src/types.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const DATA = opt('--data', '/work/shared/data/train/clips');
const pick = (name: string, dflt: string) => { const [clip, frame] = opt(name, dflt).split(':'); return { clip: clip!, frame: Number(frame) }; };
const UPPER = pick('--upper', 'videoretalking_4.mp4:75');
const LOWER = pick('--lower', 'dfrf_french.mp4:250');
const TONGUE = pick('--tongue', 'videoretalking_4.mp4:75');
/** library resolution: pixels per inter-ocular distance (the teeth frame has ~128 px per iod) */
const PPI = 128;

async function frameAt(clip: string, index: number): Promise<RgbaImage> {
  let i = 0;
  for await (const f of decodeVideoFrames(path.join(DATA, clip), { maxFrames: index + 1 })) if (i++ === index) return f;
  throw new Error(`${clip} has fewer than ${index + 1} frames`);
}

async function layersOf(clip: string, index: number) {
  const img = await frameAt(clip, index);
  const face = (await detectFaces(img, { embedding: false }))[0];
  if (!face) throw new Error(`no face in ${clip} frame ${index}`);
  const lm = face.landmarks;
  return { img, layers: cutMouthLayers(img, (i) => [lm[i]![0], lm[i]![1]], PPI) };
}

const upper = await layersOf(UPPER.clip, UPPER.frame);
const lower = await layersOf(LOWER.clip, LOWER.frame);
const tongue = await layersOf(TONGUE.clip, TONGUE.frame);
// White balance on the teeth themselves: each frame's brightest tenth of its teeth is made the
// same ivory, since the three frames are different people under different light (their cheeks
// say little about each other's light). The stored cheek colour is the upper frame's after the same
// correction: the skin colour under whose light these teeth look ivory (layers.ts matches it).
const IVORY = [236, 228, 214];
const teethGains = (l: MouthLayer): number[] => {
  const px: number[][] = [];
  for (let k = 0; k < l.width * l.height; k++) if (l.data[k * 4 + 3]! >= 0.9) px.push([l.data[k * 4]!, l.data[k * 4 + 1]!, l.data[k * 4 + 2]!]);
  px.sort((a, b) => a[0]! + a[1]! + a[2]! - (b[0]! + b[1]! + b[2]!));
  const top = px.slice(Math.floor(px.length * 0.85), Math.floor(px.length * 0.95));
  return IVORY.map((v, ch) => v / Math.max(1, top.reduce((acc, p) => acc + p[ch]!, 0) / Math.max(1, top.length)));
};
const apply = (l: MouthLayer, gain: number[]): MouthLayer => ({ ...l, data: Float32Array.from(l.data, (v, k) => (k % 4 === 3 ? v : Math.min(255, v * gain[k % 4]!))) });
const TONGUE_COLOUR = [196, 104, 106];
function tongueHue(l: MouthLayer): MouthLayer {
  const y0 = 0.3 * TONGUE_COLOUR[0]! + 0.59 * TONGUE_COLOUR[1]! + 0.11 * TONGUE_COLOUR[2]!;
  const data = Float32Array.from(l.data);
  for (let k = 0; k < l.width * l.height; k++) {
    const y = 0.3 * data[k * 4]! + 0.59 * data[k * 4 + 1]! + 0.11 * data[k * 4 + 2]!;
    for (let ch = 0; ch < 3; ch++) data[k * 4 + ch] = Math.min(255, (TONGUE_COLOUR[ch]! * y) / y0);
  }
  return { ...l, data };
}
const upperGain = teethGains(upper.layers.upper);
const lowerGain = teethGains(lower.layers.lower);
const lib: TeethLibrary = {
  upper: apply(upper.layers.upper, upperGain),
  lower: apply(lower.layers.lower, lowerGain),
  // the tongue frame's own teeth set its light (its upper piece holds them); its hue is then
  // set to a tongue's (the frame's magenta cast leaves it grey-lilac once corrected): each
  // pixel keeps its luminance (the texture and shading) with the chroma of TONGUE_COLOUR
  tongue: tongueHue(apply(tongue.layers.lower, teethGains(tongue.layers.upper))),
  cavity: upper.layers.cavity.map((v, ch) => v * upperGain[ch]!) as [number, number, number],
  cheek: upper.layers.cheek.map((v, ch) => Math.min(255, v * upperGain[ch]!)) as [number, number, number],
  source: `upper teeth: ${UPPER.clip} frame ${UPPER.frame}; lower teeth: ${LOWER.clip} frame ${LOWER.frame}; tongue: ${TONGUE.clip} frame ${TONGUE.frame} (train/clips, 25 fps)`,
};
writeFileSync(LIBRARY_FILE, encodeLibrary(lib));
console.log(`wrote ${LIBRARY_FILE} (${lib.source})`);

const preview = opt('--preview', '');
if (preview) {
  // the three layers over grey, side by side, 2x
  const tiles = [];
  let x = 0;
  for (const l of [lib.upper, lib.lower, lib.tongue!] as MouthLayer[]) {
    const px = Buffer.alloc(l.width * l.height * 3);
    for (let k = 0; k < l.width * l.height; k++) {
      const a = l.data[k * 4 + 3]!;
      for (let ch = 0; ch < 3; ch++) px[k * 3 + ch] = Math.round(l.data[k * 4 + ch]! * a + 90 * (1 - a));
    }
    tiles.push({ input: await sharp(px, { raw: { width: l.width, height: l.height, channels: 3 } }).resize(l.width * 4, l.height * 4, { kernel: 'nearest' }).png().toBuffer(), left: x, top: 0 });
    x += l.width * 4 + 8;
  }
  await sharp({ create: { width: x, height: lib.upper.height * 4, channels: 3, background: '#000' } }).composite(tiles).png().toFile(preview);
  console.log(`wrote ${preview}`);
}
process.exit(0);

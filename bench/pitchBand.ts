// Pitched heads (pitch45, s45): per portrait, the neutral avatar at a few pitches, zoomed on the head,
// with a wireframe row; prints the forehead band's edge strength (the largest row-to-row luma step
// across the brows, between the eyes' tops and the forehead) and the face's height/width against cos.
//   node --import tsx bench/pitchBand.ts [--pitches -17,-10,0,10,17] [--out x.png] [--wire] photo...
import path from 'node:path';
import sharp from 'sharp';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { drawWireframe } from '../src/render/debug.ts';
import type { RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { sharedData } from './sharedData.ts';
import { clipFrameFace } from './clipFrame.ts';
import { analyzePortrait } from '../src/analyze/index.ts';

const argv = process.argv.slice(2);
const opt = (n: string, d: string) => { const i = argv.indexOf(n); return i >= 0 ? argv.splice(i, 2)[1]! : d; };
const flag = (n: string) => { const i = argv.indexOf(n); if (i >= 0) argv.splice(i, 1); return i >= 0; };
const pitches = opt('--pitches', '-17,-10,0,10,17').split(',').map(Number);
const out = opt('--out', '/tmp/pitchBand.png');
const wire = flag('--wire');
const ZOOM = Number(opt('--zoom', '1.7')); // the crop's side over the face's extent
// --ab: each portrait before (hairlineHold off) and after (on); else the default renderer only
const variants = flag('--ab') ? [false, true] : [true];
const SIZE = 512, CELL = Number(opt('--cell', '256'));
const photos = argv.length ? argv : ['lp_s7.jpg', 'st_happy.png'];

const luma = (img: RgbaImage, x: number, y: number) => { const o = (Math.round(y) * img.width + Math.round(x)) * 4; return 0.299 * img.data[o]! + 0.587 * img.data[o + 1]! + 0.114 * img.data[o + 2]!; };
const rowsOut: Buffer[] = [];
for (const photo of photos) {
  // a 'clip.mp4:frame' pick: that frame of a clip under video/ or train/clips/, analysed afresh
  const pick = photo.includes('.mp4:') ? await clipFrameFace(photo) : undefined;
  if (typeof pick === 'string') { console.log(`${photo}: ${pick}`); continue; }
  const file = photo.includes('/') ? photo : sharedData(path.join('portraits', photo));
  const avatar = buildAvatar(pick ? await analyzePortrait(pick.frame) : await cachedPortrait(file));
  // a rigid head's forehead-to-chin height goes as cos(photo pitch + nod) / cos(photo pitch)
  const p0 = avatar.rig.angles.pitch;
  console.log(`${photo}: photo pitch ${p0.toFixed(1)}; cos ratio at ${pitches.join(', ')}: ${pitches.map((p) => (Math.cos(((p0 + p) * Math.PI) / 180) / Math.cos((p0 * Math.PI) / 180)).toFixed(2)).join(' ')}`);
  for (const hold of variants) {
  const r = createRenderer(avatar, { width: SIZE, height: SIZE, hairlineHold: hold });
  const n0 = r.neutralFrame();
  const lm0 = r.landmarks(n0);
  // head box from the neutral landmarks: face oval, widened
  const xs = lm0.map((p) => p[0]), ys = lm0.map((p) => p[1]);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  const side = Math.round(ZOOM * Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)));
  const left = Math.max(0, Math.min(SIZE - side, Math.round(cx - side / 2))), top = Math.max(0, Math.min(SIZE - side, Math.round(cy - side / 2 - 0.1 * side)));
  const h0 = lm0[152]![1] - lm0[10]![1], w0 = lm0[454]![0] - lm0[234]![0];
  const cells: Buffer[] = [], wires: Buffer[] = [];
  const im0 = r.render(n0), skin = luma(im0, lm0[151]![0], lm0[151]![1]);
  const line: string[] = [];
  for (const p of pitches) {
    const f = { ...n0, pose: { ...n0.pose, pitch: p } };
    const lm = r.landmarks(f);
    const img = r.render(f);
    const copy: RgbaImage = { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) };
    // the band's edge: along 9 columns between the brows' outer ends, the largest luma step over 2 px from
    // the brow top (landmark 105/334 level) up to half-way to landmark 10; median over columns
    const xa = lm[70]![0], xb = lm[300]![0];
    const steps: number[] = [];
    for (let k = 0; k < 9; k++) {
      const x = xa + ((xb - xa) * (k + 0.5)) / 9;
      const yBrow = Math.min(lm[105]![1], lm[334]![1]) + 4, yTop = lm[10]![1] - 0.3 * (lm[152]![1] - lm[10]![1]);
      let best = 0;
      for (let y = Math.max(2, yTop); y < yBrow; y++) best = Math.max(best, Math.abs(luma(copy, x, y + 1) - luma(copy, x, y - 1)));
      steps.push(best);
    }
    steps.sort((a, b) => a - b);
    // hair over the brows: share of the strip from the brows' tops up .12 face heights, between the brows'
    // outer ends, darker than .6 of the forehead's centre at the photo's pose
    let dark = 0, all = 0;
    const yb = Math.min(lm[105]![1], lm[334]![1]), hh = lm[152]![1] - lm[10]![1];
    for (let y = Math.round(yb - 0.12 * hh); y < yb; y++) for (let x = Math.round(xa); x < xb; x++) { all++; if (luma(copy, x, y) < 0.6 * skin) dark++; }
    const h = lm[152]![1] - lm[10]![1], w = lm[454]![0] - lm[234]![0];
    line.push(`p${p}: edge ${steps[4]!.toFixed(0)} dark ${(dark / Math.max(1, all)).toFixed(2)} h/w ${(h / h0).toFixed(2)}/${(w / w0).toFixed(2)}`);
    const crop = async (im: RgbaImage) => sharp(Buffer.from(im.data), { raw: { width: SIZE, height: SIZE, channels: 4 } }).extract({ left, top, width: side, height: side }).resize(CELL, CELL).png().toBuffer();
    cells.push(await crop(copy));
    if (wire) wires.push(await crop(drawWireframe(r, f, copy)));
  }
  console.log(`${path.basename(photo)} ${hold ? 'after ' : 'before'} ${line.join(' | ')}`);
  const row = async (bufs: Buffer[]) => sharp({ create: { width: CELL * bufs.length, height: CELL, channels: 4, background: '#000' } })
    .composite(bufs.map((b, i) => ({ input: b, left: i * CELL, top: 0 }))).png().toBuffer();
  rowsOut.push(await row(cells));
  if (wire) rowsOut.push(await row(wires));
  }
}
await sharp({ create: { width: CELL * pitches.length, height: CELL * rowsOut.length, channels: 4, background: '#000' } })
  .composite(rowsOut.map((b, i) => ({ input: b, left: 0, top: i * CELL }))).png().toFile(out);
console.log(`wrote ${out} (pitches ${pitches.join(', ')})`);

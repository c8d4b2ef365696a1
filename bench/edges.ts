// Past the photo's edge and around the head: figures and sheets (prints figures; never asserts).
//   node --import tsx bench/edges.ts [--root DIR] [--tag after] [--out DIR] [names...]
//   node --import tsx bench/edges.ts compose [--out DIR] [--docs DIR]   (before/after sheets, default docs/edges/)
// --root runs the analyze/avatar/render code of another checkout (e.g. a worktree of an older
// commit), so "before" and "after" are measured by the same metric code and face model.
// Per portrait it writes <out>/<tag>/<name>.png (one row of cells) and <name>.json (figures):
// - invented: share of output pixels (512 px rest frame) that do not come from the photo: the
//   crop outside the photo, plus at yaw +-25 the plate behind the person that the turn uncovers
// - streak: energy-weighted structure-tensor coherence of the invented area outside the photo
//   (1 = all gradient energy along one direction: streaks, stretched edges, ramps; real photo
//   texture measures ~0.3-0.6; see docs/edges/README.md)
// - csim at yaw -25 / 0 / +25: face-embedding cosine of the rendered frame against the photo's
// - headStreak at yaw -25 / 0 / +25: the same coherence over the head of the rendered frame (the
//   projected face oval grown by 25%, opaque pixels): stretched far-side texels raise it on a turn
//   (the rest frame, 0, is the photo's own texture: the reference); faceStreak: inside the oval itself
// - revealedAcross at yaw -25 / 0 / +25: on the half of the face oval the turn brings into view,
//   the share of gradient energy across x (acrossStretchShare): texels stretched along x by the
//   turn make streaks along x; ~0.5 without a preferred direction (0 = the whole oval at rest)
// - repeat / plateRepeat: share of textured 16 px patches of the crop past the photo / of the plate
//   behind the person (matte > 0.02) that have a near-identical twin elsewhere in that area
//   (repeatedShare: copied blocks; real texture ~0)
// - borderStretch at yaw -25 / +25 / a driver's pose (Katie at 1.4 s: yaw -24, pitch -17, roll 9):
//   over the opaque pixels whose texture position lies past the crop (the mesh's band beyond it), the share of
//   gradient energy across the stripes a clamped texture draws there (borderStretchShare: ~0.5
//   cloth, toward 1 stripes); bandShare: that band's share of the frame
// - halo: mean luminance excess of the matte edge's colour over the solid person nearby (see haloExcess)
// - line: the old background's line along the outline at rest over white and black (outlineLineExcess):
//   mean excess toward the old wall (levels) and share of rim pixels > 10 levels toward it
import path from 'node:path';
import { mkdir, writeFile, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import sharp from 'sharp';
import { detectFaces } from '../src/face/detect.ts';
import { cosineSimilarity } from '../src/eval/metrics.ts';
import type { Portrait, RgbaImage, MotionFrame } from '../src/types.ts';
import { streakCoherence, acrossStretchShare, borderStretchShare } from '../src/eval/stretch.ts';
import { repeatedShare } from '../src/eval/repetition.ts';
import { outsidePhoto } from './outsidePhoto.ts';
import { outlineLineExcess } from '../src/eval/outlineLine.ts';
import { outlineRampWidth, faintTail } from '../src/eval/outlineRamp.ts';
import { insidePolygon } from '../src/math/polygon.ts';
import { FACE_OVAL } from '../src/rig/topology.ts';

const HERE = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(HERE, '..', 'shared', 'data', 'portraits');
const NAMES = ['lp_s42.jpg', 'st_happy.png', 'lp_s12.jpg', 'lp_s10.jpg', 'mt_man.png', 'st_art_1.png'];
const CELL = 256;

const args = process.argv.slice(2);
const flag = (name: string, dflt: string) => { const i = args.indexOf(name); if (i < 0) return dflt; const v = args[i + 1]!; args.splice(i, 2); return v; };
const root = path.resolve(flag('--root', HERE));
const tag = flag('--tag', root === HERE ? 'after' : 'before');
const outDir = path.resolve(flag('--out', '/tmp/edges-bench'));
// --cached: read the analysis from $REAL3D_CACHE (bench/portraitCache.ts, this checkout's analyze)
// instead of analysing afresh, for before/after runs of avatar or renderer changes: both sides then
// render the same analysis and the runs cost a fraction (analyze figures then read 0)
const cachedIdx = args.indexOf('--cached');
const cached = cachedIdx >= 0;
if (cached) args.splice(cachedIdx, 1);
// --save-frames: also write every rendered frame at full size (<out>/<tag>/<name>/<key>.png) for 2x looks and sheets
const saveIdx = args.indexOf('--save-frames');
const saveFrames = saveIdx >= 0;
if (saveFrames) args.splice(saveIdx, 1);

/**
 * Halo: over the edge band of a transparent render (alpha 0.05-0.6; the renderer returns straight,
 * not premultiplied, colour there), the mean luminance excess of the edge colour over the solid
 * person pixels (alpha >= 250) within 6 px. A fringe of the old, lighter background scores high;
 * on a new background it shows as a light outline.
 */
function haloExcess(transparent: RgbaImage): number {
  const { width: w, height: h, data } = transparent;
  let sum = 0, n = 0;
  const r = 6;
  for (let y = r; y < h - r; y += 1) for (let x = r; x < w - r; x += 1) {
    const i = y * w + x;
    const a = data[i * 4 + 3]! / 255;
    if (a < 0.05 || a > 0.6) continue;
    // solid neighbours' mean luminance
    let s = 0, c = 0;
    for (let dy = -r; dy <= r; dy += 2) for (let dx = -r; dx <= r; dx += 2) {
      const j = (y + dy) * w + x + dx;
      if (data[j * 4 + 3]! < 250) continue;
      s += 0.299 * data[j * 4]! + 0.587 * data[j * 4 + 1]! + 0.114 * data[j * 4 + 2]!; c++;
    }
    if (c === 0) continue;
    const L = 0.299 * data[i * 4]! + 0.587 * data[i * 4 + 1]! + 0.114 * data[i * 4 + 2]!;
    sum += Math.max(0, L - s / c); n++;
  }
  return n ? sum / n : 0;
}

/** The square around a box (clamped to the image), for a zoomed cell. */
function cropSquare(img: RgbaImage, box: [number, number, number, number]): RgbaImage {
  const side = Math.min(img.width, img.height, Math.ceil(Math.max(box[2] - box[0], box[3] - box[1])));
  const x0 = Math.max(0, Math.min(img.width - side, Math.round((box[0] + box[2] - side) / 2)));
  const y0 = Math.max(0, Math.min(img.height - side, Math.round((box[1] + box[3] - side) / 2)));
  const data = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++) data.set(img.data.subarray(((y0 + y) * img.width + x0) * 4, ((y0 + y) * img.width + x0 + side) * 4), y * side * 4);
  return { width: side, height: side, data };
}

async function pngOf(img: RgbaImage, label: string): Promise<{ input: Buffer }> {
  const raw = Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength);
  const tile = await sharp(raw, { raw: { width: img.width, height: img.height, channels: 4 } }).flatten({ background: '#000' }).resize(CELL, CELL).png().toBuffer();
  const labelH = 18;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CELL}" height="${labelH}"><rect width="100%" height="100%" fill="#111"/><text x="4" y="${labelH - 5}" font-family="sans-serif" font-size="13" fill="#eee">${label}</text></svg>`;
  const out = await sharp({ create: { width: CELL, height: CELL + labelH, channels: 3, background: '#000' } }).composite([{ input: tile, left: 0, top: 0 }, { input: Buffer.from(svg), left: 0, top: CELL }]).png().toBuffer();
  return { input: out };
}

async function measure(name: string): Promise<void> {
  const { analyzePortrait } = await import(path.join(root, 'src/analyze/index.ts'));
  const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
  const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
  const file = path.join(DATA, name);
  const t0 = performance.now(), c0 = process.cpuUsage();
  const portrait: Portrait = cached ? await (await import('./portraitCache.ts')).cachedPortrait(file) : await analyzePortrait(file);
  const analyzeMs = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const analyzeCpuMs = (cpu.user + cpu.system) / 1000;
  const avatar = buildAvatar(portrait);
  const size = avatar.size;
  const renderer = createRenderer(avatar, { width: size, height: size });
  const neutral: MotionFrame = renderer.neutralFrame();
  const at = (yaw: number): MotionFrame => ({ ...neutral, pose: { ...neutral.pose, yaw } });
  const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
  const white = { width: size, height: size, data: new Uint8ClampedArray(size * size * 4).fill(255) };
  const frames: Record<string, RgbaImage> = {};
  for (const yaw of [-25, 0, 25]) frames[`yaw ${yaw}`] = copy(renderer.render(at(yaw)));
  for (const yaw of [0, 25]) frames[`white ${yaw}`] = copy(renderer.render(at(yaw), { background: white }));
  const black = { width: size, height: size, data: Uint8ClampedArray.from({ length: size * size * 4 }, (_, k) => (k % 4 === 3 ? 255 : 0)) };
  frames['black 0'] = copy(renderer.render(at(0), { background: black }));
  const alpha: Record<number, RgbaImage> = {};
  for (const yaw of [-25, 0, 25]) alpha[yaw] = copy(renderer.render(at(yaw), { background: null }));
  // the band past the crop shows when the torso moves: a driver's strong pose (Katie, frame 35)
  const driverPose: MotionFrame = { ...neutral, pose: { yaw: -24, pitch: -17, roll: 9, tx: 0.09, ty: -0.06, tz: -0.13 } };
  const driven = copy(renderer.render(driverPose)), drivenAlpha = copy(renderer.render(driverPose, { background: null }));
  // where the frame shows the mesh's band past the crop (opaque pixels whose texture position lies
  // outside it): the stripes of a stretched last row or column (borderStretchShare) and the
  // band's share of the frame
  const pastCrop = (frame: MotionFrame, a: RgbaImage): Uint8Array => {
    const { x, y, triangles } = renderer.meshVertices(frame);
    const mask = new Uint8Array(size * size);
    const uv = avatar.uv;
    const outsideUv = (u: number, v: number) => u < 0 || v < 0 || u > size || v > size;
    for (let t = 0; t < triangles.length; t += 3) {
      const ids = [triangles[t]!, triangles[t + 1]!, triangles[t + 2]!];
      if (!ids.some((v) => outsideUv(uv[v * 2]!, uv[v * 2 + 1]!))) continue;
      const [p, q, r] = ids as [number, number, number];
      const area = (x[q]! - x[p]!) * (y[r]! - y[p]!) - (x[r]! - x[p]!) * (y[q]! - y[p]!);
      if (Math.abs(area) < 1e-9) continue;
      const x0 = Math.max(0, Math.floor(Math.min(x[p]!, x[q]!, x[r]!))), x1 = Math.min(size - 1, Math.ceil(Math.max(x[p]!, x[q]!, x[r]!)));
      const y0 = Math.max(0, Math.floor(Math.min(y[p]!, y[q]!, y[r]!))), y1 = Math.min(size - 1, Math.ceil(Math.max(y[p]!, y[q]!, y[r]!)));
      for (let py = y0; py <= y1; py++) for (let px = x0; px <= x1; px++) {
        const cx = px + 0.5, cy = py + 0.5;
        // barycentric weights (affine texture positions: within a pixel of the renderer's here)
        const bq = ((cx - x[p]!) * (y[r]! - y[p]!) - (x[r]! - x[p]!) * (cy - y[p]!)) / area;
        const br = ((x[q]! - x[p]!) * (cy - y[p]!) - (cx - x[p]!) * (y[q]! - y[p]!)) / area;
        const bp = 1 - bq - br;
        if (bp < 0 || bq < 0 || br < 0) continue;
        const u = bp * uv[p * 2]! + bq * uv[q * 2]! + br * uv[r * 2]!, v = bp * uv[p * 2 + 1]! + bq * uv[q * 2 + 1]! + br * uv[r * 2 + 1]!;
        if (outsideUv(u, v)) mask[py * size + px] = 1;
      }
    }
    for (let i = 0; i < mask.length; i++) if (a.data[i * 4 + 3]! < 128) mask[i] = 0;
    return mask;
  };
  const borderStretch: Record<string, number | null> = {}, bandShare: Record<string, number> = {};
  const measureBand = (key: string, frame: MotionFrame, img: RgbaImage, a: RgbaImage) => {
    const mask = pastCrop(frame, a);
    const share = borderStretchShare(img, mask);
    borderStretch[key] = Number.isNaN(share) ? null : Math.round(share * 1000) / 1000;
    bandShare[key] = Math.round((mask.reduce((s, v) => s + v, 0) / mask.length) * 1000) / 1000;
  };
  for (const yaw of [-25, 25]) measureBand(String(yaw), at(yaw), frames[`yaw ${yaw}`]!, alpha[yaw]!);
  measureBand('driver', driverPose, driven, drivenAlpha);

  const outside = outsidePhoto(portrait);
  const n = size * size;
  let outsideCount = 0;
  for (let i = 0; i < n; i++) outsideCount += outside[i]!;
  const inside = Uint8Array.from(outside, (v) => 1 - v);
  const streak = streakCoherence(frames['yaw 0']!, outside);
  const reference = streakCoherence(frames['yaw 0']!, inside);
  // plate behind the person uncovered by a turn (the plate under matte > 0.02 is invented)
  const uncovered: Record<string, number> = {};
  for (const yaw of [-25, 25]) {
    let c = 0;
    for (let i = 0; i < n; i++) if (!outside[i] && portrait.matte.data[i]! > 0.02 && alpha[yaw]!.data[i * 4 + 3]! < 128) c++;
    uncovered[yaw] = (outsideCount + c) / n;
  }
  // streak on the head of turned frames: inside the projected face oval grown by 25% about its
  // centre (cheeks, jaw, sideburns, ears, hairline), where the rendered person is opaque
  // and over the face alone (the projected oval itself: cheeks, forehead, jaw)
  const headStreak: Record<string, number> = {}, faceStreak: Record<string, number> = {}, revealedAcross: Record<string, number> = {};
  const headBox: Record<string, [number, number, number, number]> = {};
  // the outline's alpha ramp (px) on the half of the grown face oval turning away (both halves at
  // rest, the photo's own matte edge: the reference)
  const farRamp: Record<string, number> = {};
  for (const yaw of [-25, 0, 25]) {
    const lm = renderer.landmarks(at(yaw)) as [number, number, number][];
    const oval = FACE_OVAL.map((i) => lm[i]!);
    const cx = oval.reduce((a, p) => a + p[0], 0) / oval.length, cy = oval.reduce((a, p) => a + p[1], 0) / oval.length;
    const grown = (k: number) => oval.map((p) => [cx + k * (p[0] - cx), cy + k * (p[1] - cy)] as [number, number]);
    const coherenceIn = (poly: [number, number][]) => {
      const mask = new Uint8Array(n);
      for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
        const i = y * size + x;
        mask[i] = alpha[yaw]!.data[i * 4 + 3]! >= 128 && insidePolygon(x + 0.5, y + 0.5, poly) ? 1 : 0;
      }
      return Math.round(streakCoherence(frames[`yaw ${yaw}`]!, mask).coherence * 1000) / 1000;
    };
    const poly = grown(1.25);
    headStreak[yaw] = coherenceIn(poly);
    faceStreak[yaw] = coherenceIn(grown(1));
    // the half of the face the turn brings into view (beyond the nose bridge, 168, on the side
    // that turns toward the camera; both halves at rest): the share of gradient energy across x
    const noseX = lm[168]![0];
    const half = new Uint8Array(n);
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
      const i = y * size + x;
      const side = yaw > 0 ? x + 0.5 < noseX : yaw < 0 ? x + 0.5 > noseX : true;
      half[i] = side && alpha[yaw]!.data[i * 4 + 3]! >= 128 && insidePolygon(x + 0.5, y + 0.5, oval.map((p) => [p[0], p[1]] as [number, number])) ? 1 : 0;
    }
    revealedAcross[yaw] = Math.round(acrossStretchShare(frames[`yaw ${yaw}`]!, half) * 1000) / 1000;
    const farHalf = new Uint8Array(n);
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
      const side = yaw > 0 ? x + 0.5 > noseX : yaw < 0 ? x + 0.5 < noseX : true;
      farHalf[y * size + x] = side && insidePolygon(x + 0.5, y + 0.5, poly) ? 1 : 0;
    }
    farRamp[yaw] = Math.round(outlineRampWidth(alpha[yaw]!, farHalf).width * 100) / 100;
    const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
    headBox[yaw] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  }
  const csim: Record<string, number | null> = {};
  for (const yaw of [-25, 0, 25]) {
    const faces = await detectFaces(frames[`yaw ${yaw}`]!, { embedding: true });
    const best = faces.sort((a, b) => b.box[2] * b.box[3] - a.box[2] * a.box[3])[0];
    csim[yaw] = best?.embedding.length ? Math.round(cosineSimilarity(best.embedding, portrait.analysis.embedding) * 1000) / 1000 : null;
  }
  const round = (v: number) => Math.round(v * 1000) / 1000;
  // the old background's line along the outline at rest, over white and over black (both pooled by pixel count)
  const lines = [outlineLineExcess(frames['white 0']!, alpha[0]!, portrait.background, 255), outlineLineExcess(frames['black 0']!, alpha[0]!, portrait.background, 0)];
  const lineCount = lines[0]!.count + lines[1]!.count;
  const line = { excess: round(lineCount ? (lines[0]!.excess * lines[0]!.count + lines[1]!.excess * lines[1]!.count) / lineCount : 0), share: round(lineCount ? (lines[0]!.share * lines[0]!.count + lines[1]!.share * lines[1]!.count) / lineCount : 0), px: lineCount };
  const behind = Uint8Array.from(portrait.matte.data, (v) => (v > 0.02 ? 1 : 0));
  const repeat = round(repeatedShare(portrait.image, outside)), plateRepeat = round(repeatedShare(portrait.background, behind));
  const figures = {
    name, tag, analyzeMs: Math.round(analyzeMs), analyzeCpuMs: Math.round(analyzeCpuMs),
    inventedRest: round(outsideCount / n), inventedYawMinus25: round(uncovered[-25]!), inventedYawPlus25: round(uncovered[25]!),
    streak: round(streak.coherence), streakEnergy: round(streak.energy), streakPhoto: round(reference.coherence),
    repeat, plateRepeat, csim, borderStretch, bandShare, headStreak, faceStreak, revealedAcross, farRamp, tail: round(faintTail(alpha[0]!)), halo: round(haloExcess(alpha[0]!)), line,
    analysisInvented: (portrait.analysis as unknown as { invented?: unknown }).invented ?? null,
  };
  const dir = path.join(outDir, tag);
  await mkdir(dir, { recursive: true });
  const cells = [
    await pngOf(portrait.image, `${tag}: crop`),
    await pngOf(portrait.background, 'plate'),
    await pngOf(frames['yaw -25']!, 'yaw -25'),
    await pngOf(frames['yaw 0']!, 'yaw 0 (rest)'),
    await pngOf(frames['yaw 25']!, 'yaw +25'),
    await pngOf(frames['white 0']!, "--bg '#ffffff' rest"),
    await pngOf(frames['white 25']!, "--bg '#ffffff' +25"),
    await pngOf(cropSquare(frames['yaw -25']!, headBox[-25]!), 'yaw -25, head zoomed'),
    await pngOf(cropSquare(frames['yaw 25']!, headBox[25]!), 'yaw +25, head zoomed'),
    await pngOf(driven, "driver's pose (Katie 1.4 s)"),
  ];
  const row = await sharp({ create: { width: CELL * cells.length, height: CELL + 18, channels: 3, background: '#000' } })
    .composite(cells.map((c, k) => ({ input: c.input, left: k * CELL, top: 0 }))).png().toBuffer();
  const base = path.basename(name, path.extname(name));
  await writeFile(path.join(dir, `${base}.png`), row);
  await writeFile(path.join(dir, `${base}.json`), JSON.stringify(figures, null, 1));
  if (saveFrames) {
    const fdir = path.join(dir, base);
    await mkdir(fdir, { recursive: true });
    const all: Record<string, RgbaImage> = { ...frames, crop: portrait.image, plate: portrait.background, driver: driven };
    for (const [key, img] of Object.entries(all)) {
      const raw = Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength);
      await sharp(raw, { raw: { width: img.width, height: img.height, channels: 4 } }).flatten({ background: '#000' }).png().toFile(path.join(fdir, `${key.replace(/ /g, '_')}.png`));
    }
    await writeFile(path.join(fdir, 'headBox.json'), JSON.stringify(headBox));
  }
  console.log(JSON.stringify(figures));
}

async function compose(): Promise<void> {
  const docs = path.resolve(flag('--docs', path.join(HERE, 'docs', 'edges')));
  await mkdir(docs, { recursive: true });
  const table: string[] = ['| portrait | invented rest | invented at ±25 | streak (photo ref) | head streak -25 / 0 / +25 | face streak -25 / 0 / +25 | across-x share, revealed half -25 / 0 / +25 | CSIM -25 / 0 / +25 | repeat past photo / plate | halo | outline line levels / share | analyze ms wall / cpu |', '|---|---|---|---|---|---|---|---|---|---|---|---|'];
  for (const name of NAMES) {
    const base = path.basename(name, path.extname(name));
    const rows: Buffer[] = [];
    for (const t of ['before', 'after']) {
      const f = path.join(outDir, t, `${base}.png`);
      if (!existsSync(f)) continue;
      rows.push(await readFile(f));
      const j = JSON.parse(await readFile(path.join(outDir, t, `${base}.json`), 'utf8'));
      table.push(`| ${base} ${t} | ${j.inventedRest} | ${j.inventedYawMinus25} / ${j.inventedYawPlus25} | ${j.streak} (${j.streakPhoto}) | ${j.headStreak ? `${j.headStreak[-25]} / ${j.headStreak[0]} / ${j.headStreak[25]}` : '-'} | ${j.faceStreak ? `${j.faceStreak[-25]} / ${j.faceStreak[0]} / ${j.faceStreak[25]}` : '-'} | ${j.revealedAcross ? `${j.revealedAcross[-25]} / ${j.revealedAcross[0]} / ${j.revealedAcross[25]}` : '-'} | ${j.csim[-25]} / ${j.csim[0]} / ${j.csim[25]} | ${j.repeat ?? '-'} / ${j.plateRepeat ?? '-'} | ${j.halo} | ${j.line ? `${j.line.excess} / ${j.line.share}` : '-'} | ${j.analyzeMs} / ${j.analyzeCpuMs ?? '-'} |`);
    }
    if (rows.length === 0) continue;
    const metas = await Promise.all(rows.map((r) => sharp(r).metadata()));
    const height = metas.reduce((s, m) => s + m.height!, 0);
    let top = 0;
    const sheet = await sharp({ create: { width: metas[0]!.width!, height, channels: 3, background: '#000' } })
      .composite(rows.map((r, k) => { const o = { input: r, left: 0, top }; top += metas[k]!.height!; return o; }))
      .png({ palette: true, quality: 90, effort: 8, compressionLevel: 9 }).toBuffer();
    await writeFile(path.join(docs, `${base}.png`), sheet);
  }
  console.log(table.join('\n'));
}

if (args[0] === 'compose') {
  await compose();
} else {
  const names = args.length ? args.map((a) => (a.includes('.') ? a : NAMES.find((n) => n.startsWith(a + '.')) ?? a)) : NAMES;
  for (const name of names) await measure(name);
}
process.exit(0);

// What the product's encoders lose (s47): raw frames (PNG, e.g. from bench/fleckRender.ts) encoded by
// src/io/encode.ts's VideoEncoder per container, decoded back, and compared with the raw frames in a box
// (the mouth): PSNR, chroma "flecks" per frame (pixels whose CbCr moved > 8: the teal / grey specks of s46
// flecks46), the p99 chroma error, and the file size. `--webm-crf 32,24` sweeps webmQualitySetting.crf.
// The first 3 frames are skipped (rate control settling). Never asserts.
//   node --import tsx bench/encodeLoss.ts --frames DIR --box x,y,w,h [--containers mp4,webm,mov] [--webm-crf 32,24] [--fps 25]
import { readdirSync, mkdtempSync, statSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { VideoEncoder, webmQualitySetting, type Container } from '../src/io/encode.ts';
import { ffmpegPath } from '../src/io/ffmpeg.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const dir = opt('--frames', '');
const [bx, by, bw, bh] = opt('--box', '0,0,64,64').split(',').map(Number) as [number, number, number, number];
const containers = opt('--containers', 'mp4,webm').split(',') as Container[];
const webmCrfs = opt('--webm-crf', String(webmQualitySetting.crf)).split(',').map(Number);
const fps = Number(opt('--fps', '25'));
const SKIP = 3, FLECK = 8;

const files = readdirSync(dir).filter((f) => f.endsWith('.png')).sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
const raw = await Promise.all(files.map(async (f) => {
  const { data, info } = await sharp(path.join(dir, f)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8ClampedArray(data), width: info.width, height: info.height };
}));
const { width, height } = raw[0]!;
const work = mkdtempSync(path.join(tmpdir(), 'encodeLoss-'));

/** CbCr of an RGB pixel (BT.601). */
const cbcr = (r: number, g: number, b: number): [number, number] => [-0.1687 * r - 0.3313 * g + 0.5 * b, 0.5 * r - 0.4187 * g - 0.0813 * b];

/** The decoded frames of an encoded file, RGB. */
function decode(file: string): Buffer[] {
  const out = spawnSync(ffmpegPath(), ['-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'], { maxBuffer: 1 << 30 });
  const size = width * height * 3, frames: Buffer[] = [];
  for (let o = 0; o + size <= out.stdout.length; o += size) frames.push(out.stdout.subarray(o, o + size));
  return frames;
}

/** Box PSNR, chroma flecks per frame, p99 chroma error of decoded against raw. */
function loss(decoded: Buffer[]): { psnr: number; flecks: number; p99: number } {
  let se = 0, n = 0, flecks = 0;
  const errs: number[] = [];
  const frames = Math.min(decoded.length, raw.length);
  for (let k = SKIP; k < frames; k++) {
    const a = raw[k]!.data, b = decoded[k]!;
    for (let y = by; y < by + bh; y++) for (let x = bx; x < bx + bw; x++) {
      const o = (y * width + x) * 4, q = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) { se += (a[o + c]! - b[q + c]!) ** 2; n++; }
      const [u1, v1] = cbcr(a[o]!, a[o + 1]!, a[o + 2]!), [u2, v2] = cbcr(b[q]!, b[q + 1]!, b[q + 2]!);
      const e = Math.hypot(u1 - u2, v1 - v2);
      errs.push(e);
      if (e > FLECK) flecks++;
    }
  }
  errs.sort((p, q) => p - q);
  return { psnr: 10 * Math.log10((255 * 255) / (se / n)), flecks: flecks / Math.max(1, frames - SKIP), p99: errs[Math.floor(0.99 * (errs.length - 1))]! };
}

console.log(`${raw.length} frames ${width}x${height} from ${dir}; box ${bx},${by} ${bw}x${bh}`);
const runs: { c: Container; crf: number }[] = containers.flatMap((c): { c: Container; crf: number }[] => (c === 'webm' ? webmCrfs.map((crf) => ({ c, crf })) : [{ c, crf: NaN }]));
for (const { c, crf } of runs) {
  if (c === 'webm') webmQualitySetting.crf = crf;
  const file = path.join(work, `out${c === 'webm' ? crf : ''}.${c}`);
  const enc = new VideoEncoder({ output: file, container: c, width, height, fps });
  const t = process.hrtime.bigint();
  for (const f of raw) await enc.write(f);
  await enc.finish();
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const l = loss(decode(file));
  console.log(`${(c + (c === 'webm' ? ` crf ${crf}` : '')).padEnd(12)} PSNR ${l.psnr.toFixed(2)} dB  flecks/frame ${l.flecks.toFixed(1)}  p99 chroma ${l.p99.toFixed(1)}  ${(statSync(file).size / 1024).toFixed(0)} KB  encode ${ms.toFixed(0)} ms wall`);
}
rmSync(work, { recursive: true, force: true });

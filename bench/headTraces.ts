// Head pose traces, real speakers vs our audio-mode pose on their sound (issue #14, head16): per clip
// three panels (yaw, pitch, roll; degrees over the first 8 s), the real speaker's rig-fit reads
// (bench/headRead.ts --fps 25 --real-only caches them as real_<clip>.json), our pose now (seed 0) and,
// optionally, an earlier version's pose dumped by this bench (--dump FILE at that commit). Each trace
// is drawn about its own mean (sd in the label). For looking, not measuring.
//   node --import tsx bench/headTraces.ts --dump FILE [clips...]               (our pose per clip -> JSON)
//   node --import tsx bench/headTraces.ts --out FILE.jpg [--real DIR] [--before FILE] [clips...]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { contextVector, lipAudio, LIP_FRAME_DIM } from '../src/motion/lipFeatures.ts';
import { headMotion } from '../src/motion/headMotion.ts';
import { standardDeviation as sd } from '../src/math/stats.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const AXES = ['yaw', 'pitch', 'roll'] as const;
type Axis = (typeof AXES)[number];
type Traces = Record<Axis, number[]>;
const FPS = 25, SECONDS = 8;
const argv = process.argv.slice(2);
const VALUED = ['--out', '--real', '--before', '--dump'];
const arg = (n: string, d?: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1]! : d);
const clips = argv.filter((a, i) => !a.startsWith('--') && !VALUED.includes(argv[i - 1] ?? ''));
if (!clips.length) clips.push('WDA_KatieHill_000', 'styletalk_Obama_clip1', 'styletalk_feifeili_clip1', 'eng.wav');

function audioOf(name: string): string {
  if (name.endsWith('.wav')) return path.join(DATA, 'audio', name);
  const inVideo = path.join(DATA, 'video', `${name}.mp4`);
  return existsSync(inVideo) ? inVideo : path.join(DATA, 'train', 'clips', `${name}.mp4`);
}

async function ours(name: string): Promise<Traces> {
  const audio = await lipAudio(audioOf(name));
  const n = Math.min(Math.round((audio.samples / 16000) * FPS), SECONDS * FPS);
  const e = new Float64Array(n), here = new Float32Array(LIP_FRAME_DIM);
  for (let i = 0; i < n; i++) e[i] = contextVector(audio, i / FPS, [0], here)[0]!;
  const m = headMotion(e, FPS, 0, 0.2);
  return { yaw: Array.from(m.yaw), pitch: Array.from(m.pitch), roll: Array.from(m.roll) };
}

function real(dir: string, name: string): Traces | null {
  const file = path.join(dir, `real_${name}.json`);
  if (!existsSync(file)) return null;
  const reads = JSON.parse(readFileSync(file, 'utf8')) as ({ fit: Record<Axis, number> } | null)[];
  // a missed read repeats the last one
  const at = (a: Axis) => { let last = 0; return reads.map((r) => (r ? (last = r.fit[a]) : last)); };
  return { yaw: at('yaw'), pitch: at('pitch'), roll: at('roll') };
}

const dump = arg('--dump');
if (dump) {
  const out: Record<string, Traces> = {};
  for (const c of clips) out[c] = await ours(c);
  writeFileSync(dump, JSON.stringify(out));
  console.log(dump);
} else {
  const realDir = arg('--real', '/work/cache/head16/r25')!;
  const before = arg('--before') ? (JSON.parse(readFileSync(arg('--before')!, 'utf8')) as Record<string, Traces>) : {};
  const W = 900, PANEL = 110, LABEL = 18, RANGE = 24; // degrees shown top to bottom
  const colors = { real: '#ffffff', before: '#ff6050', after: '#50e070' } as const;
  let svg = '';
  let y = 0;
  for (const c of clips) {
    const series: [keyof typeof colors, Traces | null][] = [['real', real(realDir, c)], ['before', before[c] ?? null], ['after', await ours(c)]];
    svg += `<text x="6" y="${y + 15}" class="h">${c}</text>`;
    y += LABEL;
    for (const a of AXES) {
      svg += `<rect x="0" y="${y}" width="${W}" height="${PANEL}" fill="#1c1c1c" stroke="#444"/><line x1="0" x2="${W}" y1="${y + PANEL / 2}" y2="${y + PANEL / 2}" stroke="#333"/>`;
      let legend = `${a} sd:`;
      for (const [tag, tr] of series) {
        if (!tr) continue;
        const v = tr[a].slice(0, SECONDS * FPS), mean = v.reduce((p, q) => p + q, 0) / v.length;
        const pts = v.map((x, i) => `${((i / (SECONDS * FPS)) * W).toFixed(1)},${(y + PANEL / 2 - ((x - mean) / RANGE) * PANEL).toFixed(1)}`).join(' ');
        svg += `<polyline points="${pts}" fill="none" stroke="${colors[tag]}" stroke-width="1.5"/>`;
        legend += ` <tspan fill="${colors[tag]}">${tag} ${sd(v).toFixed(1)}</tspan>`;
      }
      svg += `<text x="6" y="${y + 14}" class="t">${legend}</text>`;
      y += PANEL;
    }
    y += 6;
  }
  const doc = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${y}"><style>.h{font:bold 14px sans-serif;fill:#fff}.t{font:12px sans-serif;fill:#ccc}</style><rect width="${W}" height="${y}" fill="#111"/>${svg}</svg>`;
  const out = arg('--out', '/tmp/headTraces.jpg')!;
  await sharp(Buffer.from(doc)).jpeg({ quality: 88 }).toFile(out);
  console.log(`${out}: ${RANGE} deg per panel height, each trace about its own mean; 1 s = ${(W / SECONDS).toFixed(0)} px`);
}

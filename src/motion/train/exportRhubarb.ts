// Experiment only (not the product): Rhubarb Lip Sync's mouth cues (the npm package
// rhubarb-lip-sync-wasm: PocketSphinx's pretrained English acoustic model, in WASM) for every clip
// exportLipData.ts wrote, as per-frame cue fractions at 25 fps, to test whether an acoustic model
// trained on many speakers helps ours. Writes `rhubarb.f32` (per clip n x RHUBARB_CUES.length) beside
// the index; the cues of each audio file are cached as JSON (Rhubarb takes ~1 CPU s per audio s).
//
//   RHUBARB_MODULE=/path/to/rhubarb-lip-sync-wasm node --import tsx src/motion/train/exportRhubarb.ts \
//     [--dir /tmp/lipseq] [--grid 0] [--cache /tmp/rhubarb-cues] [--shard K/N]
// With shards (parallel processes), run once more without --shard afterwards: it finds every clip
// cached and writes rhubarb.f32 (a shard writes it only if all clips were cached when it finished).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeAudio } from '../../io/decodeAudio.ts';
import { DEFAULT_GRID, HELDOUT_CLIPS, trainingClips } from './teacher.ts';

export interface MouthCue { start: number; end: number; value: string }
/** Rhubarb's shapes: A closed (p/b/m), B clenched, C open, D wide open, E rounded, F puckered (u/w), G f/v, H l, X rest */
export const RHUBARB_CUES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'X'] as const;
const SUBSAMPLES = 8;

/**
 * Per-frame fraction of each cue over the frame's 40 ms window (frame i centred at i / fps).
 * Rhubarb's cues overlap by a few tens of ms where it tweens: the later-starting cue wins there.
 */
export function cueFractions(cues: MouthCue[], n: number, fps = 25): Float32Array {
  const K = RHUBARB_CUES.length;
  const out = new Float32Array(n * K);
  const sorted = [...cues].sort((a, b) => a.start - b.start);
  for (let i = 0; i < n; i++) {
    for (let s = 0; s < SUBSAMPLES; s++) {
      const t = (i + (s + 0.5) / SUBSAMPLES - 0.5) / fps;
      let shape = RHUBARB_CUES.indexOf('X');
      for (const c of sorted) {
        if (c.start > t) break;
        if (t < c.end) shape = Math.max(0, RHUBARB_CUES.indexOf(c.value as (typeof RHUBARB_CUES)[number]));
      }
      out[i * K + shape]! += 1 / SUBSAMPLES;
    }
  }
  return out;
}

/** 16-bit little-endian PCM of float samples, as Rhubarb reads it */
function toPcm16(x: Float32Array): Buffer {
  const b = Buffer.alloc(x.length * 2);
  for (let i = 0; i < x.length; i++) b.writeInt16LE(Math.round(Math.max(-1, Math.min(1, x[i]!)) * 32767), i * 2);
  return b;
}

type Rhubarb = { getLipSync(pcm: Buffer, dialog: string): { mouthCues: MouthCue[] } };

/** Rhubarb's WASM module from the installed package's files, with its debug printing silenced. */
export async function loadRhubarb(packageDir: string): Promise<Rhubarb> {
  const wasmDir = path.join(packageDir, 'dist', 'wasm');
  const factory = (await import(pathToFileURL(path.join(wasmDir, 'rhubarb.js')).href)).default as (o: object) => Promise<Rhubarb>;
  return factory({ locateFile: (f: string) => path.join(wasmDir, f), print: () => {}, printErr: () => {} });
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function main(): Promise<void> {
  const dir = arg('--dir', '/tmp/lipseq');
  const cacheDir = arg('--cache', '/tmp/rhubarb-cues');
  const [k, N] = arg('--shard', '0/1').split('/').map(Number) as [number, number];
  mkdirSync(cacheDir, { recursive: true });
  const index = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as { clips: { name: string; n: number }[] };
  const byName = new Map([...trainingClips(Number(arg('--grid', String(DEFAULT_GRID)))), ...HELDOUT_CLIPS].map((c) => [c.name, c]));
  const rhubarb = await loadRhubarb(process.env.RHUBARB_MODULE ?? 'node_modules/rhubarb-lip-sync-wasm');
  let audioSeconds = 0;
  let cpu = 0;
  const out: Float32Array[] = [];
  for (const [j, c] of index.clips.entries()) {
    const file = path.join(cacheDir, `${c.name}.json`);
    if (!existsSync(file) && j % N === k) {
      const samples = await decodeAudio(byName.get(c.name)!.audio, { sampleRate: 16000 });
      const t0 = process.cpuUsage();
      const cues = rhubarb.getLipSync(toPcm16(samples), '').mouthCues;
      const used = process.cpuUsage(t0);
      cpu += (used.user + used.system) / 1e6;
      audioSeconds += samples.length / 16000;
      writeFileSync(file, JSON.stringify(cues));
      console.log(`[rhubarb] ${c.name}: ${cues.length} cues, ${(samples.length / 16000).toFixed(1)} s audio`);
    }
    if (existsSync(file)) out.push(cueFractions(JSON.parse(readFileSync(file, 'utf8')) as MouthCue[], c.n));
  }
  if (audioSeconds > 0) console.log(`[rhubarb] ${audioSeconds.toFixed(0)} s of audio in ${cpu.toFixed(0)} CPU s (${(cpu / audioSeconds).toFixed(2)} CPU s per audio s)`);
  if (out.length === index.clips.length) {
    const all = new Float32Array(out.reduce((s, a) => s + a.length, 0));
    let o = 0;
    for (const a of out) (all.set(a, o), (o += a.length));
    writeFileSync(path.join(dir, 'rhubarb.f32'), new Uint8Array(all.buffer));
    console.log(`[rhubarb] wrote ${path.join(dir, 'rhubarb.f32')}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main();

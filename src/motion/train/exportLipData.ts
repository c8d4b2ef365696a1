// Exports the lip model's training data for the sequence trainer (trainLipSeq.py): per clip the
// normalised 100 Hz log-mel frames (lipFeatures.ts, exactly what the product computes), the
// teacher's mouth weights at 25 fps, the measure's curve (`motion --video` jawOpen), the lip gap
// over rest, speech activity, the usable-frame mask and the teacher's smile (lipseq's `smile` experiments).
// One binary file of float32 blocks and one JSON index (names, speakers, roles, block offsets).
//
//   node --import tsx src/motion/train/exportLipData.ts [--out /tmp/lipseq] [--grid 32] [--streaming]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIP_FRAME_DIM } from '../lipFeatures.ts';
import { DEFAULT_CACHE, DEFAULT_GRID, HELDOUT_CLIPS, readCachedFaces, trainingClips, type TrainClip } from './teacher.ts';
import { LIP_TARGETS, loadClipData, type ClipData } from './lipData.ts';
import { speakerFolds } from './trainLips.ts';

interface Block { offset: number; length: number }
export interface ExportedClip {
  name: string;
  speaker: string;
  role: 'train' | 'heldout';
  n: number;
  n100: number;
  blocks: Record<'mel' | 'Y' | 'valid' | 'videoJaw' | 'gap' | 'speech', Block> & { smile?: Block };
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** Loads and writes every cached clip of the list; returns the index. */
export async function exportLipData(out: string, clips: TrainClip[], cacheDir = DEFAULT_CACHE, streaming = false, seed = 1): Promise<ExportedClip[]> {
  const data: ClipData[] = [];
  for (const clip of clips) {
    const faces = readCachedFaces(cacheDir, clip);
    if (faces) data.push(await loadClipData(clip, faces, [0], streaming));
  }
  const speakers = [...new Set(data.filter((c) => c.clip.role === 'train').map((c) => c.clip.speaker))].filter((s) => s !== 'grid_s1');
  return writeClipData(out, data, speakerFolds(speakers, 3, seed));
}

/** Writes loaded clips and the speaker folds (so that both trainers score the same split). */
export function writeClipData(out: string, data: ClipData[], folds: string[][]): ExportedClip[] {
  mkdirSync(out, { recursive: true });
  const parts: Float32Array[] = [];
  let at = 0;
  const put = (a: ArrayLike<number>): Block => {
    const f = Float32Array.from(a);
    parts.push(f);
    const b = { offset: at, length: f.length };
    at += f.length;
    return b;
  };
  const index: ExportedClip[] = [];
  for (const c of data) {
    const clip = c.clip;
    index.push({
      name: clip.name, speaker: clip.speaker, role: clip.role, n: c.n, n100: c.audio.n100,
      blocks: { mel: put(c.audio.frames), Y: put(c.Y), valid: put(c.valid), videoJaw: put(c.videoJaw), gap: put(c.gapOverRest), speech: put(c.speech), ...(c.smile ? { smile: put(c.smile) } : {}) },
    });
  }
  const all = new Float32Array(at);
  let o = 0;
  for (const p of parts) (all.set(p, o), (o += p.length));
  writeFileSync(path.join(out, 'data.f32'), new Uint8Array(all.buffer));
  writeFileSync(path.join(out, 'index.json'), JSON.stringify({ frameDim: LIP_FRAME_DIM, targets: LIP_TARGETS, fps: 25, folds, clips: index }));
  return index;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const out = arg('--out', '/tmp/lipseq');
  const grid = Number(arg('--grid', String(DEFAULT_GRID)));
  const index = await exportLipData(out, [...trainingClips(grid), ...HELDOUT_CLIPS], arg('--cache', DEFAULT_CACHE), process.argv.includes('--streaming'));
  console.log(`[export] ${index.length} clips, ${index.reduce((s, c) => s + c.n, 0)} frames -> ${out}`);
}

// The sequence model's training step of `npm run train:mouth`: the loaded clips go to the torch
// trainer (lipseq/train.py, Debian python3-torch, training tooling only), which writes one network
// per speaker fold and the final one; each is read back with the product's TypeScript forward pass
// (lipTcn.ts), calibrated onto the teacher like the MLP (calibrate.ts) and scored by trainLips.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tcnFromJson, type LipTcn } from '../lipTcn.ts';
import type { LipModel } from '../lipModel.ts';
import { quantileCalibration } from './calibrate.ts';
import { writeClipData } from './exportLipData.ts';
import { LIP_TARGETS, type ClipData } from './lipData.ts';
import type { LipRecipe } from './trainLips.ts';

const TRAINER = fileURLToPath(new URL('./lipseq/train.py', import.meta.url));
/** Debian's python3 (its python3-torch); PYTHON overrides */
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';

/** Trains the fold networks (fold1..foldK, in `folds` order) and the final one; returns them by tag. */
export function trainSeqNetworks(clips: ClipData[], folds: string[][], recipe: string, seed: number, log: (s: string) => void): Map<string, LipTcn> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lipseq-'));
  try {
    writeClipData(path.join(dir, 'data'), clips, folds);
    const run = spawnSync(PYTHON, [TRAINER, path.join(dir, 'data'), path.join(dir, 'nets'), recipe, String(seed)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, OMP_NUM_THREADS: '1' } });
    if (run.error || run.status !== 0) throw new Error(`${PYTHON} ${TRAINER} failed (${run.error?.message ?? `exit ${run.status}`}); it needs Debian's python3-torch: apt-get install -y python3-torch`);
    for (const line of run.stdout.trim().split('\n')) log(line);
    const tags = [...folds.map((_, k) => `fold${k + 1}`), 'final'];
    return new Map(tags.map((t) => [t, tcnFromJson(JSON.parse(readFileSync(path.join(dir, 'nets', `${t}.json`), 'utf8')) as Record<string, unknown>, `${t}.json`)]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A trained network as a lip model, calibrated on the clips it was trained on (per-clip standardised targets, Ycal the teacher's). */
export function seqLipModel(tcn: LipTcn, fit: ClipData[], recipe: LipRecipe, meta: Record<string, unknown>, mlp?: LipModel): LipModel {
  const empty = new Float32Array(0);
  // with `mlp` (trained on the same clips), the model averages the two networks' raw curves
  const model: LipModel = { kind: 'lip-tcn', version: 2, tcn, offsets: mlp?.offsets ?? [], targets: LIP_TARGETS, mean: mlp?.mean ?? empty, std: mlp?.std ?? empty, layers: mlp?.layers ?? [], gain: LIP_TARGETS.map(() => 1), offset: LIP_TARGETS.map(() => 0), smooth: recipe.smooth, jawDips: recipe.jawDips || undefined, meta };
  model.quantileMap = quantileCalibration(model, fit, recipe.meanMapped ?? []);
  return model;
}

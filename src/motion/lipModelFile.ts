// The lip model's file (src/motion/models/lips*.json): the network's arrays as base64 little-endian
// float32, read back with every size checked so a damaged or stale file fails with one line that
// says how to rebuild it. The frame-wise MLP ('lip-mlp') and the sequence network ('lip-tcn').
import { FileFormatError } from '../errors.ts';
import { LIP_FRAME_DIM } from './lipFeatures.ts';
import { base64ToFloat32, float32ToBase64 } from './base64.ts';
import { tcnFromJson, tcnToJson } from './lipTcn.ts';
import type { LipModel } from './lipModel.ts';

/** On-disk form: arrays as base64 little-endian float32. */
interface LipModelFile {
  kind: 'lip-mlp';
  version: 2;
  offsets: number[];
  targets: string[];
  mean: string;
  std: string;
  layers: { inputs: number; outputs: number; w: string; b: string }[];
  gain: number[];
  offset: number[];
  smooth?: number;
  quantileMap?: { from: number[]; to: number[] }[];
  meta: Record<string, unknown>;
}

// pure TypeScript (no Buffer): the live page decodes the causal model in the browser
const toB64 = float32ToBase64;
const fromB64 = base64ToFloat32;

export function serialiseLipModel(m: LipModel): string {
  const mlp = m.layers.length ? { offsets: m.offsets, mean: toB64(m.mean), std: toB64(m.std), layers: m.layers.map((l) => ({ inputs: l.inputs, outputs: l.outputs, w: toB64(l.w), b: toB64(l.b) })) } : undefined;
  if (m.tcn) return JSON.stringify({ kind: 'lip-tcn', version: 1, targets: m.targets, tcn: tcnToJson(m.tcn), mlp, gain: m.gain, offset: m.offset, smooth: m.smooth, jawDips: m.jawDips, quantileMap: m.quantileMap, meta: m.meta }, null, 1);
  const f: LipModelFile = {
    kind: 'lip-mlp',
    version: m.version,
    offsets: m.offsets,
    targets: m.targets,
    mean: toB64(m.mean),
    std: toB64(m.std),
    layers: m.layers.map((l) => ({ inputs: l.inputs, outputs: l.outputs, w: toB64(l.w), b: toB64(l.b) })),
    gain: m.gain,
    offset: m.offset,
    smooth: m.smooth,
    quantileMap: m.quantileMap,
    meta: m.meta,
  };
  return JSON.stringify(f, null, 1);
}

export function parseLipModel(text: string, where: string): LipModel {
  let f: LipModelFile;
  try {
    f = JSON.parse(text) as LipModelFile;
  } catch (err) {
    throw new FileFormatError(`The lip model ${where} is not valid JSON (${(err as Error).message}). Rebuild it: npm run train:mouth`);
  }
  if ((f.kind as string) === 'lip-tcn') return parseTcnModel(f as unknown as Record<string, unknown>, where);
  if (f.kind !== 'lip-mlp' || f.version !== 2) throw new FileFormatError(`${where} is not a version-2 lip model. Rebuild it: npm run train:mouth`);
  const m: LipModel = {
    kind: f.kind,
    version: f.version,
    offsets: f.offsets,
    targets: f.targets,
    mean: fromB64(f.mean),
    std: fromB64(f.std),
    layers: f.layers.map((l) => ({ inputs: l.inputs, outputs: l.outputs, w: fromB64(l.w), b: fromB64(l.b) })),
    gain: f.gain ?? f.targets.map(() => 1),
    offset: f.offset ?? f.targets.map(() => 0),
    smooth: f.smooth,
    quantileMap: f.quantileMap,
    meta: f.meta,
  };
  const dim = m.offsets.length * LIP_FRAME_DIM;
  let prev = dim;
  const bad = m.mean.length !== dim || m.std.length !== dim || m.layers.some((l) => {
    const wrong = l.inputs !== prev || l.w.length !== l.inputs * l.outputs || l.b.length !== l.outputs;
    prev = l.outputs;
    return wrong;
  }) || prev !== m.targets.length || m.gain.length !== m.targets.length || m.offset.length !== m.targets.length ||
    (m.quantileMap !== undefined && (m.quantileMap.length !== m.targets.length || m.quantileMap.some((q) => q.from.length < 2 || q.from.length !== q.to.length || q.from.some((v, i) => i > 0 && v <= q.from[i - 1]!))));
  if (bad) throw new FileFormatError(`The lip model ${where} has inconsistent layer sizes. Rebuild it: npm run train:mouth`);
  return m;
}

/** A sequence model's file: the network (lipTcn.ts) plus the same calibration fields as the MLP's. */
function parseTcnModel(f: Record<string, unknown>, where: string): LipModel {
  const g = f as { targets: string[]; tcn: Record<string, unknown>; mlp?: { offsets: number[]; mean: string; std: string; layers: { inputs: number; outputs: number; w: string; b: string }[] }; gain?: number[]; offset?: number[]; smooth?: number; jawDips?: number; quantileMap?: { from: number[]; to: number[] }[]; meta: Record<string, unknown> };
  const tcn = tcnFromJson(g.tcn, where);
  const empty = new Float32Array(0);
  // an MLP beside the network: the two raw curves are averaged (see rawLipCurves)
  const layers = (g.mlp?.layers ?? []).map((l) => ({ inputs: l.inputs, outputs: l.outputs, w: fromB64(l.w), b: fromB64(l.b) }));
  const m: LipModel = { kind: 'lip-tcn', version: 2, tcn, offsets: g.mlp?.offsets ?? [], targets: g.targets, mean: g.mlp ? fromB64(g.mlp.mean) : empty, std: g.mlp ? fromB64(g.mlp.std) : empty, layers, gain: g.gain ?? g.targets.map(() => 1), offset: g.offset ?? g.targets.map(() => 0), smooth: g.smooth, jawDips: g.jawDips, quantileMap: g.quantileMap, meta: g.meta ?? {} };
  let prev = m.offsets.length * LIP_FRAME_DIM;
  const badMlp = layers.length > 0 && (m.mean.length !== prev || m.std.length !== prev || layers.some((l) => {
    const wrong = l.inputs !== prev || l.w.length !== l.inputs * l.outputs || l.b.length !== l.outputs;
    prev = l.outputs;
    return wrong;
  }) || prev !== m.targets.length);
  if (badMlp || tcn.targets.length !== m.targets.length || m.quantileMap?.some((q) => q.from.length < 2 || q.from.length !== q.to.length || q.from.some((v, i) => i > 0 && v <= q.from[i - 1]!))) throw new FileFormatError(`The lip model ${where} has inconsistent layer sizes. Rebuild it: npm run train:mouth`);
  return m;
}

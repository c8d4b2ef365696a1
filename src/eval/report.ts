// Markdown tables for evaluation reports: one per run, and one summary over many runs.
import path from 'node:path';
import type { EvalReport, MethodScores } from './types.ts';
import { BASE_CONTROL_COUNT } from '../rig/controls.ts';

interface Column {
  key: string;
  title: string;
  digits: number;
  /** arrow telling which way is better */
  better: '↑' | '↓' | '';
}

const REENACT_COLUMNS: Column[] = [
  { key: 'psnr', title: 'PSNR', digits: 2, better: '↑' },
  { key: 'psnrFace', title: 'PSNR face', digits: 2, better: '↑' },
  { key: 'ssim', title: 'SSIM', digits: 3, better: '↑' },
  { key: 'ssimFace', title: 'SSIM face', digits: 3, better: '↑' },
  { key: 'psnrMouth', title: 'PSNR mouth', digits: 2, better: '↑' },
  { key: 'ssimMouth', title: 'SSIM mouth', digits: 3, better: '↑' },
  { key: 'psnrMouthOpen', title: 'PSNR mouth open', digits: 2, better: '↑' },
  { key: 'ssimMouthOpen', title: 'SSIM mouth open', digits: 3, better: '↑' },
  { key: 'lipGapRatio', title: 'lip gap / real (open)', digits: 2, better: '' },
  { key: 'lipGapR', title: 'lip gap r', digits: 3, better: '↑' },
  { key: 'csim', title: 'CSIM', digits: 3, better: '↑' },
  { key: 'aedRig', title: 'AED rig', digits: 3, better: '↓' },
  { key: 'aedLm', title: 'AED lm', digits: 4, better: '↓' },
  { key: 'apd', title: 'APD °', digits: 2, better: '↓' },
  { key: 'nme', title: 'NME', digits: 4, better: '↓' },
  { key: 'faceScale', title: 'face size / real', digits: 2, better: '' },
  { key: 'faceShift', title: 'nose shift / IOD', digits: 3, better: '↓' },
  { key: 'faceFound', title: 'face found', digits: 2, better: '↑' },
];

const AUDIO_COLUMNS: Column[] = [
  { key: 'lipR', title: 'lip r (best lag)', digits: 3, better: '↑' },
  { key: 'lipLag', title: 'lag (frames)', digits: 0, better: '' },
  { key: 'lipR0', title: 'r at lag 0', digits: 3, better: '↑' },
  { key: 'lipRWide', title: 'r within ±8', digits: 3, better: '' },
  { key: 'lipLagWide', title: 'its lag', digits: 0, better: '' },
  { key: 'mouthOpening', title: 'mouth opening mean', digits: 3, better: '' },
  { key: 'jitter', title: 'head jitter (rigid pts)', digits: 4, better: '↓' },
  { key: 'faceFound', title: 'face found', digits: 2, better: '↑' },
];

/** cross mode has no real frames of the driven photo: only identity, expression and pose */
const CROSS_COLUMNS: Column[] = ['csim', 'aedRig', 'apd', 'faceFound'].map((key) => REENACT_COLUMNS.find((c) => c.key === key)!);

export function columnsFor(mode: EvalReport['mode']): Column[] {
  return mode === 'reenact' ? REENACT_COLUMNS : mode === 'audio' ? AUDIO_COLUMNS : CROSS_COLUMNS;
}

export function fmt(v: number | undefined | null, digits: number): string {
  if (v === undefined || v === null || Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  return v.toFixed(digits);
}

function cell(scores: MethodScores | undefined, c: Column): string {
  const s = scores?.[c.key];
  return s && s.n ? fmt(s.mean, c.digits) : '–';
}

/** The Markdown report of one run: a table of mean scores per method, then the notes. */
export function reportMarkdown(r: EvalReport): string {
  const cols = columnsFor(r.mode);
  const order = ['engine', 'motion', 'baseline', 'loudness', 'real'].filter((m) => r.methods[m]);
  const lines: string[] = [];
  const what = r.mode === 'cross' ? `${path.basename(r.image ?? '')} driven by ${path.basename(r.video)}` : path.basename(r.video);
  lines.push(`### ${what} — ${r.mode} (${r.seconds.toFixed(1)} s at ${r.fps} fps, ${r.frames} frames scored, ${r.date.slice(0, 10)})`);
  lines.push('');
  if (r.engineUnavailable) lines.push(`**Engine rows missing:** ${r.engineUnavailable}`, '');
  lines.push(`| method | ${cols.map((c) => `${c.title} ${c.better}`.trim()).join(' | ')} |`);
  lines.push(`|---|${cols.map(() => '---:').join('|')}|`);
  for (const m of order) lines.push(`| ${m} | ${cols.map((c) => cell(r.methods[m], c)).join(' | ')} |`);
  lines.push('');
  lines.push('Means over frames (report.json also has medians and worst frames).');
  for (const n of r.notes) lines.push(`- ${n}`);
  return lines.join('\n') + '\n';
}

function ordinal(n: number): string {
  return n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th';
}

/** "engine / baseline" in one cell, the better one in bold. */
function pair(r: EvalReport, key: string, digits: number, higherIsBetter: boolean): string {
  const e = r.methods.engine?.[key];
  const b = r.methods.baseline?.[key];
  const ev = e && e.n ? e.mean : NaN;
  const bv = b && b.n ? b.mean : NaN;
  let es = fmt(ev, digits);
  let bs = fmt(bv, digits);
  if (Number.isFinite(ev) && Number.isFinite(bv) && ev.toFixed(digits) !== bv.toFixed(digits)) {
    if (higherIsBetter ? ev > bv : ev < bv) es = `**${es}**`;
    else bs = `**${bs}**`;
  } else if (Number.isFinite(ev) && !Number.isFinite(bv) && key === 'lipR') es = `**${es}**`;
  return `${es} / ${bs}`;
}

/** One table over many runs: each cell "engine / baseline", better in bold. */
export function summaryMarkdown(reports: EvalReport[], opts: { maxSeconds?: number; failures?: { video: string; mode: string; error: string }[] } = {}): string {
  const lines: string[] = [];
  const date = reports[0]?.date.slice(0, 10) ?? new Date().toISOString().slice(0, 10);
  lines.push(`Evaluation of ${date}${opts.maxSeconds ? `, each video capped at its first ${opts.maxSeconds} s` : ''}. Cells: **engine** / baseline (the photo repeated); the better of the two in bold.`);
  lines.push('');
  const reenact = reports.filter((r) => r.mode === 'reenact');
  if (reenact.length) {
    lines.push('Self-reenactment (photo = frame 0, driven by the rest of the video):');
    lines.push('');
    lines.push('| video | s | PSNR ↑ | PSNR face ↑ | SSIM ↑ | SSIM face ↑ | PSNR mouth ↑ | SSIM mouth ↑ | PSNR mouth open ↑ | CSIM ↑ | AED rig ↓ | AED lm ↓ | APD ° ↓ | NME ↓ | face found | rest PSNR face |');
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of reenact) {
      const found = r.methods.engine?.faceFound;
      lines.push(
        `| ${path.basename(r.video)} | ${r.seconds.toFixed(1)} | ${pair(r, 'psnr', 2, true)} | ${pair(r, 'psnrFace', 2, true)} | ${pair(r, 'ssim', 3, true)} | ${pair(r, 'ssimFace', 3, true)} | ${pair(r, 'psnrMouth', 2, true)} | ${pair(r, 'ssimMouth', 3, true)} | ${pair(r, 'psnrMouthOpen', 2, true)} | ${pair(r, 'csim', 3, true)} | ${pair(r, 'aedRig', 3, false)} | ${pair(r, 'aedLm', 4, false)} | ${pair(r, 'apd', 2, false)} | ${pair(r, 'nme', 4, false)} | ${found && found.n ? fmt(found.mean, 2) : '–'} | ${fmt(r.reconstruction?.psnrFace, 2)} |`,
      );
    }
    lines.push('');
  }
  const audio = reports.filter((r) => r.mode === 'audio');
  if (audio.length) {
    lines.push('Audio-driven lip sync (photo = frame 0, the video\'s own speech, static head pose):');
    lines.push('');
    lines.push('| video | s | lip r, rendered ↑ | lag | lip r, motion curve ↑ | loudness r (reference) | baseline r | rendered r within ±8 (lag) | head jitter gen / real | note |');
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    for (const r of audio) {
      const m = r.methods;
      const v = (method: string, key: string, d: number) => (m[method]?.[key]?.n ? fmt(m[method]![key]!.mean, d) : '–');
      const inSample = r.notes.some((n) => n.startsWith('IN-SAMPLE')) ? 'in the mouth model\'s training data' : '';
      lines.push(`| ${path.basename(r.video)} | ${r.seconds.toFixed(1)} | ${v('engine', 'lipR', 3)} | ${v('engine', 'lipLag', 0)} | ${v('motion', 'lipR', 3)} | ${v('loudness', 'lipR', 3)} | ${v('baseline', 'lipR', 3)} (constant) | ${v('engine', 'lipRWide', 3)} (${v('engine', 'lipLagWide', 0)}) | ${v('engine', 'jitter', 4)} / ${v('real', 'jitter', 4)} | ${inSample} |`);
    }
    lines.push('');
  }
  const cross = reports.filter((r) => r.mode === 'cross');
  if (cross.length) {
    lines.push('| photo | driver | s | CSIM ↑ | AED rig ↓ | APD ° ↓ |');
    lines.push('|---|---|---:|---:|---:|---:|');
    for (const r of cross) lines.push(`| ${path.basename(r.image ?? '')} | ${path.basename(r.video)} | ${r.seconds.toFixed(1)} | ${pair(r, 'csim', 3, true)} | ${pair(r, 'aedRig', 3, false)} | ${pair(r, 'apd', 2, false)} |`);
    lines.push('');
  }
  const missing = reports.find((r) => r.engineUnavailable);
  if (missing) lines.push(`**Engine rows missing:** ${missing.engineUnavailable}`, '');
  for (const f of opts.failures ?? []) lines.push(`- ${path.basename(f.video)} ${f.mode}: FAILED: ${f.error}`);
  lines.push(
    `PSNR in dB, whole frame every frame; face-region metrics (hull of the real landmarks +10%), CSIM (cosine of face embeddings vs the photo), AED rig (mean |Δweight| over the ${BASE_CONTROL_COUNT} base rig controls), AED lm (Procrustes-aligned landmark distance / inter-ocular), APD (mean |Δyaw|,|Δpitch|,|Δroll|, degrees) and NME (landmark distance / inter-ocular) on every ${reenact[0]?.detectEvery ?? 3}${ordinal(reenact[0]?.detectEvery ?? 3)} frame. Lip r: Pearson r of the inner-lip gap, generated vs real, best lag within ±3 frames. The baseline has no mouth motion, so its r is undefined (–). The source frame is not scored. Rest PSNR face: the avatar rendered at rest (the photo's own pose and expression) against the photo, face region: the ceiling of the image metrics whatever the motion. CSIM of the baseline is 1 by construction (it is the photo).`,
  );
  return lines.join('\n') + '\n';
}

// A mode's results as a report: assembled in the same field order for every mode, serialised as
// JSON, and written with its Markdown and contact sheets into one folder, atomically.
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { withAtomicDir } from '../io/atomic.ts';
import { scored } from './series.ts';
import type { EvalReport, MethodSeries } from './types.ts';

/** A report's fields as a mode has them: the per-frame series, not yet summarised. */
export interface ReportParts extends Pick<EvalReport, 'video' | 'mode' | 'image' | 'audio' | 'frames' | 'seconds' | 'fps' | 'detectEvery' | 'notes' | 'reconstruction' | 'timings'> {
  /** why the engine rows are missing, when they are */
  unavailable?: string;
  /** method -> metric -> per-frame values */
  series: Record<string, MethodSeries>;
}

/** The report of a run, dated now, with each method's summaries computed from its series. */
export function assembleReport(p: ReportParts): EvalReport {
  return {
    video: p.video,
    mode: p.mode,
    ...(p.image ? { image: p.image } : {}),
    ...(p.audio ? { audio: p.audio } : {}),
    date: new Date().toISOString(),
    frames: p.frames,
    seconds: p.seconds,
    fps: p.fps,
    detectEvery: p.detectEvery,
    ...(p.unavailable ? { engineUnavailable: p.unavailable } : {}),
    notes: p.notes,
    ...scored(p.series),
    ...(p.reconstruction ? { reconstruction: p.reconstruction } : {}),
    timings: p.timings,
  };
}

/** JSON with non-finite numbers as null (JSON has no Infinity/NaN). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 1);
}

/** Writes report.json, report.md and sheet.png (and mouth.png) into `dir` atomically. */
export async function writeReport(dir: string, report: EvalReport, sheet: Buffer, markdown: string, mouthSheet?: Buffer): Promise<void> {
  await withAtomicDir(dir, async (tmp) => {
    await writeFile(path.join(tmp, 'report.json'), toJson(report));
    await writeFile(path.join(tmp, 'report.md'), markdown);
    await writeFile(path.join(tmp, 'sheet.png'), sheet);
    if (mouthSheet) await writeFile(path.join(tmp, 'mouth.png'), mouthSheet);
  });
}

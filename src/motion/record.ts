// The Motion record on disk: validated JSON that a person can read and edit (one frame per line).
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { FileFormatError } from '../errors.ts';
import { writeFileAtomic } from '../io/atomic.ts';
import type { Motion, MotionFrame } from '../types.ts';
import { withSourceReference } from './soundtrack.ts';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

export const MotionFrameSchema = z.object({
  w: z.record(z.string(), finite.refine((v) => v >= -1 && v <= 2, 'rig weight must be within -1..2')).default({}),
  pose: z.object({ yaw: finite, pitch: finite, roll: finite, tx: finite.default(0), ty: finite.default(0), tz: finite.default(0) }),
  gaze: z.tuple([finite.refine((v) => Math.abs(v) <= 1, 'gaze x must be within -1..1'), finite.refine((v) => Math.abs(v) <= 1, 'gaze y must be within -1..1')]).default([0, 0]),
  blink: finite.refine((v) => v >= 0 && v <= 1, 'blink must be within 0..1').default(0),
  mouthDark: finite.refine((v) => v >= 0 && v <= 1, 'mouthDark must be within 0..1').optional(),
  vergence: finite.refine((v) => Math.abs(v) <= 1, 'vergence must be within -1..1').optional(),
});

export const MotionSchema = z
  .object({
    version: z.literal(1),
    fps: z.number().positive().max(240),
    frameCount: z.number().int().min(0),
    source: z.object({ kind: z.enum(['audio', 'video', 'manual']), file: z.string().optional(), sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex').optional() }),
    options: z.record(z.string(), z.unknown()).default({}),
    seed: z.number().int().default(0),
    relativePose: z.boolean().default(true),
    frames: z.array(MotionFrameSchema),
  })
  .superRefine((m, ctx) => {
    if (m.frameCount !== m.frames.length)
      ctx.addIssue({ code: 'custom', path: ['frameCount'], message: `says ${m.frameCount} but the file has ${m.frames.length} frames (fix frameCount)` });
  });

/** Human wording of a zod path: frames.12.w.jawOpen -> "frame 12, w.jawOpen". */
function describePath(p: PropertyKey[]): string {
  if (p[0] === 'frames' && typeof p[1] === 'number') {
    const rest = p.slice(2).map(String).join('.');
    return `frame ${p[1]}${rest ? `, ${rest}` : ''}`;
  }
  return p.map(String).join('.') || '(top level)';
}

/** Validates a parsed JSON value as a Motion; FileFormatError names the first bad fields. */
export function parseMotion(json: unknown, what = 'motion'): Motion {
  const r = MotionSchema.safeParse(json);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 3).map((i) => `${describePath(i.path)}: ${i.message}`);
    const more = r.error.issues.length > 3 ? ` (and ${r.error.issues.length - 3} more problems)` : '';
    throw new FileFormatError(`Invalid ${what}: ${issues.join('; ')}${more}`);
  }
  return r.data as Motion;
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;

function frameLine(f: MotionFrame): string {
  const w: Record<string, number> = {};
  for (const k of Object.keys(f.w).sort()) w[k] = round(f.w[k]!);
  const p = f.pose;
  return JSON.stringify({
    w,
    pose: { yaw: round(p.yaw), pitch: round(p.pitch), roll: round(p.roll), tx: round(p.tx), ty: round(p.ty), tz: round(p.tz) },
    gaze: [round(f.gaze[0]), round(f.gaze[1])],
    blink: round(f.blink),
    ...(f.mouthDark !== undefined ? { mouthDark: round(f.mouthDark) } : {}),
    ...(f.vergence !== undefined ? { vergence: round(f.vergence) } : {}),
  });
}

/** Motion as JSON text: header fields on their own lines, then one frame per line. */
export function formatMotion(motion: Motion): string {
  const { frames, ...header } = motion;
  const head = Object.entries({ ...header, frameCount: frames.length })
    .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(',\n');
  const body = frames.map((f) => `    ${frameLine(f)}`).join(',\n');
  return `{\n${head},\n  "frames": [\n${body}${frames.length ? '\n' : ''}  ]\n}\n`;
}

/** Writes a Motion atomically (temp file + rename), its source recorded as absolute path + content hash. */
export async function saveMotion(motion: Motion, file: string): Promise<void> {
  await writeFileAtomic(file, formatMotion(await withSourceReference(motion)));
}

/** Reads and validates a Motion file. */
export async function loadMotion(file: string): Promise<Motion> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new FileFormatError(`Cannot read the motion file ${file}: it does not exist or is not readable.`);
  }
  if (!text.trim()) throw new FileFormatError(`The motion file ${file} is empty.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new FileFormatError(`The motion file ${file} is not valid JSON (${(err as Error).message}).`);
  }
  return parseMotion(json, `motion file ${file}`);
}

// A saved Motion remembers the audio (or video) it was made from, so `generate --motion m.json`
// can put that sound back under the pictures. The reference must survive a change of working
// folder and must not pick up a different recording that happens to have the same name: it is the
// absolute path plus the SHA-256 of the file's bytes. A file that moved or changed is not guessed
// at: the video is silent and a note says how to give the soundtrack (--audio).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Motion } from '../types.ts';

/** SHA-256 of a file's bytes, streamed (an hour of wav is a few hundred MB). */
export function fileSha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}

/**
 * The motion with its source as a lasting reference (absolute path + content hash), when the
 * source file can be read now. A motion that already has a hash, or whose file is gone, is kept as is.
 */
export async function withSourceReference(motion: Motion): Promise<Motion> {
  const src = motion.source;
  if (!src.file || src.sha256 || (src.kind !== 'audio' && src.kind !== 'video')) return motion;
  const file = path.resolve(src.file);
  if (!(await isFile(file))) return motion;
  return { ...motion, source: { ...src, file, sha256: await fileSha256(file) } };
}

export interface MotionSoundtrack {
  /** the file whose (first) audio stream is the soundtrack; undefined = silent */
  file?: string;
  /** why there is no soundtrack, when the motion named one; for the user */
  note?: string;
}

/**
 * Finds the recording a saved motion was made from. Relative paths (files written before the
 * reference held an absolute path) are tried from the working folder, then from the motion file's folder.
 */
export async function motionSoundtrack(motion: Motion, motionFile: string): Promise<MotionSoundtrack> {
  const src = motion.source;
  if (!src.file || (src.kind !== 'audio' && src.kind !== 'video')) return {};
  const candidates = path.isAbsolute(src.file) ? [src.file] : [path.resolve(src.file), path.resolve(path.dirname(motionFile), src.file)];
  const hint = 'give --audio FILE to set the soundtrack';
  let found: string | undefined;
  for (const c of candidates) if (await isFile(c)) (found ??= c);
  if (!found) return { note: `the ${src.kind} ${src.file} that ${path.basename(motionFile)} was made from is missing, so the video is silent; ${hint}` };
  if (src.sha256 && (await fileSha256(found)) !== src.sha256)
    return { note: `${found} has changed since ${path.basename(motionFile)} was made from it (content hash differs), so it was not used and the video is silent; ${hint}` };
  return { file: found };
}

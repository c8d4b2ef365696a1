// Outputs are written to a temporary sibling and renamed only when complete, so a failure or
// Ctrl-C never leaves a partial file where the user expects a finished one.
import { mkdir, rename, rm, writeFile, access, constants, stat } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { InputError } from '../errors.ts';

/** A temporary path next to `finalPath` (same filesystem, so rename is atomic). */
export function temporarySibling(finalPath: string): string {
  const dir = path.dirname(finalPath);
  const ext = path.extname(finalPath);
  return path.join(dir, `.${path.basename(finalPath, ext)}.${randomBytes(4).toString('hex')}.tmp${ext}`);
}

/**
 * Checks, before any work, that an output file can be written: its folder exists and is writable,
 * and the path itself is not a folder. Says what to do if not.
 */
export async function assertWritableOutput(finalPath: string): Promise<void> {
  const existing = await stat(finalPath).catch(() => undefined);
  if (existing?.isDirectory()) throw new InputError(`Cannot write ${finalPath}: it is a folder. Give a file name, e.g. ${path.join(finalPath, 'out' + (path.extname(finalPath) || '.mp4'))}.`);
  await assertWritableFolder(finalPath);
}

/** Same for an output folder (analyze --out): it may exist (it is replaced), but not as a file. */
export async function assertWritableOutputDir(finalDir: string): Promise<void> {
  const existing = await stat(finalDir).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new InputError(`Cannot write the folder ${finalDir}: a file of that name exists. Choose another output folder.`);
  await assertWritableFolder(finalDir);
}

async function assertWritableFolder(finalPath: string): Promise<void> {
  const dir = path.dirname(path.resolve(finalPath));
  try {
    const s = await stat(dir);
    if (!s.isDirectory()) throw new InputError(`Cannot write ${finalPath}: ${dir} is not a directory`);
    await access(dir, constants.W_OK);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`Cannot write ${finalPath}: the folder ${dir} does not exist or is not writable. Create it or choose another output path.`);
  }
}

/** Writes a whole file atomically. */
export async function writeFileAtomic(finalPath: string, data: string | Uint8Array): Promise<void> {
  await assertWritableOutput(finalPath);
  const tmp = temporarySibling(finalPath);
  try {
    await writeFile(tmp, data);
    await rename(tmp, finalPath);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Runs `produce(tmpPath)` which writes the output at tmpPath; renames to finalPath on success,
 * removes the temporary file on any failure (including cancellation).
 */
export async function withAtomicFile<T>(finalPath: string, produce: (tmpPath: string) => Promise<T>): Promise<T> {
  await assertWritableOutput(finalPath);
  const tmp = temporarySibling(finalPath);
  try {
    const result = await produce(tmp);
    await rename(tmp, finalPath);
    return result;
  } catch (err) {
    await rm(tmp, { force: true, recursive: true });
    throw err;
  }
}

/** Same for an output directory: files are written into a temporary dir renamed when complete. */
export async function withAtomicDir<T>(finalDir: string, produce: (tmpDir: string) => Promise<T>): Promise<T> {
  const parent = path.dirname(path.resolve(finalDir));
  try {
    await access(parent, constants.W_OK);
  } catch {
    throw new InputError(`Cannot write ${finalDir}: the folder ${parent} does not exist or is not writable. Create it or choose another output path.`);
  }
  const tmp = temporarySibling(path.resolve(finalDir));
  await mkdir(tmp, { recursive: true });
  try {
    const result = await produce(tmp);
    await rm(finalDir, { recursive: true, force: true });
    await rename(tmp, finalDir);
    return result;
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

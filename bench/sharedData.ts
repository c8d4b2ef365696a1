// Where the benches and the tests find the test media: $REAL3D_DATA, else ../shared/data beside the
// working directory (the checkout), else beside this repo (a worktree under /work/wt has ../shared too).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

function findSharedData(): string {
  if (process.env.REAL3D_DATA) return path.resolve(process.env.REAL3D_DATA);
  const besideCwd = path.resolve('..', 'shared', 'data');
  if (existsSync(besideCwd)) return besideCwd;
  return path.resolve(fileURLToPath(new URL('../../shared/data/', import.meta.url)));
}

/** the test-media folder (portraits/, audio/, video/, train/) */
export const SHARED_DATA = findSharedData();
/** ../shared/data/portraits */
export const SHARED_PORTRAITS = path.join(SHARED_DATA, 'portraits');
/** the test-media folder as a file URL ending in '/', for new URL('audio/x.wav', SHARED_DATA_URL) */
export const SHARED_DATA_URL = pathToFileURL(SHARED_DATA + path.sep);

/** A path in the test media: sharedData('audio/eng.wav'); a trailing '/' is kept, for `dir + name`. */
export function sharedData(relative: string): string {
  return path.join(SHARED_DATA, relative);
}

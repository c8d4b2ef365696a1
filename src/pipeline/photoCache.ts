// The avatar cache of generate(): the second video of the same photo skips the face models, the
// analysis and the avatar build. An entry is the saved avatar (avatar/file.ts format), named by the
// photo's content hash, the options that change the analysis, and a fingerprint of the code that
// makes avatars, so that a changed photo, option or program never reuses an old avatar.
// Folder: REAL3D_CACHE_DIR, else $XDG_CACHE_HOME/real3d, else ~/.cache/real3d.
import { createHash } from 'node:crypto';
import { readFile, readdir, stat, utimes, mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The user's cache folder for real3d. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.REAL3D_CACHE_DIR) return path.resolve(env.REAL3D_CACHE_DIR);
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(homedir(), '.cache');
  return path.join(base, 'real3d');
}

/** The folders whose code decides what an avatar looks like (relative to this file's parent). */
const AVATAR_CODE = ['analyze', 'avatar', 'face', 'rig'];
let codeFingerprint: Promise<string> | undefined;

/**
 * A short hash of the avatar-making code's files (names and contents: npm gives every installed
 * file the same modification time, so times would not tell versions apart). A new version, a
 * rebuilt dist/ or an edited source file gives new cache keys. Reads about 1 MB, once per process.
 */
function avatarCodeFingerprint(): Promise<string> {
  codeFingerprint ??= (async () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const h = createHash('sha256');
    for (const dir of AVATAR_CODE) {
      const names = await readdir(path.join(root, dir), { recursive: true }).catch(() => [] as string[]);
      for (const name of names.sort()) {
        const bytes = await readFile(path.join(root, dir, name)).catch(() => undefined); // undefined: a folder
        if (bytes) h.update(`${dir}/${name}:${bytes.length}\n`).update(bytes);
      }
    }
    return h.digest('hex').slice(0, 12);
  })();
  return codeFingerprint;
}

export interface CachedAvatar {
  /** where the avatar of this photo is (hit) or is to be saved (miss) */
  file: string;
  hit: boolean;
}

/**
 * The name of a photo's cached avatar: its content hash, the options that change the analysis,
 * and the avatar-making code's fingerprint (an upgraded program never reuses an old avatar).
 * Shared by generate's cache and the server's cache in its store.
 */
export async function avatarCacheKey(photoSha256: string, options: { face: number; minFaceArea: number }): Promise<string> {
  return `${photoSha256.slice(0, 32)}-f${options.face}-m${options.minFaceArea}-${await avatarCodeFingerprint()}`;
}

/** The cache entry of a photo for these analysis options (undefined: no usable cache folder); a hit's time of last use is refreshed. */
export async function avatarCacheEntry(photo: string, options: { face: number; minFaceArea: number }, env: NodeJS.ProcessEnv = process.env): Promise<CachedAvatar | undefined> {
  const photoSha256 = createHash('sha256').update(await readFile(photo)).digest('hex');
  const key = await avatarCacheKey(photoSha256, options);
  const dir = path.join(cacheDir(env), 'avatars');
  const file = path.join(dir, `${key}.avatar`);
  const hit = await stat(file).then(
    (s) => s.isFile() && s.size > 0,
    () => false,
  );
  if (hit) {
    await utimes(file, new Date(), new Date()).catch(() => {});
    return { file, hit };
  }
  // the cache is an aid: a folder that cannot be made (read-only home) means no caching, not a failure
  return mkdir(dir, { recursive: true }).then(
    () => ({ file, hit }),
    () => undefined,
  );
}

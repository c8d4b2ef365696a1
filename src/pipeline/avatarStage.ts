// Stage 1-2 of the job: the photo analysed and lifted into a 3D avatar, or a saved / cached avatar loaded.
import type { GenerateOptions, JobControl } from '../config.ts';
import type { RgbaImage } from '../types.ts';
import { loadImage } from '../io/image.ts';
import { analyzePortrait } from '../analyze/index.ts';
import { buildAvatar, saveAvatar, loadAvatar, type Avatar } from '../avatar/build.ts';
import { avatarCacheEntry } from './photoCache.ts';
import { emit, throwIfAborted } from './progress.ts';

export interface AvatarStage {
  avatar: Avatar;
  /** the photo as loaded, when it was analysed in this job (--crop full and debug need it) */
  sourcePhoto?: RgbaImage;
  /** where the head crop sits in the photo */
  cropBox?: { x: number; y: number; side: number };
  /** the analysed head crop */
  sourceCrop?: RgbaImage;
}

/** The avatar for --avatar, for a photo seen before (cache) or built from the photo now. */
export async function obtainAvatar(o: GenerateOptions, control: JobControl, tick: (stage: string, t0: number) => void): Promise<AvatarStage> {
  const signal = control.signal;
  const t0 = performance.now();
  // the avatar of a photo seen before comes from the cache (head crop, final video: the others need the photo itself)
  const cached = o.image && o.cache && o.crop === 'head' && o.mode === 'final' ? await avatarCacheEntry(o.image, { face: o.face, minFaceArea: o.minFaceArea }) : undefined;
  // an entry that no longer loads (damaged) is rebuilt and overwritten
  const cachedAvatar = !o.avatar && cached?.hit ? await loadAvatar(cached.file).catch(() => undefined) : undefined;
  if (o.avatar) {
    emit(control, { stage: 'avatar', done: 0, total: 1, message: 'loading avatar' });
    const avatar = await loadAvatar(o.avatar);
    tick('avatar', t0);
    return { avatar };
  }
  if (cachedAvatar) {
    emit(control, { stage: 'analyze', done: 1, total: 1, message: 'photo seen before: analysis reused from the cache' });
    emit(control, { stage: 'avatar', done: 1, total: 1, message: 'avatar from the cache' });
    if (o.saveAvatar) await saveAvatar(cachedAvatar, o.saveAvatar);
    tick('avatar', t0);
    return { avatar: cachedAvatar };
  }
  const sourcePhoto = await loadImage(o.image!); // analyzePortrait reports its own steps
  const portrait = await analyzePortrait(sourcePhoto, { face: o.face, minFaceArea: o.minFaceArea }, { signal, ...(control.onProgress ? { onProgress: control.onProgress } : {}) });
  tick('analyze', t0);
  throwIfAborted(signal);
  const t1 = performance.now();
  emit(control, { stage: 'avatar', done: 0, total: 1, message: 'building the 3D avatar' });
  const avatar = buildAvatar(portrait);
  if (o.saveAvatar) await saveAvatar(avatar, o.saveAvatar);
  if (cached) await saveAvatar(avatar, cached.file).catch(() => {}); // best effort: a full disk must not fail the video
  tick('avatar', t1);
  return { avatar, sourcePhoto, cropBox: portrait.analysis.crop, sourceCrop: portrait.image };
}

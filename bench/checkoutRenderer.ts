// A renderer of a test portrait built entirely by another checkout (its bench/portraitCache.ts analysis, its avatar
// build, its renderer), so a bench can set a `--base` tree's frames beside this tree's on the same motion.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { createRenderer } from '../src/render/renderer.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

/** The checkout at `root`'s renderer of shared/data/portraits/`file`, `size` px square. */
export async function checkoutPortraitRenderer(root: string, file: string, size = 512): Promise<ReturnType<typeof createRenderer>> {
  const imp = (p: string) => import(pathToFileURL(path.join(root, p)).href);
  const { cachedPortrait } = await imp('bench/portraitCache.ts');
  const { buildAvatar } = await imp('src/avatar/build.ts');
  const { createRenderer: create } = await imp('src/render/renderer.ts');
  return create(buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file))), { width: size, height: size });
}

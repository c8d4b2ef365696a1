// A portrait of ../shared/data/portraits rendered at its neutral frame and with both eyes shut
// (eyeBlinkLeft = eyeBlinkRight = 1), at the photo's size: what the blink benches compare.
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import type { Portrait, RgbaImage } from '../src/types.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const PORTRAITS = SHARED_PORTRAITS;
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });

/** The portrait (cached analysis), its open render and its blink-1 render (copies: the renderer reuses its buffer). */
export async function openAndShut(file: string): Promise<{ portrait: Portrait; open: RgbaImage; shut: RgbaImage }> {
  const portrait = await cachedPortrait(path.join(PORTRAITS, file));
  const r = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.height });
  const n = r.neutralFrame();
  const open = copy(r.render(n));
  const shut = copy(r.render({ ...n, w: { ...n.w, eyeBlinkLeft: 1, eyeBlinkRight: 1 } }));
  return { portrait, open, shut };
}

// Test helper: a portrait's avatar with its eyeball shader (GazeIris) on the eye texture, and one full glance's shift in px.
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { GazeIris } from '../src/render/gazeIris.ts';
import { GAZE_SHIFT_X } from '../src/render/faceTextures.ts';
import { sharedData } from '../bench/sharedData.ts';

export async function gazeIrisOf(photo: string) {
  const avatar = buildAvatar(await analyzePortrait(sharedData(`portraits/${photo}`)));
  const tex = { width: avatar.size, height: avatar.size, data32: new Uint32Array(avatar.eyeTexture.data.buffer) };
  return { avatar, tex, gaze: new GazeIris(avatar.uv, tex), step: GAZE_SHIFT_X * avatar.head.iod };
}

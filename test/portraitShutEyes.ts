// A portrait's two shut eyes as the renderer bakes them (closedEye/bake.ts sampleEye then finishEye), for the tests
// that compare a lid with one of its settings on and off (foldCover, lidFlat, lidTop, ringFit, creaseLine, lashBand, lidNoPaler),
// and the lid's light down its middle (lidFlat, lidTop).
import { closedEyeLibrary, eyeGeometry } from '../src/render/closedEye/library.ts';
import type { EyeGeometry } from '../src/render/closedEye/lids.ts';
import { sampleEye, finishEye, type BakedEye } from '../src/render/closedEye/bake.ts';
import { PATCH_W, PATCH_H } from '../src/render/closedEye/frame.ts';
import { cellU, cellV } from '../src/render/closedEye/grid.ts';
import { luminance as lum } from '../src/math/colour.ts';
import { buildAvatar } from './builtAvatar.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { SHARED_DATA } from '../bench/sharedData.ts';

export type SampledEye = ReturnType<typeof sampleEye>;

export interface PortraitShutEyes {
  /** the two eyes' geometry in the avatar's texture (image-left first) */
  geo: EyeGeometry[];
  /** the photo and the library lid sampled on an eye's grid */
  sample(eye: EyeGeometry): SampledEye;
  /** the sampled eye finished into the baked lid, as bakeEye does for this portrait */
  finish(s: SampledEye, eye: EyeGeometry): ReturnType<typeof finishEye>;
}

/** `file` of ../shared/data/portraits analysed and built into an avatar, its shut eyes ready to bake. */
export async function portraitShutEyes(file: string): Promise<PortraitShutEyes> {
  const portrait = await analyzePortrait(`${SHARED_DATA}/portraits/${file}`);
  const avatar = buildAvatar(portrait);
  const lib = closedEyeLibrary()[0]!;
  const crop = portrait.analysis?.crop;
  const photoPixel = crop ? crop.size / crop.side : 1;
  return {
    geo: eyeGeometry((i) => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!]),
    sample: (eye) => sampleEye(avatar.texture, eye, lib),
    finish: (s, eye) => finishEye(s, eye, s.photoDark, photoPixel),
  };
}

/** `run` with every switch set to `on`, each put back as it was afterwards (a setting's `on` flag). */
export function withSwitches<T>(switches: { on: boolean }[], on: boolean, run: () => T): T {
  const was = switches.map((s) => s.on);
  for (const s of switches) s.on = on;
  try { return run(); } finally { switches.forEach((s, i) => { s.on = was[i]!; }); }
}

/**
 * The baked lid's luma down its middle columns (u .35-.65), over t (the crease 0 -> the shut line 1) in [t0, t1):
 * each cell's t and luma to `visit`.
 */
export function lidMiddleLumas(e: Pick<BakedEye, 'rgb' | 'creaseV' | 'shutV'>, t0: number, t1: number, visit: (t: number, luma: number) => void): void {
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c);
    if (u < 0.35 || u > 0.65) continue;
    for (let r = 0; r < PATCH_H; r++) {
      const t = (cellV(r) - e.creaseV[c]!) / (e.shutV[c]! - e.creaseV[c]!);
      if (t < t0 || t >= t1) continue;
      const k = r * PATCH_W + c;
      visit(t, lum(e.rgb[k * 3]!, e.rgb[k * 3 + 1]!, e.rgb[k * 3 + 2]!));
    }
  }
}

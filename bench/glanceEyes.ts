// The renderer's own gaze shaders (faceTextures) per checkout, portrait and eye, in texture space: the bench
// helper of glanceIrisKeep.ts and irisToneProbe.ts (both compare a glancing iris with the photo's at rest).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../src/rig/topology.ts';

/** A texel reader: packed RGBA at texel (x, y). */
export type TexelRead = (x: number, y: number) => number;

export interface GlanceEye {
  root: string;
  file: string;
  eye: number;
  /** the checkout's iris disc for this eye (its own IrisDisc type: centre cx/cy, radius, round, tone, ...) */
  disc: any;
  /** the eye's opening in texture px */
  outline: [number, number][];
  /** the eye texture at rest */
  rest: TexelRead;
  /** the iris moved to gaze x `gx` (the reader holds until the next call): its shift in texture px and the texels */
  glance(gx: number): { shift: [number, number]; read: TexelRead };
}

/** Portraits (the first bare argument, comma-separated) and checkouts (`--base OTHER` first, then the working directory). */
export function glanceArgs(argv: string[] = process.argv): { files: string[]; roots: string[] } {
  const arg = (name: string) => { const i = argv.indexOf(name); return i > 0 ? argv[i + 1] : undefined; };
  const files = argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'))[0]!.split(',');
  return { files, roots: [...(arg('--base') ? [arg('--base')!] : []), process.cwd()] };
}

/** Calls `visit` for each checkout root, portrait and eye (the gaze back at rest after each). */
export async function forEachGlanceEye(roots: string[], files: string[], visit: (g: GlanceEye) => void): Promise<void> {
  for (const root of roots) {
    const imp = (p: string) => import(pathToFileURL(path.join(root, p)).href);
    const { cachedPortrait } = await imp('bench/portraitCache.ts');
    const { buildAvatar } = await imp('src/avatar/build.ts');
    const { GAZE_SHIFT_X, faceTextures } = await imp('src/render/faceTextures.ts');
    for (const file of files) {
      const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file)));
      const ft = faceTextures(avatar), gi = ft.gazeWarp, tex = ft.eyeTex, uv = avatar.uv, iod = avatar.head.iod;
      const rest: TexelRead = (x, y) => tex.data32[y * tex.width + x]!;
      for (let eye = 0; eye < 2; eye++) {
        const outline = (eye === 0 ? EYE_L_LOOP : EYE_R_LOOP).map((i: number) => [uv[i * 2]!, uv[i * 2 + 1]!] as [number, number]);
        const glance = (gx: number) => {
          gi.set(gx * GAZE_SHIFT_X * iod, 0);
          const shift = gi.shiftOf(eye) as [number, number], sh = gi.shaders[eye];
          return { shift, read: sh ? ((x: number, y: number) => sh(0, 0, x + 0.5, y + 0.5)) as TexelRead : rest };
        };
        visit({ root, file, eye, disc: gi.discs[eye], outline, rest, glance });
        gi.set(0, 0);
      }
    }
  }
}

// Shared by the shut-lid benches (padTone.ts, lidProfile.ts): the portraits asked for, the
// checkouts to compare, and one portrait rendered with its eyes open and shut by a checkout's code.
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { rendererOfRoot } from './mouthTiles.ts';
import type { Portrait } from '../src/types.ts';
import type { RgbaImage } from '../src/types.ts';

/** The portraits of `data`/portraits (only those in `only`, when given), sorted, then `extra` paths. */
export function portraitFiles(data: string, only: string[] | undefined, extra: string[]): string[] {
  const dir = path.join(data, 'portraits');
  const names = readdirSync(dir).filter((f) => /\.(jpe?g|png)$/i.test(f) && (!only || only.includes(f))).sort();
  return [...names.map((f) => path.join(dir, f)), ...extra];
}

/** [label, checkout root]: the `base` checkout as "before" when given, then this one ("after", or "now" alone). */
export function checkoutRoots(base: string | undefined): [string, string][] {
  const here = path.resolve(import.meta.dirname, '..');
  return base ? [['before', base], ['after', here]] : [['now', here]];
}

export const copyImage = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });

/** The portrait at rest and with both eyes shut (blink 1), 512 px, rendered by the checkout at `root`. */
export async function openAndShut(root: string, portrait: Portrait): Promise<{ open: RgbaImage; shut: RgbaImage }> {
  const r = await rendererOfRoot(root, portrait, 512);
  const n = r.neutralFrame();
  const open = copyImage(r.render(n));
  const shut = copyImage(r.render({ ...n, w: { ...n.w, eyeBlinkLeft: 1, eyeBlinkRight: 1 } }));
  return { open, shut };
}

// Shared by the turned-head benches (turnDetached.ts, cheekCut.ts): their command line
// ([--root DIR] [--yaws a,b] [names...]) and each portrait's renderer from the chosen checkout.
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import type { MotionFrame } from '../src/types.ts';
import type { Renderer } from '../src/render/renderer.ts';
import type { Avatar } from '../src/avatar/types.ts';

const HERE = path.resolve(import.meta.dirname, '..');
const DATA = SHARED_PORTRAITS;

export type TurnRenderer = Renderer & { name: string; avatar: Avatar };

/** The bench's yaws and portraits (defaults when not given) and the checkout root (this one by default). */
export function turnArgs(defaultYaws: string, defaultNames: string[]): { root: string; yaws: number[]; names: string[] } {
  const args = process.argv.slice(2);
  const flag = (name: string, d: string) => { const i = args.indexOf(name); if (i < 0) return d; const v = args[i + 1]!; args.splice(i, 2); return v; };
  const root = path.resolve(flag('--root', HERE));
  const yaws = flag('--yaws', defaultYaws).split(',').map(Number);
  return { root, yaws, names: args.length ? args : defaultNames };
}

/** Each portrait's renderer at its avatar's own size, built by the checkout at `root`. */
export async function* turnRenderers(root: string, names: string[], opts: Record<string, unknown> = {}): AsyncGenerator<TurnRenderer> {
  const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
  const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
  for (const name of names) {
    const avatar = buildAvatar(await cachedPortrait(path.resolve(DATA, name)));
    yield Object.assign(createRenderer(avatar, { width: avatar.size, height: avatar.size, ...opts }), { name, avatar });
  }
}

/** The neutral frame turned to `yaw` degrees. */
export const turnedFrame = (r: TurnRenderer, yaw: number): MotionFrame => ({ ...r.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } });

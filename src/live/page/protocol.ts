// Messages between the live page and its render worker.
import type { MotionFrame } from '../../types.ts';

/** generate's background options: the avatar's inpainted plate, a solid colour, or transparent. */
export type LiveBackground = { kind: 'plate' } | { kind: 'colour'; rgb: [number, number, number] } | { kind: 'transparent' };

export type ToRenderer =
  | { type: 'avatar'; bytes: ArrayBuffer; size: number; background: LiveBackground }
  | { type: 'background'; background: LiveBackground }
  | { type: 'frame'; id: number; frame: MotionFrame };

export type FromRenderer =
  | { type: 'ready'; size: number; vertices: number; neutral: MotionFrame; mouthBox: [number, number, number, number] }
  | { type: 'frame'; id: number; bitmap: ImageBitmap; renderMs: number }
  | { type: 'error'; message: string };

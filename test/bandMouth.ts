// A small synthetic mouth for the mouth shader's tests (mouthShaderColumns.test.ts, mouthPhotoFree.test.ts).
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';

/** a white band of teeth (rows from..to) in a w x h layer, anchored at its top */
export function bandLayer(w: number, h: number, from: number, to: number): ReadyLayer {
  const data = new Float32Array(w * h * 4);
  for (let y = from; y < to; y++) for (let x = 0; x < w; x++) { const o = (y * w + x) * 4; data[o] = data[o + 1] = data[o + 2] = 240 - 2 * x % 40; data[o + 3] = 1; }
  return { width: w, height: h, anchorX: w / 2, anchorY: 0, data };
}

/** the frame both tests shade into */
export const W = 64, H = 60;
/** an upper row 12 rows tall, no lower row or tongue, a dark cavity */
export const bandLayers = { upper: bandLayer(96, 64, 0, 12), lower: bandLayer(8, 8, 0, 0), tongue: null, cavity: [20, 10, 12] as [number, number, number], fromPhoto: false, ownRowKept: false };

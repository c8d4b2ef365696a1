// A drawn open mouth for the tracker's mouth readings: pink lips round a 120 x 40 px elliptic opening centred in a
// `size` x `size` image, with the face mesh's inner lip points on the opening's edge and the outer ones 20 px beyond.
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';
import type { RgbaImage } from '../src/types.ts';

type Rgb = readonly [number, number, number];
const LIP: Rgb = [200, 110, 120];

/** `inside(y, top, bottom, x)`: the colour of the opening's pixel at row y, between its edge rows `top` and `bottom` in that column (x: its column, from the opening's centre). */
export function drawnMouth(size: number, inside: (y: number, top: number, bottom: number, x: number) => Rgb): { img: RgbaImage; lm: Float32Array } {
  const data = new Uint8ClampedArray(size * size * 4), lm = new Float32Array(478 * 3);
  const cx = size / 2, cy = size / 2, hw = 60, hh = 20;
  const put = (k: number, x: number, y: number) => { lm[k * 3] = x; lm[k * 3 + 1] = y; };
  const edge = (x: number) => hh * Math.sqrt(Math.max(0, 1 - ((x - cx) / hw) ** 2));
  LIPS_INNER_UPPER.forEach((k, i) => { const x = cx - hw + (2 * hw * i) / 10; put(k, x, cy - edge(x)); });
  LIPS_INNER_LOWER.forEach((k, i) => { const x = cx - hw + (2 * hw * i) / 10; put(k, x, cy + edge(x)); });
  const outer: [number, number, number][] = [[0, 13, -1], [37, 82, -1], [267, 312, -1], [39, 81, -1], [269, 311, -1], [17, 14, 1], [84, 87, 1], [314, 317, 1], [181, 178, 1], [405, 402, 1]];
  for (const [o, n, s] of outer) put(o, lm[n * 3]!, lm[n * 3 + 1]! + 20 * s);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const opening = ((x - cx) / hw) ** 2 + ((y - cy) / hh) ** 2 < 1;
      const c = opening ? inside(y, cy - edge(x), cy + edge(x), x - cx) : LIP;
      data.set([c[0], c[1], c[2], 255], (y * size + x) * 4);
    }
  return { img: { width: size, height: size, data }, lm };
}

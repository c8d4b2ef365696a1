// A square test image painted pixel by pixel (opaque): the synthetic photos of the matte and edge tests.
import type { RgbaImage } from '../src/types.ts';

/** A size x size opaque image whose pixel (x, y) has the colour `colour(x, y)`. */
export function imageOf(size: number, colour: (x: number, y: number) => readonly [number, number, number]): RgbaImage {
  const data = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) data.set([...colour(x, y), 255], (y * size + x) * 4);
  return { width: size, height: size, data };
}

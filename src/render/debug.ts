// Debug views of the renderer's inner stages: the deformed mesh as a wireframe over a frame,
// the depth map as an image. For `--mode debug` side-by-side outputs and for looking.
import type { GrayImage, MotionFrame, RgbaImage } from '../types.ts';
import type { Renderer } from './renderer.ts';

/** Draws the mesh edges of `frame` over a copy of `image` (face mesh in one colour, head/torso sheet in another). */
export function drawWireframe(renderer: Renderer, frame: MotionFrame, image: RgbaImage): RgbaImage {
  const out: RgbaImage = { width: image.width, height: image.height, data: new Uint8ClampedArray(image.data) };
  const { x, y, triangles } = renderer.meshVertices(frame);
  const W = out.width, H = out.height, d = out.data;
  const line = (xa: number, ya: number, xb: number, yb: number, r: number, g: number, b: number) => {
    const n = Math.ceil(Math.max(Math.abs(xb - xa), Math.abs(yb - ya)));
    for (let i = 0; i <= n; i++) {
      const px = Math.round(xa + ((xb - xa) * i) / Math.max(1, n)), py = Math.round(ya + ((yb - ya) * i) / Math.max(1, n));
      if (px < 0 || py < 0 || px >= W || py >= H) continue;
      const o = (py * W + px) * 4;
      d[o] = (d[o]! + r) >> 1; d[o + 1] = (d[o + 1]! + g) >> 1; d[o + 2] = (d[o + 2]! + b) >> 1; d[o + 3] = 255;
    }
  };
  for (let t = 0; t < triangles.length; t += 3) {
    const a = triangles[t]!, b = triangles[t + 1]!, c = triangles[t + 2]!;
    const face = a < 478 && b < 478 && c < 478;
    const [r, g, bl] = face ? [255, 60, 60] : [60, 220, 255];
    line(x[a]!, y[a]!, x[b]!, y[b]!, r, g, bl);
    line(x[b]!, y[b]!, x[c]!, y[c]!, r, g, bl);
    line(x[c]!, y[c]!, x[a]!, y[a]!, r, g, bl);
  }
  return out;
}

/** A gray image as opaque RGBA (for tiling next to frames). */
export function grayToRgba(g: GrayImage): RgbaImage {
  const out = new Uint8ClampedArray(g.width * g.height * 4);
  for (let i = 0; i < g.data.length; i++) {
    const v = g.data[i]! * 255;
    out[i * 4] = v; out[i * 4 + 1] = v; out[i * 4 + 2] = v; out[i * 4 + 3] = 255;
  }
  return { width: g.width, height: g.height, data: out };
}

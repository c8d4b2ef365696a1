// The live page's render worker: decodes the avatar and draws each motion frame with the same CPU
// renderer as `generate` (src/render/renderer.ts) into an OffscreenCanvas, and hands the picture back
// as an ImageBitmap (a transfer, no copy). Off the page's thread, so tracking and audio never wait.
/// <reference lib="webworker" />
import { decodeAvatar } from '../../avatar/file.ts';
import { createRenderer, type Renderer } from '../../render/renderer.ts';
import type { RgbaImage } from '../../types.ts';
import type { FromRenderer, LiveBackground, ToRenderer } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let renderer: Renderer | null = null;
let canvas: OffscreenCanvas | null = null;
let ctx: OffscreenCanvasRenderingContext2D | null = null;
let background: RgbaImage | null | undefined;

function post(msg: FromRenderer, transfer: Transferable[] = []): void {
  scope.postMessage(msg, transfer);
}

/** The renderer's background argument: undefined = plate, an image = colour, null = transparent. */
function backgroundImage(bg: LiveBackground, size: number): RgbaImage | null | undefined {
  if (bg.kind === 'plate') return undefined;
  if (bg.kind === 'transparent') return null;
  const data = new Uint8ClampedArray(size * size * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = bg.rgb[0]; data[i + 1] = bg.rgb[1]; data[i + 2] = bg.rgb[2]; data[i + 3] = 255;
  }
  return { width: size, height: size, data };
}

/** Where the mouth is drawn at rest (output px, x0 y0 x1 y1), with room for the jaw to open: tests watch it. */
function mouthBox(r: Renderer): [number, number, number, number] {
  const lm = r.landmarks(r.neutralFrame());
  const [left, right, top, bottom] = [lm[61]!, lm[291]!, lm[0]!, lm[17]!];
  const h = bottom[1] - top[1];
  return [Math.round(left[0]), Math.round(top[1]), Math.round(right[0]), Math.round(bottom[1] + h)];
}

scope.onmessage = (e: MessageEvent<ToRenderer>) => {
  const msg = e.data;
  try {
    if (msg.type === 'avatar') {
      const avatar = decodeAvatar(new Uint8Array(msg.bytes), 'the chosen avatar');
      // every renderer default, as generate: the grain partners' mirror map is a shipped table (rig/faceMirror.ts), no package read
      renderer = createRenderer(avatar, { width: msg.size, height: msg.size });
      canvas = new OffscreenCanvas(msg.size, msg.size);
      ctx = canvas.getContext('2d');
      background = backgroundImage(msg.background, msg.size);
      post({ type: 'ready', size: msg.size, vertices: avatar.vertexCount, neutral: renderer.neutralFrame(), mouthBox: mouthBox(renderer) });
    } else if (msg.type === 'background') {
      if (renderer) background = backgroundImage(msg.background, renderer.width);
    } else if (msg.type === 'frame') {
      if (!renderer || !canvas || !ctx) return;
      const t0 = performance.now();
      const img = renderer.render(msg.frame, { background });
      ctx.putImageData(new ImageData(img.data as Uint8ClampedArray<ArrayBuffer>, img.width, img.height), 0, 0);
      const bitmap = canvas.transferToImageBitmap();
      post({ type: 'frame', id: msg.id, bitmap, renderMs: performance.now() - t0 }, [bitmap]);
    }
  } catch (err) {
    post({ type: 'error', message: (err as Error)?.message ?? String(err) });
  }
};

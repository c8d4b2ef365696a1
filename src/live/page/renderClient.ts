// The live page's side of the render worker (renderWorker.ts): sends the avatar and background, paces
// the frames (at most one per frame interval, one in flight), draws each returned bitmap on the canvas
// and logs it in `live.frames`.
import type { MotionFrame } from '../../types.ts';
import type { FromRenderer, ToRenderer } from './protocol.ts';
import { push, type DriverFrame, type LiveState } from './liveState.ts';

export interface RenderClientOptions {
  live: LiveState;
  ctx: CanvasRenderingContext2D;
  size: number;
  /** ms between frames sent, at least */
  frameInterval: number;
  /** the current driver's frame now (null = the avatar's neutral frame) */
  source: () => (() => DriverFrame) | null;
  /** the avatar is drawn and ready (after live.ready is set, before the first frame is asked for) */
  onReady: (msg: Extract<FromRenderer, { type: 'ready' }>) => void;
  showError: (message: string) => void;
}

export interface RenderClient {
  send(msg: ToRenderer, transfer?: Transferable[]): void;
  /** the avatar's neutral frame, once the worker is ready */
  neutral(): MotionFrame | null;
}

export function createRenderClient(o: RenderClientOptions): RenderClient {
  const { live, ctx, size: SIZE } = o;
  const worker = new Worker('/live/render-worker.js', { type: 'module' });
  let neutral: MotionFrame | null = null;
  let inFlight = false, timer = 0, lastSent = 0, nextId = 0;
  const sent = new Map<number, DriverFrame>();

  function send(msg: ToRenderer, transfer: Transferable[] = []): void {
    worker.postMessage(msg, transfer);
  }

  /** Sends the next frame when the worker is free, at most one per frame interval. */
  function pump(): void {
    if (inFlight || timer || !live.ready) return;
    const now = performance.now();
    const wait = lastSent + o.frameInterval - now;
    if (wait > 1) {
      timer = window.setTimeout(() => { timer = 0; pump(); }, wait);
      return;
    }
    const source = o.source();
    const current = source ? source() : { frame: neutral!, mouthAt: 0 };
    lastSent = now;
    inFlight = true;
    const id = nextId++;
    sent.set(id, current);
    send({ type: 'frame', id, frame: current.frame });
  }

  worker.onmessage = (e: MessageEvent<FromRenderer>) => {
    const msg = e.data;
    if (msg.type === 'error') {
      console.error(`render worker: ${msg.message}`);
      o.showError(`Drawing failed: ${msg.message}`);
      inFlight = false;
      return;
    }
    if (msg.type === 'ready') {
      neutral = msg.neutral;
      live.mouthBox = msg.mouthBox;
      live.ready = true;
      o.onReady(msg);
      pump();
      return;
    }
    const meta = sent.get(msg.id);
    sent.delete(msg.id);
    ctx.clearRect(0, 0, SIZE, SIZE);
    ctx.drawImage(msg.bitmap, 0, 0);
    msg.bitmap.close();
    const t = performance.now();
    if (meta) {
      const p = meta.frame.pose ?? { yaw: 0, pitch: 0, roll: 0 };
      push(live.frames, { t, jaw: meta.frame.w.jawOpen ?? 0, yaw: p.yaw, pitch: p.pitch, roll: p.roll, renderMs: msg.renderMs, mouthAgeMs: meta.mouthAt ? t - meta.mouthAt : NaN });
    }
    inFlight = false;
    pump();
  };
  worker.onerror = (e) => {
    console.error(`render worker failed: ${e.message}`);
    o.showError(`The drawing worker failed: ${e.message}`);
  };

  return { send, neutral: () => neutral };
}

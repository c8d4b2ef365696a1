// Stage 4-5 of the job: every frame rendered, composed (head crop, full photo or debug panels) and
// streamed into one ffmpeg process; the video appears under its name only when complete.
import path from 'node:path';
import type { GenerateOptions, JobControl } from '../config.ts';
import type { Motion, RgbaImage } from '../types.ts';
import { createImage } from '../io/image.ts';
import { decodeVideoFrames } from '../io/media.ts';
import { cancellationCheckpoint } from '../cancel.ts';
import { VideoEncoder } from '../io/encode.ts';
import { withAtomicFile } from '../io/atomic.ts';
import { createRenderer } from '../render/renderer.ts';
import { solidImage, coverResize, pasteFeathered, sideBySide, drawDots, drawSeries, fullFrameSize } from './layout.ts';
import { emit } from './progress.ts';
import type { CheckedJob } from './plan.ts';
import type { AvatarStage } from './avatarStage.ts';

/** What the written video is. */
export interface VideoFacts {
  /** path of the video written */
  output: string;
  /** frames in the video */
  frames: number;
  /** frames per second */
  fps: number;
  /** seconds of video */
  duration: number;
  /** pixels */
  width: number;
  /** pixels */
  height: number;
  /** the file whose audio is the soundtrack, or null for a silent video */
  soundtrack: string | null;
}

export interface RenderedVideo extends VideoFacts {
  renderMs: number;
  encodeMs: number;
}

/** Renders and encodes the whole motion into o.output (atomically). */
export async function renderVideo(o: GenerateOptions, job: CheckedJob, head: AvatarStage, motion: Motion, control: JobControl): Promise<RenderedVideo> {
  const { signal } = control;
  const fps = motion.fps;
  const total = motion.frames.length;
  const duration = total / fps;
  const size = o.size;
  const renderer = createRenderer(head.avatar, { width: size, height: size });
  const cropBox = head.cropBox;
  const full = o.crop === 'full' && head.sourcePhoto && cropBox ? fullFrameCanvas(head.sourcePhoto, o.size) : undefined;
  const debug = o.mode === 'debug';
  const outW = full ? full.width : debug ? size * 4 : size;
  const outH = full ? full.height : size;
  const outFrame = full || debug ? createImage(outW, outH) : undefined;
  const drivingFrames = debug && job.plan.expressions.kind === 'video' ? decodeVideoFrames(job.plan.expressions.file, { fps, maxSide: size, signal }) : undefined;
  const jawSeries = debug ? Float32Array.from(motion.frames, (f) => f.w.jawOpen ?? 0) : undefined;
  const { soundtrack, background } = job;

  return withAtomicFile(o.output, async (tmp) => {
    const encoder = new VideoEncoder({ output: tmp, container: job.container, width: outW, height: outH, fps, audio: soundtrack, audioContainer: job.soundtrackContainer, duration, alpha: background === null, signal });
    let renderMs = 0;
    let encodeMs = 0;
    const started = performance.now();
    try {
      // the checkpoint yields to the event loop every 100 ms so Ctrl-C and a server DELETE are seen
      const checkpoint = cancellationCheckpoint(signal);
      for (let i = 0; i < total; i++) {
        await checkpoint();
        let t = performance.now();
        const frame = motion.frames[i]!;
        let image = renderer.render(frame, { background });
        if (full && outFrame && cropBox) {
          outFrame.data.set(full.data);
          const s = full.scale;
          pasteFeathered(outFrame, image, cropBox.x * s, cropBox.y * s, cropBox.side * s, Math.max(4, cropBox.side * s * 0.06));
          image = outFrame;
        } else if (debug && outFrame) {
          const driver = drivingFrames ? (await drivingFrames.next()).value : undefined;
          image = debugFrame(outFrame, { source: head.sourceCrop, result: image, landmarks: renderer.landmarks(frame), driver: driver || undefined, jaw: jawSeries!, index: i });
        }
        renderMs += performance.now() - t;
        t = performance.now();
        await encoder.write(image);
        encodeMs += performance.now() - t;
        if (i % 5 === 4 || i === total - 1) {
          const rate = (i + 1) / ((performance.now() - started) / 1000);
          emit(control, { stage: 'render', done: i + 1, total, fps: rate, eta: (total - i - 1) / rate });
        }
      }
      const t = performance.now();
      emit(control, { stage: 'encode', done: total, total, message: 'finishing the file' });
      await encoder.finish();
      encodeMs += performance.now() - t;
    } catch (err) {
      encoder.kill();
      throw err;
    } finally {
      await drivingFrames?.return(undefined);
    }
    return { output: path.resolve(o.output), frames: total, fps, duration, width: outW, height: outH, soundtrack: soundtrack ? path.resolve(soundtrack) : null, renderMs, encodeMs };
  });
}

function fullFrameCanvas(photo: RgbaImage, longSide: number): RgbaImage & { scale: number } {
  const { width, height } = fullFrameSize(photo.width, photo.height, longSide);
  // the aspect is kept up to rounding, so cover-resize only trims a pixel at most
  const canvas = coverResize(photo, width, height);
  return Object.assign(canvas, { scale: width / photo.width });
}

/** Debug layout: source | result with landmarks | driving signal | result. */
function debugFrame(out: RgbaImage, p: { source?: RgbaImage; result: RgbaImage; landmarks: [number, number, number][]; driver?: RgbaImage; jaw: Float32Array; index: number }): RgbaImage {
  const size = p.result.width;
  const withMarks = { width: size, height: size, data: new Uint8ClampedArray(p.result.data) };
  drawDots(withMarks, p.landmarks, [40, 255, 120], 1);
  let driverPanel: RgbaImage;
  if (p.driver) driverPanel = coverResize(p.driver, size, size); // keep the driver's aspect
  else {
    driverPanel = solidImage(size, size, [24, 24, 32]);
    drawSeries(driverPanel, p.jaw, p.index, [255, 170, 60]);
  }
  const source = p.source ?? solidImage(size, size, [0, 0, 0]);
  // the renderer's buffer is read here before the next frame overwrites it, so no copy is needed
  sideBySide([source, withMarks, driverPanel, p.result], out);
  return out;
}

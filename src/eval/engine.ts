// The engine under evaluation, loaded piece by piece: the avatar + renderer, motion from a video,
// motion from audio. A missing piece leaves its rows out of the report (the baseline still runs).
import type { Motion, MotionFrame, Portrait, RgbaImage } from '../types.ts';

export interface Renderer {
  render(frame: MotionFrame): RgbaImage;
  /** the photo's own expression and pose */
  neutralFrame(): MotionFrame;
}

/** The renderer's image of `frame`, copied: the renderer draws its next frame into the same buffer. */
export function renderCopy(renderer: Renderer, frame: MotionFrame): RgbaImage {
  const img = renderer.render(frame);
  return { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) };
}

/** Frame `index` of the motion rendered, or undefined without the engine. */
export function renderMotionFrame(renderer: Renderer | undefined, motion: Motion | undefined, index: number): RgbaImage | undefined {
  return renderer && motion ? renderCopy(renderer, motion.frames[index]!) : undefined;
}

/** The engine pieces the harness needs; each may be missing while the project is being built. */
export interface EvalEngine {
  makeRenderer?: (portrait: Portrait, size: number) => Renderer;
  motionFromVideo?: (file: string, opts: { fps: number; maxSeconds?: number }, signal?: AbortSignal) => Promise<Motion>;
  motionFromAudio?: (file: string, opts: { fps: number }, signal?: AbortSignal) => Promise<Motion>;
  /** why a piece is missing */
  missing: string[];
}

async function tryImport(spec: string, missing: string[]): Promise<any> {
  try {
    return await import(spec);
  } catch (err) {
    missing.push(`${spec}: ${(err as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

/** Loads the engine modules that exist (avatar+render, motion); records what is missing. */
export async function loadEngine(): Promise<EvalEngine> {
  const missing: string[] = [];
  // specifiers through variables: the modules may not exist yet, and then eval still runs the baseline
  const avatarSpec = '../avatar/build.ts';
  // REAL3D_EVAL_RENDERER: score another renderer module (e.g. an older checkout's) on the same motion
  const renderSpec = process.env.REAL3D_EVAL_RENDERER || '../render/renderer.ts';
  const videoSpec = '../motion/fromVideo.ts';
  const audioSpec = '../motion/fromAudio.ts';
  const avatar = await tryImport(avatarSpec, missing);
  const render = await tryImport(renderSpec, missing);
  const fromVideo = await tryImport(videoSpec, missing);
  const fromAudio = await tryImport(audioSpec, missing);
  const engine: EvalEngine = { missing };
  if (avatar?.buildAvatar && render?.createRenderer) {
    engine.makeRenderer = (portrait, size) => {
      const r = render.createRenderer(avatar.buildAvatar(portrait), { width: size, height: size });
      const rest: MotionFrame = { w: {}, pose: { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 }, gaze: [0, 0], blink: 0 };
      return { render: (f: MotionFrame) => r.render(f) as RgbaImage, neutralFrame: () => (typeof r.neutralFrame === 'function' ? r.neutralFrame() : rest) };
    };
  }
  if (fromVideo?.motionFromVideo) engine.motionFromVideo = (file, opts, signal) => fromVideo.motionFromVideo(file, { fps: opts.fps, maxSeconds: opts.maxSeconds, mapToInitPose: true }, { signal });
  if (fromAudio?.motionFromAudio) engine.motionFromAudio = (file, opts, signal) => fromAudio.motionFromAudio(file, { fps: opts.fps, pose: 'static', seed: 0 }, { signal });
  return engine;
}

export interface EngineDrive {
  motion?: Motion;
  renderer?: Renderer;
  /** why the engine rows are missing, when they are */
  unavailable?: string;
}

/**
 * Reads the motion and builds the renderer when the engine has both pieces; otherwise says which
 * are missing (the report then has the baseline rows only).
 */
export async function driveEngine(
  engine: EvalEngine,
  source: string,
  readMotion: (() => Promise<Motion>) | undefined,
  portrait: Portrait,
  size: number,
  timings: Record<string, number>,
  log: (s: string) => void,
): Promise<EngineDrive> {
  const missing = [!engine.makeRenderer && 'renderer', !readMotion && source].filter(Boolean);
  if (missing.length) return { unavailable: `${missing.join(', ')} not available (${engine.missing.join('; ')})` };
  let t0 = performance.now();
  log(`reading ${source}`);
  const motion = await readMotion!();
  timings.motion = performance.now() - t0;
  t0 = performance.now();
  const renderer = engine.makeRenderer!(portrait, size);
  timings.avatar = performance.now() - t0;
  return { motion, renderer };
}

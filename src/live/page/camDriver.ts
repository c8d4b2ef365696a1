// The webcam driver: Human (faceWorker.ts, via webcam.ts) tracks the face in the video, one detection
// after another, and src/live/retarget.ts turns its landmarks into the avatar's frames. Each detection is
// logged in `live.track` (head angles relative to the first tracked frame).
import type { MotionFrame } from '../../types.ts';
import { headAngles } from '../../motion/measures.ts';
import { LiveRetarget } from '../retarget.ts';
import { loadFaceTracker, type FaceTracker } from './webcam.ts';
import { push, type DriverSession, type LiveState } from './liveState.ts';

let trackerPromise: Promise<FaceTracker> | null = null;

/** The face tracker, loaded once (again after a failed load); notes its backend in `live.trackBackend`. */
export function tracker(live: LiveState, backend: string): Promise<FaceTracker> {
  trackerPromise ??= loadFaceTracker(backend).then((t) => {
    live.trackBackend = t.backend;
    return t;
  });
  trackerPromise.catch(() => { trackerPromise = null; });
  return trackerPromise;
}

export interface CamOptions {
  live: LiveState;
  trackBackend: string;
  video: HTMLVideoElement;
  calibrate: HTMLButtonElement;
  statsEl: HTMLElement;
  /** the avatar's neutral frame, shown until the face is tracked */
  neutral: () => MotionFrame;
  showError: (message: string) => void;
}

/** Starts the webcam into the (stopped) session: its media, tracking loop, frames and clean-up. */
export async function startCam(session: DriverSession, o: CamOptions): Promise<void> {
  const { live, video, calibrate } = o;
  o.statsEl.textContent = 'Loading the face tracker...';
  const t = await tracker(live, o.trackBackend);
  // sound too, for the recording
  const media = session.media = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: true });
  video.srcObject = media;
  video.hidden = false;
  await video.play();
  const retarget = new LiveRetarget(15);
  let latest: MotionFrame | null = null;
  let running = true;
  const first: { yaw: number; pitch: number; roll: number } = { yaw: NaN, pitch: 0, roll: 0 };
  void (async () => {
    while (running) {
      const t0 = performance.now();
      const face = video.readyState >= 2 ? await t.detect(await createImageBitmap(video)) : null;
      const ms = performance.now() - t0;
      if (face && face.score >= 0.5) {
        const a = headAngles(face.landmarks);
        if (Number.isNaN(first.yaw)) Object.assign(first, a);
        push(live.track, { t: t0, ms, found: true, yaw: a.yaw - first.yaw, pitch: a.pitch - first.pitch, roll: a.roll - first.roll });
        const frame = retarget.update(face.landmarks, t0 / 1000);
        if (frame) latest = frame;
      } else {
        push(live.track, { t: t0, ms, found: false, yaw: NaN, pitch: NaN, roll: NaN });
      }
      // let the page breathe between detections
      await new Promise((r) => setTimeout(r, 0));
    }
  })().catch((err) => {
    console.error(`face tracking failed: ${(err as Error).message}`);
    o.showError(`Face tracking failed: ${(err as Error).message}`);
  });
  session.source = () => ({ frame: latest ?? o.neutral(), mouthAt: 0 });
  calibrate.hidden = false;
  calibrate.onclick = () => {
    retarget.recalibrate();
    first.yaw = NaN;
    latest = null;
  };
  session.stopDriver = () => {
    running = false;
    calibrate.hidden = true;
  };
}

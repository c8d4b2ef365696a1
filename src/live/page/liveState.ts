// What the live page shares between its parts: the logs and flags it exposes as `window.__live` for
// tests and benches (read-only use), and the current driver's resources (microphone or webcam), which
// the page's stop() releases whichever driver holds them.
import type { MotionFrame } from '../../types.ts';
import type { AudioLog, FrameLog, TrackLog } from './stats.ts';

/** log lengths kept for the stats and for tests (about two minutes) */
const LOG_LIMIT = 4000;

type HeadAngles = { yaw: number; pitch: number; roll: number };

/** What the page exposes for tests and benches (read-only use). */
export interface LiveState {
  ready: boolean;
  mode: 'idle' | 'mic' | 'cam';
  size: number;
  mouthBox: [number, number, number, number];
  frames: FrameLog[];
  audio: AudioLog[];
  track: TrackLog[];
  errors: string[];
  trackBackend: string;
  audioState: string;
  recording: Blob | null;
  /** head angles of the face Human finds in each given picture (null = none): measures what the canvas shows */
  measureHeads: (images: ImageData[]) => Promise<(HeadAngles | null)[]>;
}

export function createLiveState(size: number, measureHeads: LiveState['measureHeads']): LiveState {
  return { ready: false, mode: 'idle', size, mouthBox: [0, 0, 0, 0], frames: [], audio: [], track: [], errors: [], trackBackend: '', audioState: '', recording: null, measureHeads };
}

/** Appends to a log, keeping its last LOG_LIMIT entries. */
export function push<T>(log: T[], v: T): void {
  log.push(v);
  if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
}

/** The frame a driver shows now, and when its mouth was heard (0 = no audio). */
export interface DriverFrame { frame: MotionFrame; mouthAt: number }

/** The current driver: what it holds (released by the page's stop(), even half started) and its frames. */
export interface DriverSession {
  media: MediaStream | null;
  audioContext: AudioContext | null;
  /** the frame to show now (null = the avatar's neutral frame) */
  source: (() => DriverFrame) | null;
  /** the driver's own clean-up (closing its port, ending its tracking loop) */
  stopDriver: (() => void) | null;
}

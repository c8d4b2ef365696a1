// What the page logs per frame, per sound analysis and per face tracking, and the one-line
// summary of the last two seconds shown under the canvas.

export interface FrameLog { t: number; jaw: number; yaw: number; pitch: number; roll: number; renderMs: number; mouthAgeMs: number }
export interface AudioLog { t: number; loudnessDb: number; jaw: number; speech: number }
export interface TrackLog { t: number; ms: number; found: boolean; yaw: number; pitch: number; roll: number }

/** The window the summary covers, ms. */
const WINDOW_MS = 2000;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** Frame rate and draw time over the last two seconds, plus the driver's own figure. */
export function statsLine(frames: FrameLog[], track: TrackLog[], mode: 'idle' | 'mic' | 'cam', trackBackend: string, now: number): string {
  const seconds = WINDOW_MS / 1000;
  const recent = frames.filter((f) => f.t > now - WINDOW_MS);
  let text = `${(recent.length / seconds).toFixed(1)} frames/s, ${mean(recent.map((f) => f.renderMs)).toFixed(1)} ms to draw a frame`;
  if (mode === 'mic') {
    const ages = recent.map((f) => f.mouthAgeMs).filter(Number.isFinite);
    if (ages.length) text += `, sound to screen ${mean(ages).toFixed(0)} ms after analysis`;
  }
  if (mode === 'cam') {
    const tracked = track.filter((f) => f.t > now - WINDOW_MS);
    text += `, face tracked ${(tracked.length / seconds).toFixed(1)} times/s (${trackBackend})`;
    if (tracked.length && !tracked.some((f) => f.found)) text += ': no face in view';
  }
  return text;
}

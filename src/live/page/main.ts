// The live page: pick a photo (the server builds its avatar) or a saved .avatar, then drive it with
// the microphone (AudioWorklet -> the learned causal lip model, src/live/lipMouth.ts; blinks, gaze and head from
// src/live/micMotion.ts) or the webcam (face landmarks -> the video path's retargeting,
// src/live/retarget.ts; Human runs in faceWorker.ts). Frames are drawn by the CPU renderer in a worker (renderWorker.ts) and
// shown on a canvas, which MediaRecorder can record with the sound.
// URL options: ?size=512 (render size), ?fps=30 (frame rate cap), ?backend=wasm|webgl (face tracking),
// ?mouth=rules (the rule-based microphone jaw instead of the learned lip model).
// This file is the page's UI: it wires the parts together (liveState.ts what they share,
// renderClient.ts the render worker, micDriver.ts and camDriver.ts the drivers, recording.ts, stats.ts).
import { headAngles } from '../../motion/measures.ts';
import type { LiveBackground } from './protocol.ts';
import { wireRecording } from './recording.ts';
import { statsLine } from './stats.ts';
import { createLiveState, type DriverSession } from './liveState.ts';
import { createRenderClient } from './renderClient.ts';
import { startMic } from './micDriver.ts';
import { startCam, tracker } from './camDriver.ts';

const params = new URLSearchParams(location.search);
const SIZE = Math.max(128, Math.min(1024, Number(params.get('size')) || 512));
const FRAME_INTERVAL = 1000 / Math.max(5, Math.min(60, Number(params.get('fps')) || 30));
const TRACK_BACKEND = params.get('backend') ?? 'wasm';
/** microphone mouth: the learned causal lip model (default) or the older rule-based jaw (?mouth=rules) */
const MOUTH = params.get('mouth') === 'rules' ? 'rules' : 'learned';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const canvas = $<HTMLCanvasElement>('live-canvas');
canvas.width = SIZE;
canvas.height = SIZE;
const ctx = canvas.getContext('2d')!;
const video = $<HTMLVideoElement>('webcam');
const statusEl = $('avatar-status'), statsEl = $('live-stats'), errorEl = $('live-error');
const micBtn = $<HTMLButtonElement>('mic-btn'), camBtn = $<HTMLButtonElement>('cam-btn'), stopBtn = $<HTMLButtonElement>('stop-btn');
const recordBtn = $<HTMLButtonElement>('record-btn'), recordStatus = $('record-status');
const bgSelect = $<HTMLSelectElement>('bg'), bgColour = $<HTMLInputElement>('bg-colour');

const live = createLiveState(SIZE, async (images: ImageData[]) => {
  const t = await tracker(live, TRACK_BACKEND);
  const out: ({ yaw: number; pitch: number; roll: number } | null)[] = [];
  for (const img of images) {
    const f = await t.detect(img);
    out.push(f ? headAngles(f.landmarks) : null);
  }
  return out;
});
(window as unknown as { __live: typeof live }).__live = live;

function showError(message: string): void {
  live.errors.push(message);
  errorEl.textContent = message;
  errorEl.hidden = false;
}

/** the current driver (microphone or webcam) and what it holds */
const session: DriverSession = { media: null, audioContext: null, source: null, stopDriver: null };

const renderer = createRenderClient({
  live,
  ctx,
  size: SIZE,
  frameInterval: FRAME_INTERVAL,
  source: () => session.source,
  onReady: (msg) => {
    statusEl.textContent = `Avatar ready: ${msg.vertices} vertices, drawn at ${msg.size} px.`;
    micBtn.disabled = camBtn.disabled = false;
    recordBtn.disabled = false;
  },
  showError,
});

// ---- choosing the avatar -----------------------------------------------------------------------

function backgroundChoice(): LiveBackground {
  if (bgSelect.value === 'transparent') return { kind: 'transparent' };
  if (bgSelect.value === 'colour') {
    const hex = bgColour.value.replace('#', '');
    return { kind: 'colour', rgb: [parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16)] };
  }
  return { kind: 'plate' };
}

async function useAvatar(bytes: ArrayBuffer, label: string): Promise<void> {
  live.ready = false;
  const save = $<HTMLAnchorElement>('save-avatar');
  if (save.href) URL.revokeObjectURL(save.href);
  save.href = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  save.hidden = false;
  statusEl.textContent = `Loading ${label}...`;
  renderer.send({ type: 'avatar', bytes, size: SIZE, background: backgroundChoice() }, [bytes]);
}

$<HTMLInputElement>('photo').addEventListener('change', async (e) => {
  const file = (e.target as HTMLInputElement).files?.[0];
  if (!file) return;
  errorEl.hidden = true;
  statusEl.textContent = 'Building the 3D avatar of this photo (a few seconds)...';
  const form = new FormData();
  form.append('photo', file);
  try {
    const res = await fetch('/live/avatar', { method: 'POST', body: form });
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { error?: string };
      statusEl.textContent = body.error ?? `The server could not build the avatar (${res.status}).`;
      return;
    }
    await useAvatar(await res.arrayBuffer(), 'the avatar');
  } catch (err) {
    statusEl.textContent = `Could not reach the server: ${(err as Error).message}`;
  }
});

$<HTMLInputElement>('avatar-file').addEventListener('change', async (e) => {
  const file = (e.target as HTMLInputElement).files?.[0];
  if (file) await useAvatar(await file.arrayBuffer(), file.name);
});

const updateBackground = () => renderer.send({ type: 'background', background: backgroundChoice() });
bgSelect.addEventListener('change', updateBackground);
bgColour.addEventListener('input', () => {
  bgSelect.value = 'colour';
  updateBackground();
});

// ---- drivers -----------------------------------------------------------------------------------

function setMode(mode: typeof live.mode): void {
  live.mode = mode;
  micBtn.classList.toggle('active', mode === 'mic');
  camBtn.classList.toggle('active', mode === 'cam');
  stopBtn.disabled = mode === 'idle';
}

function stop(): void {
  session.stopDriver?.();
  session.stopDriver = null;
  session.source = null;
  session.media?.getTracks().forEach((t) => t.stop());
  session.media = null;
  void session.audioContext?.close();
  session.audioContext = null;
  video.hidden = true;
  setMode('idle');
}

async function mic(): Promise<void> {
  stop();
  await startMic(session, { live, mouth: MOUTH, pose: $<HTMLSelectElement>('head').value === 'static' ? 'static' : 'auto', showError });
  setMode('mic');
}

async function cam(): Promise<void> {
  stop();
  await startCam(session, { live, trackBackend: TRACK_BACKEND, video, calibrate: $<HTMLButtonElement>('calibrate-btn'), statsEl, neutral: () => renderer.neutral()!, showError });
  setMode('cam');
}

const run = (start: () => Promise<void>, what: string) => () => {
  errorEl.hidden = true;
  start().catch((err) => {
    stop();
    const message = `${what}: ${(err as Error).message}`;
    console.error(message);
    showError(message);
  });
};
micBtn.addEventListener('click', run(mic, 'The microphone could not start'));
camBtn.addEventListener('click', run(cam, 'The webcam could not start'));
stopBtn.addEventListener('click', stop);

// ---- recording and stats -----------------------------------------------------------------------

wireRecording(
  { button: recordBtn, status: recordStatus, download: $<HTMLAnchorElement>('download'), playback: $<HTMLVideoElement>('playback') },
  canvas,
  () => session.media?.getAudioTracks() ?? [],
  (blob) => { live.recording = blob; },
);

setInterval(() => {
  if (live.ready) statsEl.textContent = statsLine(live.frames, live.track, live.mode, live.trackBackend, performance.now());
}, 500);

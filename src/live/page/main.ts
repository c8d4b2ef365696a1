// The live page: pick a photo (the server builds its avatar) or a saved .avatar, then drive it with
// the microphone (AudioWorklet -> the learned causal lip model, src/live/lipMouth.ts; blinks, gaze and head from
// src/live/micMotion.ts) or the webcam (face landmarks -> the video path's retargeting,
// src/live/retarget.ts; Human runs in faceWorker.ts). Frames are drawn by the CPU renderer in a worker (renderWorker.ts) and
// shown on a canvas, which MediaRecorder can record with the sound.
// URL options: ?size=512 (render size), ?fps=30 (frame rate cap), ?backend=wasm|webgl (face tracking),
// ?mouth=rules (the rule-based microphone jaw instead of the learned lip model).
import type { MotionFrame } from '../../types.ts';
import type { MouthModel } from '../../motion/mouthModel.ts';
import { parseLipModel, type LipModel } from '../../motion/lipModel.ts';
import { headAngles } from '../../motion/measures.ts';
import { MicMotion } from '../micMotion.ts';
import { LiveRetarget } from '../retarget.ts';
import type { LiveMouthState } from '../mouth.ts';
import type { MouthMessage, MouthProcessorOptions } from './audioWorklet.ts';
import type { FromRenderer, LiveBackground, ToRenderer } from './protocol.ts';
import { loadFaceTracker, type FaceTracker } from './webcam.ts';
import { wireRecording } from './recording.ts';
import { statsLine, type AudioLog, type FrameLog, type TrackLog } from './stats.ts';

const params = new URLSearchParams(location.search);
const SIZE = Math.max(128, Math.min(1024, Number(params.get('size')) || 512));
const FRAME_INTERVAL = 1000 / Math.max(5, Math.min(60, Number(params.get('fps')) || 30));
const TRACK_BACKEND = params.get('backend') ?? 'wasm';
/** microphone mouth: the learned causal lip model (default) or the older rule-based jaw (?mouth=rules) */
const MOUTH = params.get('mouth') === 'rules' ? 'rules' : 'learned';
/** log lengths kept for the stats and for tests (about two minutes) */
const LOG_LIMIT = 4000;

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


/** What the page exposes for tests and benches (read-only use). */
const live = {
  ready: false,
  mode: 'idle' as 'idle' | 'mic' | 'cam',
  size: SIZE,
  mouthBox: [0, 0, 0, 0] as [number, number, number, number],
  frames: [] as FrameLog[],
  audio: [] as AudioLog[],
  track: [] as TrackLog[],
  errors: [] as string[],
  trackBackend: '',
  audioState: '',
  recording: null as Blob | null,
  /** head angles of the face Human finds in each given picture (null = none): measures what the canvas shows */
  measureHeads: async (images: ImageData[]) => {
    const t = await tracker();
    const out: ({ yaw: number; pitch: number; roll: number } | null)[] = [];
    for (const img of images) {
      const f = await t.detect(img);
      out.push(f ? headAngles(f.landmarks) : null);
    }
    return out;
  },
};
(window as unknown as { __live: typeof live }).__live = live;

function push<T>(log: T[], v: T): void {
  log.push(v);
  if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
}

function showError(message: string): void {
  live.errors.push(message);
  errorEl.textContent = message;
  errorEl.hidden = false;
}

// ---- the render worker -------------------------------------------------------------------------

const worker = new Worker('/live/render-worker.js', { type: 'module' });
let neutral: MotionFrame | null = null;
let inFlight = false, timer = 0, lastSent = 0, nextId = 0;
const sent = new Map<number, { frame: MotionFrame; mouthAt: number }>();
/** the current driver: the frame to show now, and when its mouth was heard (0 = no audio) */
let source: (() => { frame: MotionFrame; mouthAt: number }) | null = null;

function send(msg: ToRenderer, transfer: Transferable[] = []): void {
  worker.postMessage(msg, transfer);
}

function backgroundChoice(): LiveBackground {
  if (bgSelect.value === 'transparent') return { kind: 'transparent' };
  if (bgSelect.value === 'colour') {
    const hex = bgColour.value.replace('#', '');
    return { kind: 'colour', rgb: [parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16)] };
  }
  return { kind: 'plate' };
}

/** Sends the next frame when the worker is free, at most one per FRAME_INTERVAL. */
function pump(): void {
  if (inFlight || timer || !live.ready) return;
  const now = performance.now();
  const wait = lastSent + FRAME_INTERVAL - now;
  if (wait > 1) {
    timer = window.setTimeout(() => { timer = 0; pump(); }, wait);
    return;
  }
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
    showError(`Drawing failed: ${msg.message}`);
    inFlight = false;
    return;
  }
  if (msg.type === 'ready') {
    neutral = msg.neutral;
    live.mouthBox = msg.mouthBox;
    live.ready = true;
    statusEl.textContent = `Avatar ready: ${msg.vertices} vertices, drawn at ${msg.size} px.`;
    micBtn.disabled = camBtn.disabled = false;
    recordBtn.disabled = false;
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
  showError(`The drawing worker failed: ${e.message}`);
};

// ---- choosing the avatar -----------------------------------------------------------------------

async function useAvatar(bytes: ArrayBuffer, label: string): Promise<void> {
  live.ready = false;
  const save = $<HTMLAnchorElement>('save-avatar');
  if (save.href) URL.revokeObjectURL(save.href);
  save.href = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  save.hidden = false;
  statusEl.textContent = `Loading ${label}...`;
  send({ type: 'avatar', bytes, size: SIZE, background: backgroundChoice() }, [bytes]);
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

const updateBackground = () => send({ type: 'background', background: backgroundChoice() });
bgSelect.addEventListener('change', updateBackground);
bgColour.addEventListener('input', () => {
  bgSelect.value = 'colour';
  updateBackground();
});

// ---- drivers -----------------------------------------------------------------------------------

let media: MediaStream | null = null;
let audioContext: AudioContext | null = null;
let stopDriver: (() => void) | null = null;

function setMode(mode: typeof live.mode): void {
  live.mode = mode;
  micBtn.classList.toggle('active', mode === 'mic');
  camBtn.classList.toggle('active', mode === 'cam');
  stopBtn.disabled = mode === 'idle';
}

function stop(): void {
  stopDriver?.();
  stopDriver = null;
  source = null;
  media?.getTracks().forEach((t) => t.stop());
  media = null;
  void audioContext?.close();
  audioContext = null;
  video.hidden = true;
  setMode('idle');
}

let mouthModel: Promise<MouthModel> | null = null;
let lipModel: Promise<LipModel> | null = null;

/** The worklet's mouth: the learned causal lip model, decoded here (plain TS base64, no Buffer), or the rule-based jaw. */
async function mouthOptions(): Promise<MouthProcessorOptions> {
  if (MOUTH === 'rules') {
    mouthModel ??= fetch('/live/mouth-model.json').then((r) => r.json() as Promise<MouthModel>);
    return { model: await mouthModel, mouthAmp: 0.45 };
  }
  lipModel ??= fetch('/live/lip-model.json').then(async (r) => parseLipModel(await r.text(), '/live/lip-model.json'));
  lipModel.catch(() => { lipModel = null; });
  return { lipModel: await lipModel, mouthAmp: 0.45 };
}

async function startMic(): Promise<void> {
  stop();
  const mouthSetup = mouthOptions();
  mouthSetup.catch(() => {}); // awaited below; this only keeps an early failure from being reported twice
  // no browser clean-up of the voice: the mouth model was trained on plain recordings
  live.audioState = 'asking for the microphone';
  media = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false, channelCount: 1 } });
  // the audio features run at 16 kHz: the browser resamples the microphone into this context
  audioContext = new AudioContext({ sampleRate: 16000, latencyHint: 'interactive' });
  live.audioState = 'loading the audio worklet';
  await audioContext.audioWorklet.addModule('/live/audio-worklet.js');
  live.audioState = 'loading the mouth model';
  const node = new AudioWorkletNode(audioContext, 'real3d-mouth', { numberOfInputs: 1, numberOfOutputs: 1, processorOptions: await mouthSetup });
  audioContext.createMediaStreamSource(media).connect(node);
  // a silent path to the speakers keeps the graph (and so the worklet) running
  const mute = audioContext.createGain();
  mute.gain.value = 0;
  node.connect(mute).connect(audioContext.destination);
  const motion = new MicMotion({ fps: 25, blink: 'natural', pose: $<HTMLSelectElement>('head').value === 'static' ? 'static' : 'auto' });
  let mouth: LiveMouthState = { weights: {}, speech: 0, energy: -8, loudnessDb: -100, time: 0 };
  let mouthAt = 0;
  node.port.onmessage = (e: MessageEvent<MouthMessage | { error: string }>) => {
    if ('error' in e.data) {
      console.error(e.data.error);
      showError(e.data.error);
      return;
    }
    mouth = e.data;
    mouthAt = performance.now();
    push(live.audio, { t: mouthAt, loudnessDb: mouth.loudnessDb, jaw: mouth.weights.jawOpen ?? 0, speech: mouth.speech });
  };
  live.audioState = audioContext.state;
  audioContext.onstatechange = () => { live.audioState = audioContext?.state ?? 'closed'; };
  const t0 = performance.now();
  source = () => ({ frame: motion.frameAt((performance.now() - t0) / 1000, mouth), mouthAt });
  stopDriver = () => node.port.close();
  setMode('mic');
}

let trackerPromise: Promise<FaceTracker> | null = null;
function tracker(): Promise<FaceTracker> {
  trackerPromise ??= loadFaceTracker(TRACK_BACKEND).then((t) => {
    live.trackBackend = t.backend;
    return t;
  });
  trackerPromise.catch(() => { trackerPromise = null; });
  return trackerPromise;
}

async function startCam(): Promise<void> {
  stop();
  statsEl.textContent = 'Loading the face tracker...';
  const t = await tracker();
  // sound too, for the recording
  media = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: true });
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
    showError(`Face tracking failed: ${(err as Error).message}`);
  });
  source = () => ({ frame: latest ?? neutral!, mouthAt: 0 });
  const calibrate = $<HTMLButtonElement>('calibrate-btn');
  calibrate.hidden = false;
  calibrate.onclick = () => {
    retarget.recalibrate();
    first.yaw = NaN;
    latest = null;
  };
  stopDriver = () => {
    running = false;
    calibrate.hidden = true;
  };
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
micBtn.addEventListener('click', run(startMic, 'The microphone could not start'));
camBtn.addEventListener('click', run(startCam, 'The webcam could not start'));
stopBtn.addEventListener('click', stop);

// ---- recording and stats -----------------------------------------------------------------------

wireRecording(
  { button: recordBtn, status: recordStatus, download: $<HTMLAnchorElement>('download'), playback: $<HTMLVideoElement>('playback') },
  canvas,
  () => media?.getAudioTracks() ?? [],
  (blob) => { live.recording = blob; },
);

setInterval(() => {
  if (live.ready) statsEl.textContent = statsLine(live.frames, live.track, live.mode, live.trackBackend, performance.now());
}, 500);

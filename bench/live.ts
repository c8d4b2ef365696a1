// Live page speed in headless Chromium with fake devices (as test/live.test.ts): frames per second
// in microphone and webcam mode, face-tracking rate, draw time, and the microphone-to-mouth delay:
// - model delay: how far the causal mouth's jaw lags the sound's first-formant energy (node, eng.wav);
// - page delay: from the mouth's state leaving the audio thread to the frame showing it on screen;
// - end to end in the page: the lag at which the shown jaw best follows the loudness the audio thread heard.
// The microphone's own capture buffer (OS/driver, ~10-20 ms on real hardware) is outside all of these.
// Usage: node --import tsx bench/live.ts [seconds per mode, default 12] [face backend: wasm (default) | webgl] [mouth: learned (default) | rules]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, loadavg } from 'node:os';
import path from 'node:path';
import { startServer } from '../src/server/app.ts';
import { decodeAudioChunks } from '../src/io/media.ts';
import { LogMelStream, melBandCentresHz } from '../src/motion/features.ts';
import { loadMouthModel } from '../src/motion/mouthModel.ts';
import { LIP_CAUSAL_MODEL_FILE, loadLipModel } from '../src/motion/lipModel.ts';
import { createLiveMouth, type LiveMouth } from '../src/live/mouth.ts';
import { createLearnedLiveMouth } from '../src/live/lipMouth.ts';
import { motionFromAudio } from '../src/motion/fromAudio.ts';
import { bestLag, launchLiveBrowser, makeFakeMedia, openLivePage } from '../src/live/harness.ts';
import { SHARED_DATA_URL } from './sharedData.ts';

const seconds = Number(process.argv[2] ?? 12);
const backend = process.argv[3] ?? 'wasm';
const mouthKind = process.argv[4] === 'rules' ? 'rules' : 'learned';
const DATA = SHARED_DATA_URL;
const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1]! : NaN;
};
const load = () => loadavg().map((v) => v.toFixed(1)).join(' ');

/** Model delay: the live jaw (10 ms steps) against the F1-band energy of the same 10 ms frames. */
async function modelDelay(mouth: LiveMouth, product: { t: number[]; v: number[] }): Promise<{ lag: number; r: number; ms: number; vsProduct: { lag: number; r: number } }> {
  const file = new URL('audio/eng.wav', DATA).pathname;
  let busy = 0;
  const centres = melBandCentresHz();
  const bands = [...centres.keys()].filter((b) => centres[b]! >= 250 && centres[b]! <= 1000);
  const f1: number[] = [];
  // frame i of LogMelStream is centred at i * 10 ms + 12.5 ms: the sound's time
  const energy = new LogMelStream((f) => f1.push(Math.max(-20, Math.log(bands.reduce((s, b) => s + Math.exp(f[b + 1]!), 0) + 1e-10))));
  const jaw: { t: number[]; v: number[] } = { t: [], v: [] };
  let heard = 0;
  for await (const chunk of decodeAudioChunks(file, { sampleRate: 16000, chunkSamples: 16000 })) {
    for (let o = 0; o < chunk.length; o += 128) {
      const block = chunk.subarray(o, o + 128);
      energy.push(block);
      heard += block.length;
      const t0 = performance.now();
      const hops = mouth.push(block);
      busy += performance.now() - t0;
      if (hops > 0) {
        jaw.t.push((heard / 16000) * 1000);
        jaw.v.push(mouth.state.weights.jawOpen!);
      }
    }
  }
  const sound = { t: f1.map((_, i) => i * 10 + 12.5), v: f1 };
  // ms of mouth computation per second of audio (the audio thread's cost)
  return { ...bestLag(sound, jaw, 200, 5), ms: busy / (heard / 16000), vsProduct: bestLag(product, jaw, 300, 5) };
}

const tmp = await mkdtemp(path.join(tmpdir(), 'real3d-live-bench-'));
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: path.join(tmp, 'data'), workers: 1, ttlHours: 0 });
const media = makeFakeMedia(tmp, new URL('audio/RD_Radio31_000.wav', DATA).pathname, new URL('video/WDA_KatieHill_000.mp4', DATA).pathname);
const context = await launchLiveBrowser(path.join(tmp, 'profile'), media);
try {
  // the offline product's jawOpen (lips.json, 240 ms of look-ahead): frame i shows the mouth at i * 40 ms
  const offline = await motionFromAudio(new URL('audio/eng.wav', DATA).pathname, { fps: 25 });
  const product = { t: offline.frames.map((_, i) => i * 40), v: offline.frames.map((f) => f.w.jawOpen ?? 0) };
  const rules = await modelDelay(createLiveMouth(loadMouthModel()), product);
  const learned = await modelDelay(createLearnedLiveMouth(loadLipModel(LIP_CAUSAL_MODEL_FILE)), product);
  for (const [name, m] of [['rule-based', rules], ['learned', learned]] as const) {
    console.log(`model delay (node, eng.wav), ${name} mouth: the live jaw lags the first-formant energy by ${m.lag} ms (r ${m.r.toFixed(2)}) and the offline product's jaw by ${m.vsProduct.lag} ms (r ${m.vsProduct.r.toFixed(2)}); ${m.ms.toFixed(1)} ms of computation per audio second`);
  }
  const model = mouthKind === 'rules' ? rules : learned;
  console.log(`the page runs the ${mouthKind} mouth`);
  const t0 = performance.now();
  const { page, consoleErrors } = await openLivePage(context, server.url, { photo: new URL('portraits/lp_s42.jpg', DATA).pathname }, `?backend=${backend}${mouthKind === 'rules' ? '&mouth=rules' : ''}`);
  console.log(`avatar built by the server and loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s; load average ${load()}`);
  const webgl = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl');
    return gl ? String(gl.getParameter(gl.RENDERER)) : 'none';
  });
  console.log(`WebGL in this headless Chromium (--disable-gpu): ${webgl}`);

  const window = async (ms: number) => {
    await page.waitForTimeout(ms);
    return page.evaluate((ms) => {
      const live = (window as any).__live;
      const now = performance.now();
      return {
        frames: live.frames.filter((f: { t: number }) => f.t > now - ms),
        audio: live.audio.filter((a: { t: number }) => a.t > now - ms),
        track: live.track.filter((a: { t: number }) => a.t > now - ms),
      };
    }, ms);
  };

  // microphone
  await page.click('#mic-btn');
  await page.waitForTimeout(2000);
  const mic = await window(seconds * 1000);
  const micFps = mic.frames.length / seconds;
  const ages = mic.frames.map((f: { mouthAgeMs: number }) => f.mouthAgeMs).filter(Number.isFinite);
  const loud = { t: mic.audio.map((a: { t: number }) => a.t), v: mic.audio.map((a: { loudnessDb: number }) => Math.max(-60, a.loudnessDb)) };
  const jawAudio = { t: mic.audio.map((a: { t: number }) => a.t), v: mic.audio.map((a: { jaw: number }) => a.jaw) };
  const shown = { t: mic.frames.map((f: { t: number }) => f.t), v: mic.frames.map((f: { jaw: number }) => f.jaw) };
  const endToEnd = bestLag(loud, shown, 400, 5);
  const pipeline = bestLag(jawAudio, shown, 200, 2);
  console.log(`microphone: ${micFps.toFixed(1)} frames/s, draw ${median(mic.frames.map((f: { renderMs: number }) => f.renderMs)).toFixed(1)} ms median; ` +
    `page delay (mouth analysed -> on screen) median ${median(ages).toFixed(0)} ms (best-lag ${pipeline.lag} ms); ` +
    `loudness heard -> jaw shown best lag ${endToEnd.lag} ms (r ${endToEnd.r.toFixed(2)}); ` +
    `estimated mic-to-mouth: 8 ms audio block + ${model.lag} ms model + ${median(ages).toFixed(0)} ms page = ${(8 + model.lag + median(ages)).toFixed(0)} ms; load average ${load()}`);
  await page.click('#stop-btn');

  // webcam
  await page.click('#cam-btn');
  await page.waitForFunction(() => (window as any).__live.track.length > 20, null, { timeout: 120_000 });
  await page.waitForTimeout(1000);
  const cam = await window(seconds * 1000);
  const found = cam.track.filter((t: { found: boolean }) => t.found).length;
  console.log(`webcam: ${(cam.frames.length / seconds).toFixed(1)} frames/s shown, face tracked ${(cam.track.length / seconds).toFixed(1)} times/s (${found} of ${cam.track.length} with a face, ${median(cam.track.map((t: { ms: number }) => t.ms)).toFixed(0)} ms per detection incl. the hand-over, backend ${await page.evaluate(() => (window as any).__live.trackBackend)}), draw ${median(cam.frames.map((f: { renderMs: number }) => f.renderMs)).toFixed(1)} ms median; load average ${load()}`);
  await page.click('#stop-btn');
  if (consoleErrors.length) console.log(`console errors: ${consoleErrors.join(' | ')}`);
} finally {
  await context.close();
  await server.close();
  await rm(tmp, { recursive: true, force: true });
}

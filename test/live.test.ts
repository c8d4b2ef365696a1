// The live page (/live) in headless Chromium with fake devices: the fake microphone plays speech and
// the fake webcam a talking face (both made from the shared media). Frames are read back from the
// page's canvas: the mouth must move with the speech's loudness, and the avatar's head (found by
// the face tracker in the canvas pictures) must follow the webcam's head. Also: the live mouth
// against the offline one (the learned causal model), silence, the record button, the background options, and no console errors.
// Speeds are printed by bench/live.ts, not asserted here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../src/server/app.ts';
import { httpFetch as fetch } from '../src/server/testing.ts';
import { decodeAudioChunks, probeVideo } from '../src/io/media.ts';
import { decodeAvatar } from '../src/avatar/file.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { motionFromAudio } from '../src/motion/fromAudio.ts';
import { loadMouthModel } from '../src/motion/mouthModel.ts';
import { bestLagPearson } from '../src/motion/filters.ts';
import { createLiveMouth, type LiveMouth } from '../src/live/mouth.ts';
import { createLearnedLiveMouth } from '../src/live/lipMouth.ts';
import { shapeAudioMouth } from '../src/motion/lipShapes.ts';
import { MicMotion } from '../src/live/micMotion.ts';
import { MOUTH_ON_PHOTO } from '../src/rig/mouthBase.ts';
import { lipAudio, speechActivity } from '../src/motion/lipFeatures.ts';
import { calibrateLips, LIP_CAUSAL_MODEL_FILE, loadLipModel, parseLipModel, postprocessLips, rawLipCurves, type LipModel } from '../src/motion/lipModel.ts';
import { frameEnergy, openRoundedVowels } from '../src/motion/lipRounding.ts';
import { liftOpenings } from '../src/motion/lipLift.ts';
import { poolP90 } from '../src/motion/lipFileScale.ts';
import type { LipAudio } from '../src/motion/lipFeatures.ts';
import { CHROMIUM, bestLag, correlation, launchLiveBrowser, makeFakeMedia, openLivePage, type FakeMedia } from '../src/live/harness.ts';
import { SHARED_DATA_URL } from '../bench/sharedData.ts';

const DATA = SHARED_DATA_URL;
const PHOTO = new URL('portraits/lp_s42.jpg', DATA).pathname;
const SPEECH = new URL('audio/RD_Radio31_000.wav', DATA).pathname;
const TALKING = new URL('video/WDA_KatieHill_000.mp4', DATA).pathname;

let tmp: string;
let server: RunningServer;
let context: BrowserContext | undefined;
let media: FakeMedia;
let page: Page;
let consoleErrors: string[];
let savedAvatar = '';

// As test/browser.test.ts: without Chromium the two in-browser tests are skipped with one line,
// except under CI (CI=true), where a missing browser is a failure.
const IN_CI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
const NO_BROWSER = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set REAL3D_CHROMIUM=/path/to/chromium; with CI=true this test is required`;

before(async () => {
  assert.ok(!NO_BROWSER || !IN_CI, `chromium is missing at ${CHROMIUM} and CI=true requires it: apt-get install -y chromium (.ci/run does it)`);
  tmp = await mkdtemp(path.join(tmpdir(), 'real3d-live-test-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: path.join(tmp, 'data'), workers: 1, ttlHours: 0 });
  if (NO_BROWSER) return;
  media = makeFakeMedia(tmp, SPEECH, TALKING);
  context = await launchLiveBrowser(path.join(tmp, 'profile'), media);
});

after(async () => {
  await context?.close();
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

/** Streams samples through a live mouth in the worklet's 128-sample blocks; the state at each 25 fps frame time heard. */
function streamMouth(mouth: LiveMouth, samples: Float32Array, out: Record<string, number>[] = []): Record<string, number>[] {
  const start = out.length;
  for (let o = 0, heard = 0; o < samples.length; o += 128) {
    const block = samples.subarray(o, o + 128);
    mouth.push(block);
    heard += block.length;
    while ((out.length - start) / 25 <= heard / 16000) out.push({ ...mouth.state.weights });
  }
  return out;
}

async function decodeAll(file: string): Promise<Float32Array> {
  const parts: Float32Array[] = [];
  for await (const chunk of decodeAudioChunks(file, { sampleRate: 16000, chunkSamples: 16000 })) parts.push(chunk);
  const all = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  parts.reduce((o, p) => (all.set(p, o), o + p.length), 0);
  return all;
}

/** The offline causal reference at 25 fps: calibrated curves, the small openings lifted as the product lifts them (lipLift.ts), the rounded vowels opened. */
function liftedPrediction(model: LipModel, audio: LipAudio, n: number): Float64Array[] {
  const curves = calibrateLips(model, rawLipCurves(model, audio, 25, n), 25);
  const at = (k: string) => model.targets.indexOf(k);
  const pool90 = poolP90(model.quantileMap?.[at('jawOpen')]);
  assert.ok(pool90 !== null, 'the causal model has a jaw calibration');
  liftOpenings(curves[at('jawOpen')]!, [curves[at('mouthLowerDown')]!, curves[at('mouthUpperUp')]!], pool90);
  openRoundedVowels(curves, model.targets, frameEnergy(audio, 25, n));
  return curves;
}

test('the live mouth (learned causal model, 10 ms hops) follows the offline causal learned mouth', async () => {
  const file = new URL('audio/eng.wav', DATA).pathname;
  // The reference: the same causal model run offline on the whole file with the streaming
  // normalisation and the offline silence gate (which looks 80 ms ahead); the live one differs by
  // its causal gate and its 10 ms steps. For comparison: the offline product (lips.json, which
  // looks 240 ms ahead, per-file normalisation) and the rule-based jaw the page streamed before.
  const model = loadLipModel(LIP_CAUSAL_MODEL_FILE);
  const audio = await lipAudio(file, undefined, true);
  const n = Math.round((audio.samples / 16000) * 25);
  const offline = postprocessLips(liftedPrediction(model, audio, n), speechActivity(audio, 25, n), 25, 0.45);
  shapeAudioMouth(offline, model.targets); // as the offline product
  const live = streamMouth(createLearnedLiveMouth(model), await decodeAll(file)).slice(0, n);
  assert.ok(live.every((w) => w.mouthStretchLeft === w.mouthStretchRight), 'the live stretches are one (speech has no side)');
  // eng.wav starts with ~3 s of room noise. There the streaming normaliser (speech level = noise +
  // 30 dB until someone speaks) lets the offline gate pass a little, and the offline curves keep
  // the lips pressed (mouthPress ~0.3); the live gate (10 dB over the noise floor) keeps the mouth
  // shut. So the curves are compared from the speech onset (per-file activity), and the lead-in
  // is checked to be shut.
  const perFile = await lipAudio(file);
  const onset = Math.max(0, speechActivity(perFile, 25, n).findIndex((v) => v > 0.5) - 2);
  const leadIn = live.slice(0, onset).flatMap((w) => Object.values(w));
  console.log(`lead-in before the speech (${onset} frames): largest live weight ${Math.max(...leadIn)}, offline causal ${Math.max(...offline.map((c) => Math.max(...c.subarray(0, onset)))).toFixed(2)}`);
  assert.ok(onset > 25 && Math.max(...leadIn) === 0, 'the live mouth is shut before the speech');
  for (const [t, name] of model.targets.entries()) {
    const { r, lag } = bestLagPearson(Array.from(offline[t]!.subarray(onset)), live.slice(onset).map((w) => w[name]!), 6);
    console.log(`live vs offline causal ${name} on eng.wav (from the speech onset): r ${r.toFixed(3)} at a lag of ${lag} frames`);
    assert.ok(r > (name === 'jawOpen' ? 0.9 : 0.8), `${name}: r = ${r}`);
    assert.ok(lag >= 0 && lag <= 2, `${name}: lag ${lag} frames`);
  }
  const jaw = live.map((w) => w.jawOpen!);
  const product = await motionFromAudio(file, { fps: 25 });
  const vsProduct = bestLagPearson(product.frames.map((f) => f.w.jawOpen ?? 0), jaw, 6);
  const ruleLive = streamMouth(createLiveMouth(loadMouthModel()), await decodeAll(file)).slice(0, n).map((w) => w.jawOpen!);
  const ruleVsProduct = bestLagPearson(product.frames.map((f) => f.w.jawOpen ?? 0), ruleLive, 6);
  console.log(`jawOpen vs the offline product (lips.json): live learned r ${vsProduct.r.toFixed(2)} (lag ${vsProduct.lag}), live rule-based r ${ruleVsProduct.r.toFixed(2)} (lag ${ruleVsProduct.lag})`);
  assert.ok(vsProduct.r > ruleVsProduct.r + 0.1, 'the learned live mouth is closer to the offline product than the rule-based jaw');
});

test('microphone frames put the mouth on the photo\'s own, as generate\'s audio frames do', () => {
  const f = new MicMotion({ seed: 1 }).frameAt(0.5, { weights: { jawOpen: 0.4, mouthSmileLeft: 0 }, speech: 1, energy: 0, loudnessDb: -20, time: 0.5 });
  assert.equal(f.w[MOUTH_ON_PHOTO], 1, 'marked: a smiling photo keeps its smile (rig/mouthBase.ts)');
  assert.equal(f.w.jawOpen, 0.4);
});

test('the live learned mouth is shut in silence and room noise, and opens with speech', async () => {
  const mouth = createLearnedLiveMouth(loadLipModel(LIP_CAUSAL_MODEL_FILE));
  // 2 s of digital silence, then 3 s of room noise (white, about -65 dBFS), then speech
  const silence = streamMouth(mouth, new Float32Array(32000));
  let seed = 1;
  const noise = new Float32Array(48000).map(() => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.002);
  const noisy = streamMouth(mouth, noise);
  const speech = streamMouth(mouth, await decodeAll(new URL('audio/eng.wav', DATA).pathname));
  const most = (frames: Record<string, number>[]) => Math.max(...frames.flatMap((w) => Object.values(w)));
  console.log(`largest mouth weight: silence ${most(silence)}, noise ${most(noisy)}, speech ${most(speech).toFixed(2)}`);
  assert.equal(most(silence), 0, 'closed in silence');
  assert.equal(most(noisy), 0, 'closed in room noise before anyone speaks');
  assert.ok(Math.max(...speech.map((w) => w.jawOpen!)) > 0.2, 'opens with speech');
  assert.throws(() => createLearnedLiveMouth(loadLipModel()), /causal/, 'the offline model looks too far ahead');
});

test('/live serves the page with wasm allowed, only the listed model files, and says why a photo cannot be used', { timeout: 300_000 }, async () => {
  const pageRes = await fetch(`${server.url}/live`);
  assert.equal(pageRes.status, 200);
  assert.match(pageRes.headers.get('content-security-policy') ?? '', /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal((await fetch(`${server.url}/live/models/faceres.json`)).status, 404, 'only the tracker\'s models');
  assert.equal((await fetch(`${server.url}/live/models/..%2F..%2Fpackage.json`)).status, 404);
  assert.equal((await fetch(`${server.url}/live/nothing.js`)).status, 404);
  // the learned causal lip model, as the page reads it
  const lipRes = await fetch(`${server.url}/live/lip-model.json`);
  assert.equal(lipRes.status, 200);
  const served = parseLipModel(await lipRes.text(), 'lip-model.json');
  const shipped = loadLipModel(LIP_CAUSAL_MODEL_FILE);
  if (served.tcn) {
    assert.ok(served.tcn.lookahead !== null && served.tcn.lookahead <= 1, 'the causal model (at most one 40 ms step ahead)');
    assert.deepEqual(Array.from(served.tcn.input.w.subarray(0, 50)), Array.from(shipped.tcn!.input.w.subarray(0, 50)));
  } else {
    assert.ok(Math.max(...served.offsets) <= 0, 'the causal model');
    assert.deepEqual(Array.from(served.layers[0]!.w.subarray(0, 50)), Array.from(shipped.layers[0]!.w.subarray(0, 50)));
  }
  const post = async (bytes: Uint8Array<ArrayBuffer>, name: string) => {
    const form = new FormData();
    form.append('photo', new Blob([bytes]), name);
    const res = await fetch(`${server.url}/live/avatar`, { method: 'POST', body: form });
    return { status: res.status, body: (await res.json()) as { error: string } };
  };
  const junk = await post(new TextEncoder().encode('not an image at all'), 'me.jpg');
  assert.equal(junk.status, 400, JSON.stringify(junk.body));
  const dog = await post(new Uint8Array(await readFile(new URL('portraits/lp_s25.jpg', DATA))), 'dog.jpg');
  assert.equal(dog.status, 422, JSON.stringify(dog.body));
  assert.match(dog.body.error, /face/i);
  assert.doesNotMatch(dog.body.error, new RegExp(tmp), 'no server paths in the message');
});

/** Every `everyMs` for `forMs`, the canvas's mouth box: mean absolute difference from `reference` (same box). */
async function sampleMouth(p: Page, reference: number[], forMs: number, everyMs: number): Promise<{ t: number[]; v: number[] }> {
  return p.evaluate(
    async ({ reference, forMs, everyMs }) => {
      const live = (window as any).__live;
      const [x0, y0, x1, y1] = live.mouthBox as number[];
      const c = document.getElementById('live-canvas') as HTMLCanvasElement;
      const g = c.getContext('2d')!;
      const t: number[] = [], v: number[] = [];
      const end = performance.now() + forMs;
      while (performance.now() < end) {
        const d = g.getImageData(x0!, y0!, x1! - x0!, y1! - y0!).data;
        let s = 0;
        for (let i = 0; i < d.length; i += 4) s += Math.abs(d[i]! - reference[i]!) + Math.abs(d[i + 1]! - reference[i + 1]!) + Math.abs(d[i + 2]! - reference[i + 2]!);
        t.push(performance.now());
        v.push(s / (d.length / 4) / 3);
        await new Promise((r) => setTimeout(r, everyMs));
      }
      return { t, v };
    },
    { reference, forMs, everyMs },
  );
}

test('the live page: a photo becomes an avatar, the fake microphone moves the mouth, the recording has sound', { timeout: 600_000, skip: NO_BROWSER }, async () => {
  ({ page, consoleErrors } = await openLivePage(context!, server.url, { photo: PHOTO }));
  assert.equal(await page.evaluate(() => (window as any).__live.ready), true, `avatar not ready: ${await page.textContent('#avatar-status')}`);
  assert.match((await page.textContent('#avatar-status')) ?? '', /^Avatar ready/);
  // the page offers the avatar the server built: keep it for the webcam test
  const avatarBase64 = await page.evaluate(async () => {
    const bytes = new Uint8Array(await (await fetch((document.getElementById('save-avatar') as HTMLAnchorElement).href)).arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  });
  savedAvatar = path.join(tmp, 'portrait.avatar');
  await writeFile(savedAvatar, Buffer.from(avatarBase64, 'base64'));
  // the closed mouth before any sound: the reference picture of the mouth box
  await page.waitForTimeout(300);
  const reference = await page.evaluate(() => {
    const [x0, y0, x1, y1] = (window as any).__live.mouthBox as number[];
    const g = (document.getElementById('live-canvas') as HTMLCanvasElement).getContext('2d')!;
    return Array.from(g.getImageData(x0!, y0!, x1! - x0!, y1! - y0!).data);
  });
  // a still head, so only the mouth changes the mouth box
  await page.selectOption('#head', 'static');
  await page.click('#mic-btn');
  await page.waitForFunction(() => (window as any).__live.audio.length > 100, null, { timeout: 60_000 });
  const mouthPixels = await sampleMouth(page, reference, 7000, 30);
  const audio = await page.evaluate(() => (window as any).__live.audio.map((a: { t: number; loudnessDb: number; jaw: number }) => [a.t, a.loudnessDb, a.jaw]) as [number, number, number][]);
  // loudness in dB (floor -60), averaged over the last 30 ms (3 worklet messages)
  const db = audio.map((a) => Math.max(-60, a[1]));
  const loud = { t: audio.map((a) => a[0]), v: db.map((_, i) => (db[i]! + db[Math.max(0, i - 1)]! + db[Math.max(0, i - 2)]!) / 3) };
  const jaw = { t: audio.map((a) => a[0]), v: audio.map((a) => a[2]) };
  // Two links, each against a time-reversed control (same smoothness and spread, no alignment):
  // the learned mouth the audio thread computes follows the microphone (it models real mouths, so
  // it follows the loudness less than the older F1-energy jaw: r 0.48 against 0.68 in node on
  // this speech), and the canvas's mouth box follows that mouth.
  const heard = bestLag(loud, jaw, 200, 10);
  const heardControl = bestLag(loud, { t: jaw.t, v: [...jaw.v].reverse() }, 200, 10);
  const shown = bestLag(jaw, mouthPixels, 300, 10);
  const shownControl = bestLag(jaw, { t: mouthPixels.t, v: [...mouthPixels.v].reverse() }, 300, 10);
  const endToEnd = bestLag(loud, mouthPixels, 400, 10);
  const range = Math.max(...mouthPixels.v) - Math.min(...mouthPixels.v);
  console.log(`worklet jawOpen vs the fake speech's loudness: r ${heard.r.toFixed(2)} at ${heard.lag} ms (reversed ${heardControl.r.toFixed(2)}); ` +
    `mouth-box pixels vs the worklet jawOpen: r ${shown.r.toFixed(2)} at ${shown.lag} ms (reversed ${shownControl.r.toFixed(2)}); ` +
    `pixels vs loudness r ${endToEnd.r.toFixed(2)} at ${endToEnd.lag} ms; ${mouthPixels.t.length} canvas samples, mouth-box change range ${range.toFixed(1)} levels`);
  assert.ok(range > 5, `the mouth box barely changes (${range})`);
  // the worklet runs the same mouth as node: the fake microphone loops its 8 s WAV, and the worklet
  // posts after each 128-sample block that completed hops (LogMelStream analyses them in pairs, so
  // every 20 ms), so the page's messages line up with node's of the looped file at the offset
  // where their loudness agrees best
  const wav = await decodeAll(media.wav);
  const nodeMouth = createLearnedLiveMouth(loadLipModel(LIP_CAUSAL_MODEL_FILE));
  const nodeDb: number[] = [], nodeJaw: number[] = [];
  for (let loop = 0; loop < 3; loop++) for (let o = 0; o < wav.length; o += 128) {
    if (nodeMouth.push(wav.subarray(o, o + 128)) > 0) { nodeDb.push(Math.max(-60, nodeMouth.state.loudnessDb)); nodeJaw.push(nodeMouth.state.weights.jawOpen!); }
  }
  // aligned in three windows of 100 messages each (2 s): a loaded machine drops audio blocks now and
  // then (the page's stream then skips or bunches messages), which broke one alignment over all 300
  // (CI runs beside renders: loudness r .68-.79)
  const loop = Math.round(nodeDb.length / 3);
  const windows = [-300, -200, -100].map((from) => {
    const pageDb = db.slice(from, from + 100 || undefined), pageJaw = audio.slice(from, from + 100 || undefined).map((a) => a[2]);
    let best = { offset: 0, r: -Infinity };
    for (let offset = loop; offset + pageDb.length <= nodeDb.length && offset < 2 * loop; offset++) {
      const r = correlation(pageDb, nodeDb.slice(offset, offset + pageDb.length));
      if (r > best.r) best = { offset, r };
    }
    return { ...best, sameMouth: correlation(pageJaw, nodeJaw.slice(best.offset, best.offset + pageJaw.length)) };
  });
  // the best-aligned window speaks for the page (under load the others can hold a dropout)
  const best = windows.reduce((a, b) => (b.r > a.r ? b : a));
  console.log(`the page's last 300 messages in 3 windows line up with node's at messages ${windows.map((w) => w.offset - loop).join(', ')} of the loop (loudness r ${windows.map((w) => w.r.toFixed(3)).join(', ')}); jawOpen page vs node r ${windows.map((w) => w.sameMouth.toFixed(3)).join(', ')}`);
  assert.ok(best.r > 0.9, `the page heard the fake microphone's speech: loudness r ${best.r} (best of 3 windows)`);
  assert.ok(best.sameMouth > 0.8, `the worklet computes the node mouth: jawOpen r ${best.sameMouth} (in the best-aligned window)`);
  // (a weak link by nature, r ~0.4 against ~0.15 reversed over 4 runs; the check above is the strong one)
  assert.ok(heard.r > 0.3 && heard.r > heardControl.r + 0.1, `the worklet's mouth follows the loudness: r = ${heard.r} (control ${heardControl.r})`);
  assert.ok(shown.r > 0.5 && shown.r > shownControl.r + 0.3, `the canvas mouth follows the worklet's mouth: r = ${shown.r} (control ${shownControl.r})`);

  // record 2.5 s: a webm with a video and an audio stream
  await page.click('#record-btn');
  await page.waitForTimeout(2500);
  await page.click('#record-btn');
  await page.waitForFunction(() => /^Recorded/.test(document.getElementById('record-status')!.textContent ?? ''));
  const webmBase64 = await page.evaluate(async () => {
    const blob = (window as any).__live.recording as Blob;
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  });
  const webm = path.join(tmp, 'recording.webm');
  await writeFile(webm, Buffer.from(webmBase64, 'base64'));
  const info = await probeVideo(webm);
  console.log(`recording: ${JSON.stringify(info)}`);
  assert.equal(info.width, 512, 'the canvas is recorded');
  assert.ok(info.hasAudio, `sound in the recording: ${JSON.stringify(info)}`);
  assert.match((await page.textContent('#record-status')) ?? '', /with sound/);

  // background options: a colour fills the corners, transparent leaves them empty
  await page.selectOption('#bg', 'colour');
  await page.fill('#bg-colour', '#ff0000');
  await page.dispatchEvent('#bg-colour', 'input');
  await page.waitForTimeout(500);
  const corner = () => page.evaluate(() => Array.from((document.getElementById('live-canvas') as HTMLCanvasElement).getContext('2d')!.getImageData(2, 2, 1, 1).data));
  assert.deepEqual(await corner(), [255, 0, 0, 255]);
  await page.selectOption('#bg', 'transparent');
  await page.waitForTimeout(500);
  assert.equal((await corner())[3], 0, 'transparent corner');
  await page.selectOption('#bg', 'plate');
  await page.click('#stop-btn');
  assert.deepEqual(consoleErrors, []);
  await page.screenshot({ path: path.join(tmp, 'live-mic.png') });
});

const MAX_FOLLOW_LAG_MS = 1500;

test('the live page: the fake webcam drives the head, measured in the canvas pictures', { timeout: 600_000, skip: NO_BROWSER }, async () => {
  assert.ok(page && savedAvatar, 'the microphone test opened the page and saved the avatar');
  // a saved .avatar loads without the server
  await page.evaluate(() => { (window as any).__live.ready = false; });
  await page.setInputFiles('#avatar-file', savedAvatar);
  await page.waitForFunction(() => (window as any).__live.ready === true, null, { timeout: 60_000 });
  assert.match((await page.textContent('#avatar-status')) ?? '', /^Avatar ready/);
  await page.click('#cam-btn');
  // the rest face is measured over the first frames, then the avatar moves
  await page.waitForFunction(() => (window as any).__live.frames.slice(-5).some((f: { yaw: number; roll: number }) => f.yaw !== 0 || f.roll !== 0), null, { timeout: 120_000, polling: 200 });
  const snaps = await page.evaluate(async () => {
    const c = document.getElementById('live-canvas') as HTMLCanvasElement;
    const g = c.getContext('2d')!;
    const live = (window as any).__live;
    const pics: ImageData[] = [], t: number[] = [];
    const end = performance.now() + 8000;
    while (performance.now() < end) {
      pics.push(g.getImageData(0, 0, c.width, c.height));
      t.push(performance.now());
      await new Promise((r) => setTimeout(r, 160));
    }
    document.getElementById('stop-btn')!.click();
    const heads = await live.measureHeads(pics);
    const driver = live.track.filter((d: { found: boolean }) => d.found);
    return { t, heads, driver: driver.map((d: { t: number; yaw: number; roll: number; pitch: number }) => [d.t, d.yaw, d.pitch, d.roll]) };
  });
  const found = snaps.heads.map((h: unknown, i: number) => (h ? i : -1)).filter((i: number) => i >= 0);
  assert.ok(found.length > snaps.t.length * 0.8, `a face in the canvas pictures: ${found.length} of ${snaps.t.length}`);
  const driver = (k: number) => ({ t: snaps.driver.map((d: number[]) => d[0]!), v: snaps.driver.map((d: number[]) => d[k]!) });
  const avatar = (key: 'yaw' | 'pitch' | 'roll') => ({ t: found.map((i: number) => snaps.t[i]!), v: found.map((i: number) => snaps.heads[i]![key] as number) });
  // the lag searched up to 1.5 s: on a loaded machine (CI beside other work, load 20+) the page's worker falls
  // further behind the webcam than 0.6 s and the head, followed late, read r .40-.59 (sessions 53-54); what is
  // asserted is that the head follows, not how fast (speed is bench/'s)
  const yaw = bestLag(driver(1), avatar('yaw'), MAX_FOLLOW_LAG_MS, 20);
  const pitch = bestLag(driver(2), avatar('pitch'), MAX_FOLLOW_LAG_MS, 20);
  const roll = bestLag(driver(3), avatar('roll'), MAX_FOLLOW_LAG_MS, 20);
  const spread = (v: number[]) => Math.max(...v) - Math.min(...v);
  console.log(`avatar head (tracked in the canvas) vs webcam head: yaw r ${yaw.r.toFixed(2)} (lag ${yaw.lag} ms), pitch r ${pitch.r.toFixed(2)} (lag ${pitch.lag} ms), roll r ${roll.r.toFixed(2)} (lag ${roll.lag} ms); webcam yaw range ${spread(driver(1).v).toFixed(1)} deg, avatar yaw range ${spread(avatar('yaw').v).toFixed(1)} deg`);
  assert.ok(yaw.r > 0.6, `yaw follows: r = ${yaw.r}`);
  assert.ok(Math.max(pitch.r, roll.r) > 0.4, `pitch or roll follows: ${pitch.r}, ${roll.r}`);
  assert.deepEqual(consoleErrors, []);
});

// s52 livegrain52: the page's render worker draws with every renderer default (the grain partners' mirror map is a shipped
// table, rig/faceMirror.ts, where before it was read from the Human package, so the worker drew without them): a turned
// frame drawn by a fresh render worker in Chromium is node's frame of the same avatar file, byte for byte.
test('the live page\'s render worker draws a turned frame as node\'s renderer does (grain partners on)', { timeout: 300_000, skip: NO_BROWSER }, async () => {
  assert.ok(page && savedAvatar, 'the microphone test opened the page and saved the avatar');
  const size = 512, bytes = await readFile(savedAvatar);
  const drawn = await page.evaluate(async ({ avatar, size }) => {
    // (no named functions in here: the test's transpiler wraps them in a helper the page does not have)
    const worker = new Worker('/live/render-worker.js', { type: 'module' });
    const replies: any[] = [];
    worker.onmessage = (e) => { replies.push(e.data); };
    const raw = Uint8Array.from(atob(avatar), (c) => c.charCodeAt(0));
    worker.postMessage({ type: 'avatar', bytes: raw.buffer, size, background: { kind: 'plate' } }, [raw.buffer]);
    while (replies.length < 1) await new Promise((r) => setTimeout(r, 20));
    const ready = replies[0];
    if (ready.type !== 'ready') throw new Error(`render worker: ${ready.message}`);
    const frame = { ...ready.neutral, pose: { ...ready.neutral.pose, yaw: 25 } };
    worker.postMessage({ type: 'frame', id: 1, frame });
    while (replies.length < 2) await new Promise((r) => setTimeout(r, 20));
    const got = replies[1];
    worker.terminate();
    if (got.type !== 'frame') throw new Error(`render worker: ${got.message}`);
    const g = new OffscreenCanvas(size, size).getContext('2d')!;
    g.drawImage(got.bitmap, 0, 0);
    const data = g.getImageData(0, 0, size, size).data;
    let s = '';
    for (let i = 0; i < data.length; i += 0x8000) s += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return { rgba: btoa(s), frame };
  }, { avatar: bytes.toString('base64'), size });
  const live = Buffer.from(drawn.rgba, 'base64');
  const avatar = decodeAvatar(bytes);
  const node = (o: { grainPartners?: boolean } = {}) => Buffer.from(createRenderer(avatar, { width: size, height: size, ...o }).render(drawn.frame).data);
  const ours = node(), without = node({ grainPartners: false });
  const differ = (a: Buffer, b: Buffer) => { let n = 0, most = 0; for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) { n++; most = Math.max(most, Math.abs(a[i]! - b[i]!)); } return { n, most }; };
  const vsNode = differ(live, ours), vsWithout = differ(live, without);
  console.log(`the worker's +25 frame against node's: ${vsNode.n} bytes differ (largest ${vsNode.most}); against node's without grain partners: ${vsWithout.n} (largest ${vsWithout.most})`);
  assert.equal(vsNode.n, 0, 'the browser draws node\'s frame');
  // (lp_s42 +25 at 512: ~1200 bytes, at most 14 levels; at 256 only ~12: the partners' trust wants their texels near a pixel)
  assert.ok(vsWithout.n > 200, 'with the grain partners (the far cheek under the eye)');
  assert.deepEqual(consoleErrors, []);
});

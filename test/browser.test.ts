// End to end in a real browser: Debian's chromium driven by playwright-core opens the page of
// `real3d serve`, uploads a photo and a short audio, presses Generate and waits until the result
// video plays. The job runs the REAL generate pipeline. Takes a screenshot of the page: into the
// test's temp folder, or over docs/serve/screenshot.png with REAL3D_UPDATE_DOCS=1 (so a plain test
// run leaves the checkout clean).
// Chromium is not part of `npm install`: without it the test is skipped with one line saying how to
// enable it, except under CI (CI=true), where a missing browser is a failure.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { startServer, type RunningServer } from '../src/server/app.ts';
import { httpFetch as fetch } from '../src/server/testing.ts';
import { cutSpeech } from './speechClip.ts';
import { SHARED_DATA_URL } from '../bench/sharedData.ts';

const DATA = SHARED_DATA_URL;
const PHOTO = new URL('portraits/lp_s42.jpg', DATA).pathname;
const DOCS_SCREENSHOT = new URL('../docs/serve/screenshot.png', import.meta.url).pathname;
const CHROMIUM = process.env.REAL3D_CHROMIUM || '/usr/bin/chromium';
const IN_CI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
const SKIP = !existsSync(CHROMIUM) && !IN_CI ? `no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set REAL3D_CHROMIUM=/path/to/chromium; with CI=true this test is required` : false;

let tmp: string;
let server: RunningServer;
let context: BrowserContext | undefined;
let shortAudio: string;

before(async () => {
  if (SKIP) return;
  assert.ok(existsSync(CHROMIUM), `chromium is missing at ${CHROMIUM} and CI=true requires it: apt-get install -y chromium (.ci/run does it) or set REAL3D_CHROMIUM`);
  tmp = await mkdtemp(path.join(tmpdir(), 'real3d-browser-test-'));
  shortAudio = cutSpeech(path.join(tmp, 'speech-2s.wav'), 2, 0.5);
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: path.join(tmp, 'data'), workers: 1, ttlHours: 0 });
});

after(async () => {
  await context?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test('the web page makes a talking portrait from a photo and an audio and plays it', { timeout: 240_000, skip: SKIP }, async () => {
  context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
    viewport: { width: 430, height: 900 }, // a phone-sized screen
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const rangeReplies: number[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/result')) rangeReplies.push(r.status());
  });

  await page.goto(server.url);
  assert.equal(await page.title(), 'real3d: talking portrait');
  // the option fields take their defaults and ranges from the server's /openapi.json (one declaration)
  await page.waitForFunction(() => (document.getElementById('mouthAmp-out')!.textContent ?? '') !== '', null, { timeout: 10_000 });
  const fields = await page.evaluate(() => Object.fromEntries(['mouthAmp', 'size', 'fps', 'temperature', 'seed', 'blink'].map((id) => [id, (document.getElementById(id) as HTMLInputElement).value])));
  const job = (await (await fetch(`${server.url}/openapi.json`)).json()) as any;
  const defaults = job.components.schemas.JobRequest.properties;
  for (const [id, value] of Object.entries(fields)) assert.equal(value, String(defaults[id].default), `the page's ${id} is the API's default`);
  assert.equal(await page.getAttribute('#fps', 'max'), String(defaults.fps.maximum));

  // photo: the preview draws the face found by the server
  await page.setInputFiles('#photo', PHOTO);
  await page.waitForFunction(() => /face.* found|No face|failed/i.test(document.getElementById('photo-status')!.textContent ?? ''), null, { timeout: 60_000 });
  assert.match((await page.textContent('#photo-status')) ?? '', /^1 face found/);
  // the canvas shows the photo with the face box drawn in blue
  const boxPixels = await page.evaluate(() => {
    const c = document.getElementById('photo-canvas') as HTMLCanvasElement;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let blue = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 2]! > 200 && d[i]! < 100 && d[i + 1]! > 100 && d[i + 1]! < 170) blue++;
    return { blue, width: c.width };
  });
  assert.ok(boxPixels.blue > 200, `face box drawn (${boxPixels.blue} blue pixels)`);

  await page.setInputFiles('#audio', shortAudio);
  await page.selectOption('#pose', 'auto');
  await page.click('#generate-btn');

  // progress appears, then the result plays
  await page.waitForSelector('#progress-card:not([hidden])');
  await page.waitForFunction(
    () => {
      const v = document.getElementById('result-video') as HTMLVideoElement;
      const err = document.getElementById('error')!;
      return (!err.hidden && err.textContent) || (v.readyState >= 2 && !v.paused && v.currentTime > 0.2);
    },
    null,
    { timeout: 200_000, polling: 200 },
  );
  const errorText = await page.evaluate(() => {
    const err = document.getElementById('error')!;
    return err.hidden ? '' : err.textContent;
  });
  assert.equal(errorText, '', `the page shows an error: ${errorText}`);
  const video = await page.evaluate(() => {
    const v = document.getElementById('result-video') as HTMLVideoElement;
    return { duration: v.duration, width: v.videoWidth, height: v.videoHeight, currentTime: v.currentTime, error: v.error?.message ?? null };
  });
  assert.equal(video.error, null);
  assert.ok(Math.abs(video.duration - 2) < 0.25, `video lasts the audio's 2 s (got ${video.duration})`);
  assert.equal(video.width, 512);
  assert.equal(video.height, 512);
  assert.ok(rangeReplies.includes(206) || rangeReplies.includes(200), `result fetched (${rangeReplies})`);
  const href = await page.getAttribute('#download-link', 'href');
  assert.match(href ?? '', /^\/api\/jobs\/[A-Za-z0-9_-]{22}\/result\?download=1$/);
  assert.match((await page.textContent('#progress-text')) ?? '', /^Done: 50 frames/);
  assert.deepEqual(pageErrors, []);

  const screenshot = process.env.REAL3D_UPDATE_DOCS === '1' ? DOCS_SCREENSHOT : path.join(tmp, 'screenshot.png');
  await mkdir(path.dirname(screenshot), { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshot, fullPage: true });
  assert.ok(existsSync(screenshot));

  // microphone path (chromium's fake microphone): record, submit, the server accepts the
  // browser's recording as audio; then the Cancel button stops the job and removes it
  await page.check('input[name=driver][value=record]');
  await page.click('#record-btn');
  await page.waitForFunction(() => /Recording/.test(document.getElementById('record-status')!.textContent ?? ''));
  await page.waitForTimeout(1500);
  await page.click('#record-btn');
  await page.waitForFunction(() => /^Recorded \d/.test(document.getElementById('record-status')!.textContent ?? ''));
  await page.click('#generate-btn');
  const firstJobId = href!.split('/')[3]!;
  // the page puts the new job's id in its address once the server accepted the upload
  await page.waitForFunction((first) => location.search.startsWith('?job=') && !location.search.includes(first), firstJobId, { timeout: 30_000 });
  const recordedJobId = await page.evaluate(() => new URLSearchParams(location.search).get('job')!);
  const accepted = (await (await fetch(`${server.url}/api/jobs/${recordedJobId}`)).json()) as Record<string, any>;
  assert.ok(accepted.inputs.audio.duration > 1 && accepted.inputs.audio.duration < 3, `recording decoded by the server: ${JSON.stringify(accepted.inputs.audio)}`);
  await page.click('#cancel-btn');
  await page.waitForFunction(() => document.getElementById('progress-text')!.textContent === 'Cancelled.');
  assert.equal((await fetch(`${server.url}/api/jobs/${recordedJobId}`)).status, 404, 'the cancelled job is gone');
  assert.deepEqual(pageErrors, []);
});

// Driving the live page in headless Chromium with fake devices, for test/live.test.ts and
// bench/live.ts: Chromium's fake microphone plays a speech WAV and its fake webcam a Y4M clip, both
// made from the shared test media with the bundled ffmpeg.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ffmpegPath } from '../io/ffmpeg.ts';

export const CHROMIUM = process.env.REAL3D_CHROMIUM ?? '/usr/bin/chromium';

export interface FakeMedia {
  /** 16 kHz mono speech WAV (Chromium loops it) */
  wav: string;
  /** small Y4M of a face talking to the camera (looped) */
  y4m: string;
}

function ffmpeg(args: string[]): void {
  const r = spawnSync(ffmpegPath(), ['-v', 'error', '-y', ...args]);
  if (r.status !== 0) throw new Error(`ffmpeg failed: ${String(r.stderr)}`);
}

/** Makes the fake devices' media in `dir` from the shared speech and talking-head clips. */
export function makeFakeMedia(dir: string, speech: string, talkingVideo: string, seconds = { audio: 8, video: 4 }): FakeMedia {
  const wav = path.join(dir, 'speech.wav');
  const y4m = path.join(dir, 'talking.y4m');
  ffmpeg(['-i', speech, '-t', String(seconds.audio), '-ac', '1', '-ar', '16000', '-c:a', 'pcm_s16le', wav]);
  ffmpeg(['-i', talkingVideo, '-t', String(seconds.video), '-an', '-vf', 'scale=320:320,fps=25', '-pix_fmt', 'yuv420p', y4m]);
  return { wav, y4m };
}

/** Chromium with fake devices (the same flags as test/browser.test.ts, plus the media files). */
export async function launchLiveBrowser(profileDir: string, media: FakeMedia): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--autoplay-policy=no-user-gesture-required', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${media.wav}`, `--use-file-for-fake-video-capture=${media.y4m}`,
    ],
    viewport: { width: 900, height: 1200 },
  });
}

/** Opens /live, loads the avatar (a photo the server builds, or a saved .avatar), waits until it is drawn. */
export async function openLivePage(context: BrowserContext, baseUrl: string, who: { photo?: string; avatar?: string }, query = ''): Promise<{ page: Page; consoleErrors: string[] }> {
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto(`${baseUrl}/live${query}`);
  if (who.avatar) await page.setInputFiles('#avatar-file', who.avatar);
  else await page.setInputFiles('#photo', who.photo!);
  await page.waitForFunction(() => (window as any).__live?.ready === true || (window as any).__live?.errors.length > 0 || /could not|cannot|failed/i.test(document.getElementById('avatar-status')!.textContent ?? ''), null, { timeout: 300_000, polling: 250 });
  return { page, consoleErrors };
}

/** Pearson correlation of two equal-length series. */
export function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) { ma += a[i]!; mb += b[i]!; }
  ma /= n; mb /= n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma, db = b[i]! - mb;
    sab += da * db; saa += da * da; sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/** Value of a time series (t ascending, ms) at time t, linearly interpolated; NaN outside. */
export function sampleAt(ts: ArrayLike<number>, vs: ArrayLike<number>, t: number): number {
  if (!ts.length || t < ts[0]! || t > ts[ts.length - 1]!) return NaN;
  let lo = 0, hi = ts.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ts[mid]! <= t) lo = mid; else hi = mid;
  }
  const span = ts[hi]! - ts[lo]!;
  const k = span > 0 ? (t - ts[lo]!) / span : 0;
  return vs[lo]! + k * (vs[hi]! - vs[lo]!);
}

/**
 * The lag (ms, 0..maxLag in steps) at which `follower` best follows `leader`: the correlation of
 * leader(t) with follower(t + lag) over the follower's sample times. Both are (t ms, value) series.
 */
export function bestLag(leader: { t: number[]; v: number[] }, follower: { t: number[]; v: number[] }, maxLag: number, step = 5): { lag: number; r: number } {
  let best = { lag: 0, r: -Infinity };
  for (let lag = 0; lag <= maxLag; lag += step) {
    const a: number[] = [], b: number[] = [];
    for (let i = 0; i < follower.t.length; i++) {
      const x = sampleAt(leader.t, leader.v, follower.t[i]! - lag);
      if (Number.isFinite(x)) { a.push(x); b.push(follower.v[i]!); }
    }
    if (a.length < 10) continue;
    const r = correlation(a, b);
    if (r > best.r) best = { lag, r };
  }
  return best;
}

// Helpers for tests and benchmarks of the server: a fake job runner that behaves like generate()
// (progress, cancellation, a real small mp4 written atomically) and HTTP client helpers.
import { spawn } from 'node:child_process';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ffmpegPath } from '../io/ffmpeg.ts';
import type { GenerateInput, JobControl } from '../config.ts';
import { CancelledError } from '../errors.ts';
import type { JobRunner, RunResult } from './queue.ts';

/**
 * An 8-bit RGB PNG whose header says width x height, around the given IDAT bytes: size checks read
 * only the header, so a tiny stub stands in for a decompression "bomb" (and a real bomb is the
 * same with its rows deflated).
 */
export function pngWithHeader(width: number, height: number, idat: Buffer): Buffer {
  // zlib.crc32 needs Node 20.15; engines allow 20.9
  const crc32 = (b: Buffer) => {
    let c = 0xffffffff;
    for (const byte of b) {
      c ^= byte;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

// The face runtime replaces globalThis.fetch with one that refuses http URLs (models are never
// downloaded); test clients in the same process keep the original.
const httpFetch = globalThis.fetch;

export interface FakeRunnerOptions {
  /** frames "rendered", one progress event each */
  frames?: number;
  /** wait per frame, ms */
  frameMs?: number;
  /** throw this error instead of producing a video */
  fail?: (input: GenerateInput) => Error | undefined;
}

export interface FakeRunner extends JobRunner {
  calls: GenerateInput[];
  aborted: number;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError());
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new CancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Writes a real 1 s grey 64x64 mp4 (or webm) with ffmpeg. */
export function writeTinyVideo(file: string, signal?: AbortSignal): Promise<void> {
  const webm = file.endsWith('.webm');
  const args = ['-v', 'error', '-nostdin', '-y', '-f', 'lavfi', '-i', 'color=c=gray:s=64x64:d=1:r=25'];
  args.push(...(webm ? ['-c:v', 'libvpx-vp9', '-f', 'webm'] : ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-f', 'mp4']), file);
  return new Promise((resolve, reject) => {
    const p = spawn(ffmpegPath(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    const onAbort = () => p.kill('SIGKILL');
    signal?.addEventListener('abort', onAbort, { once: true });
    p.on('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) reject(new CancelledError());
      else if (code === 0) resolve();
      else reject(new Error(`ffmpeg failed: ${err.trim()}`));
    });
  });
}

/** A stand-in for generate(): progress per frame, honours the abort signal, writes a real mp4. */
export function fakeRunner(opts: FakeRunnerOptions = {}): FakeRunner {
  const frames = opts.frames ?? 5;
  const frameMs = opts.frameMs ?? 10;
  const runner = (async (input: GenerateInput, control: JobControl = {}): Promise<RunResult> => {
    runner.calls.push(input);
    const { signal, onProgress } = control;
    try {
      const failure = opts.fail?.(input);
      onProgress?.({ stage: 'analyze', done: 0, total: 1 });
      if (failure) throw failure;
      onProgress?.({ stage: 'avatar', done: 1, total: 1 });
      for (let i = 0; i < frames; i++) {
        await sleep(frameMs, signal);
        onProgress?.({ stage: 'render', done: i + 1, total: frames, fps: 1000 / frameMs, eta: ((frames - i - 1) * frameMs) / 1000 });
      }
      const tmp = path.join(path.dirname(input.output), `.tmp-${path.basename(input.output)}`);
      try {
        await writeTinyVideo(tmp, signal);
        await rename(tmp, input.output);
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
      onProgress?.({ stage: 'done', done: frames, total: frames });
      return { output: input.output, frames: 25, duration: 1 };
    } catch (err) {
      if (signal?.aborted) runner.aborted++;
      throw err;
    }
  }) as FakeRunner;
  runner.calls = [];
  runner.aborted = 0;
  return runner;
}

export interface SseEvent {
  event: string;
  data: string;
}

/** Reads server-sent events from a URL until `until` returns true or the stream ends. */
export async function readEvents(url: string, until: (e: SseEvent) => boolean, timeoutMs = 60000): Promise<SseEvent[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const events: SseEvent[] = [];
  try {
    const res = await httpFetch(url, { signal: controller.signal, headers: { accept: 'text/event-stream' } });
    if (!res.ok || !res.body) throw new Error(`events: HTTP ${res.status}`);
    const decoder = new TextDecoder();
    let buf = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buf += decoder.decode(chunk, { stream: true });
      let cut: number;
      while ((cut = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, cut);
        buf = buf.slice(cut + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event: ')) event = line.slice(7);
          else if (line.startsWith('data: ')) data.push(line.slice(6));
        }
        if (!data.length) continue;
        const e = { event, data: data.join('\n') };
        events.push(e);
        if (until(e)) {
          controller.abort();
          return events;
        }
      }
    }
    return events;
  } catch (err) {
    if (controller.signal.aborted && events.length) return events;
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/** Polls GET /api/jobs/:id until the job is in one of `states`. */
export async function waitForState(base: string, id: string, states: string[], timeoutMs = 60000): Promise<Record<string, any>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await httpFetch(`${base}/api/jobs/${id}`);
    const job = (await res.json()) as Record<string, any>;
    if (states.includes(job.state)) return job;
    if (Date.now() > until) throw new Error(`job ${id} still ${job.state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export { httpFetch };

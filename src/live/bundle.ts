// The live page's scripts: the project's own TypeScript modules (renderer, rig, avatar decoding,
// audio features, mouth and motion code) bundled for the browser with esbuild when the server first
// serves /live, so the page runs exactly the code `generate` runs. Nothing is copied or forked.
// A few modules only make sense in node (they read files or load the node face runtime); the
// browser never calls them, so they are replaced by stubs that throw if called.
import { build, type Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** The sources' extension: .ts in a checkout (run through tsx), .js in the installed package's dist/. */
const EXT = import.meta.url.endsWith('.js') ? '.js' : '.ts';

/** Bundled entry points, by the URL name they are served under. */
const ENTRIES: Record<string, string> = {
  'main.js': `./page/main${EXT}`,
  'render-worker.js': `./page/renderWorker${EXT}`,
  'audio-worklet.js': `./page/audioWorklet${EXT}`,
  'face-worker.js': `./page/faceWorker${EXT}`,
};

/** Project modules replaced in the browser (path below src/ or dist/, no extension): their node-only exports as stubs. */
const NODE_ONLY_MODULES: Record<string, string> = {
  // topology.ts imports packageDir to read Human's triangulation (only the avatar builder calls it)
  'face/runtime': 'export const packageDir = () => { throw new Error("packageDir is node-only"); }; export const MODELS_DIR = "";',
};

/**
 * node: builtins as CommonJS stubs. Modules the page imports for their pure functions also run a
 * little node setup when loaded (e.g. `createRequire(import.meta.url)`), so the stub must survive
 * that: any property or call gives the stub again, iteration is empty. The page never uses the
 * results. (esbuild copies a CommonJS module's own properties into the namespace it imports from,
 * and takes the module's prototype for the rest: the stub is its own prototype, so every name resolves.)
 */
const NODE_STUB = `const stub = new Proxy(function () {}, {
  get: (_t, k) => (k === Symbol.iterator ? function* () {} : k === Symbol.toPrimitive ? () => '' : k === '__esModule' ? false : stub),
  getPrototypeOf: () => stub,
  apply: () => stub,
  construct: () => stub,
});
module.exports = stub;`;

/** The stubs above as an esbuild plugin (exported: test/faceMirror.test.ts bundles the render path as the page does and compares its frames with node's). */
export const browserStubs: Plugin = {
  name: 'real3d-browser-stubs',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: 'node-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'node-stub' }, () => ({ contents: NODE_STUB, loader: 'js' }));
    b.onLoad({ filter: /\.(ts|js)$/ }, (args) => {
      const rel = Object.keys(NODE_ONLY_MODULES).find((m) => args.path.endsWith(`/src/${m}.ts`) || args.path.endsWith(`/dist/${m}.js`));
      return rel ? { contents: NODE_ONLY_MODULES[rel], loader: 'js' } : undefined;
    });
  },
};

/** The page's esbuild settings (liveScripts; the test's bundle uses the same). */
export const BROWSER_BUILD = { bundle: true, write: false, format: 'esm', platform: 'browser', target: 'es2022', minify: false, sourcemap: false, logLevel: 'silent', plugins: [browserStubs] } as const;

let built: Promise<Map<string, string>> | null = null;

/** The bundled scripts by file name (built once per process, about a second). */
export function liveScripts(): Promise<Map<string, string>> {
  built ??= (async () => {
    const here = new URL('./', import.meta.url);
    const result = await build({
      entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, src]) => [name.replace(/\.js$/, ''), fileURLToPath(new URL(src, here))])),
      ...BROWSER_BUILD,
      plugins: [...BROWSER_BUILD.plugins],
      outdir: '/live',
    });
    const out = new Map<string, string>();
    for (const f of result.outputFiles) out.set(f.path.split('/').pop()!, f.text);
    return out;
  })();
  built.catch(() => { built = null; });
  return built;
}

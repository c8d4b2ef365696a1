// rig/faceMirror.ts: the face mesh's mirror map shipped as a table, so the browser's render worker draws the
// far side's grain partners (render/stretchGrain.ts grainPartnerUv) as generate does (s52 livegrain52; before,
// the worker passed grainPartners false because the map was derived from the installed Human package).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { FACE_MIRROR, mirrorFromUv } from '../src/rig/faceMirror.ts';
import { faceTopology, LANDMARK_COUNT, MESH_POINT_COUNT } from '../src/rig/topology.ts';
import { BROWSER_BUILD } from '../src/live/bundle.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { encodeAvatar } from '../src/avatar/file.ts';
import { createRenderer, type Renderer, type RendererOptions } from '../src/render/renderer.ts';
import type { Avatar } from '../src/avatar/types.ts';
import type { MotionFrame } from '../src/types.ts';
import { sharedData } from '../bench/sharedData.ts';

test('the shipped mirror table is the installed Human UV map\'s mirror, a pairing of the 478 points', () => {
  const fromPackage = mirrorFromUv(faceTopology().uv, MESH_POINT_COUNT);
  assert.deepEqual(Array.from(FACE_MIRROR), Array.from(fromPackage),
    `the package's UV map changed: write this into src/rig/faceMirror.ts FACE_MIRROR_TABLE:\n${JSON.stringify(Array.from(fromPackage))}`);
  assert.equal(FACE_MIRROR.length, LANDMARK_COUNT);
  assert.equal(faceTopology().mirror, FACE_MIRROR, 'one map for the builder and the renderer');
  let midline = 0;
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    assert.equal(FACE_MIRROR[FACE_MIRROR[i]!], i, `point ${i} is its partner's partner`);
    if (FACE_MIRROR[i] === i) midline++;
  }
  // the mesh's symmetric halves have 468 - midline points each; the iris points pair across
  assert.ok(midline > 10 && midline < 40 && (MESH_POINT_COUNT - midline) % 2 === 0, `midline points ${midline}`);
  assert.equal(FACE_MIRROR[468], 473);
});

type BrowserRender = { createRenderer: typeof createRenderer; decodeAvatar: (b: Uint8Array, name?: string) => Avatar };

/** The renderer and the avatar decoder bundled as the live page bundles its render worker (node builtins and node-only modules stubbed). */
async function browserBundle(dir: string): Promise<BrowserRender> {
  const src = new URL('../src/', import.meta.url).pathname;
  const result = await build({
    ...BROWSER_BUILD,
    plugins: [...BROWSER_BUILD.plugins],
    stdin: { contents: `export { createRenderer } from './render/renderer.ts'; export { decodeAvatar } from './avatar/file.ts';`, resolveDir: src, loader: 'ts' },
    outfile: path.join(dir, 'render.mjs'),
  });
  const file = path.join(dir, 'render.mjs');
  await writeFile(file, result.outputFiles[0]!.text);
  return import(pathToFileURL(file).href) as Promise<BrowserRender>;
}

test('the browser-bundled renderer draws a turned frame as node does, grain partners included (lp_s10 +25)', { timeout: 300_000 }, async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'real3d-face-mirror-'));
  try {
    const avatar = buildAvatar(await analyzePortrait(path.join(sharedData('portraits/'), 'lp_s10.jpg')));
    const browser = await browserBundle(dir);
    // the worker's path: the avatar file's bytes decoded in the bundle, a renderer with the worker's options
    const inBrowser = browser.createRenderer(browser.decodeAvatar(new Uint8Array(encodeAvatar(avatar)), 'the chosen avatar'), { width: 256, height: 256 });
    const frame = (r: Renderer): MotionFrame => { const rest = r.neutralFrame(); return { ...rest, pose: { ...rest.pose, yaw: 25 } }; };
    const draw = (r: Renderer) => Buffer.from(r.render(frame(r)).data);
    const node = (o: Partial<RendererOptions> = {}) => createRenderer(avatar, { width: 256, height: 256, ...o });
    const live = draw(inBrowser), ours = draw(node());
    assert.ok(live.equals(ours), `the bundled renderer's frame differs from node's in ${live.reduce((n, b, i) => n + (b !== ours[i] ? 1 : 0), 0)} bytes`);
    // and the partners are drawn: without them (the worker before s52) the far cheek's grain differs
    const without = draw(node({ grainPartners: false }));
    const changed = live.reduce((n, b, i) => n + (b !== without[i] ? 1 : 0), 0);
    assert.ok(changed > 50, `grain partners change ${changed} bytes of the turned frame`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

// The face models' base path is one setting for the whole process in Human (its constructor copies its
// config's into a module-wide value that every model load reads). src/rig/topology.ts builds a second,
// never-loaded Human for the mesh's triangles: with Human's default base (file://models/) it broke a
// runtime still loading its models in the same process: the crash of a clean-clone CI that ran the
// media-reading test files several to a process (s39 groups39: "error loading model:
// file://models/blazeface.json"). Run in a child process so the topology is built for the first time
// exactly while the runtime loads, as in that group.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const TOPOLOGY = new URL('../src/rig/topology.ts', import.meta.url).href;
const RUNTIME = new URL('../src/face/runtime.ts', import.meta.url).href;

const SCRIPT = `
  import { faceTopology } from ${JSON.stringify(TOPOLOGY)};
  import { faceRuntime, MODELS_DIR } from ${JSON.stringify(RUNTIME)};
  const loading = faceRuntime();
  const { triangles } = faceTopology(); // built while the runtime's models load
  const human = await loading;
  const loaded = Object.entries(human.models.models).filter(([, m]) => m).map(([k]) => k);
  process.stdout.write(JSON.stringify({ triangles: triangles.length, loaded, base: human.config.modelBasePath, dir: MODELS_DIR }) + '\\n');
`;

test('the mesh topology built while the face runtime loads its models leaves the models\' base alone: every model loads', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, r.stderr);
  // Human logs a failed model load to stdout and goes on (the run fails later, in detection)
  assert.doesNotMatch(r.stdout + r.stderr, /error loading model/, 'no model failed to load');
  const out = JSON.parse(r.stdout.split('\n').filter((l) => l.startsWith('{')).at(-1)!) as { triangles: number; loaded: string[]; base: string; dir: string };
  assert.ok(out.triangles > 0 && out.triangles % 3 === 0, 'the topology is read');
  for (const m of ['blazeface', 'facemesh', 'faceres']) assert.ok(out.loaded.includes(m), `${m} loaded: ${out.loaded.join(', ')}`);
  assert.ok(out.base.startsWith('file:///') && out.base.includes(out.dir), `the runtime's base is the installed models folder: ${out.base}`);
});

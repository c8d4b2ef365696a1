// One declaration per option (src/config.ts `Option`): every other place that states a default or
// a range (the server's form schema, the OpenAPI document, the CLI's --help, the web page,
// docs/api.md) must agree with it. A test here fails when one of them drifts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Option, GenerateOptionsSchema, AudioMotionOptionsSchema, defaultOf } from '../src/config.ts';
import { JobOptionsSchema, jobOptionDefaults } from '../src/server/options.ts';
import { openApiDocument } from '../src/server/openapi.ts';
import { DEFAULT_LIMITS } from '../src/server/limits.ts';
import { buildProgram } from '../src/cli/main.ts';
import { apiMarkdown } from '../scripts/api-docs.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const declared = Object.fromEntries(Object.entries(Option).map(([name, schema]) => [name, defaultOf(schema as never)])) as Record<string, unknown>;

test('the generate and audio-motion schemas take their defaults from the declarations', () => {
  const generate = GenerateOptionsSchema.omit({ output: true }).parse({}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(declared)) assert.deepEqual(generate[name], value, `generate ${name}`);
  const motion = AudioMotionOptionsSchema.parse({}) as Record<string, unknown>;
  for (const name of ['blink', 'mouthAmp', 'temperature', 'seed', 'fps']) assert.deepEqual(motion[name], declared[name], `audio motion ${name}`);
});

test('the server form schema and the OpenAPI document state the declared defaults and ranges', () => {
  const job = jobOptionDefaults();
  const props = (openApiDocument(DEFAULT_LIMITS, '0.0.0') as any).components.schemas.JobRequest.properties as Record<string, any>;
  for (const name of Object.keys(JobOptionsSchema.shape)) {
    assert.ok(props[name], `OpenAPI lists ${name}`);
    assert.deepEqual(props[name].default, job[name], `OpenAPI default of ${name}`);
    if (name in declared && name !== 'bg') assert.deepEqual(job[name], declared[name], `server default of ${name}`);
  }
  assert.equal(props.mouthAmp.minimum, 0);
  assert.equal(props.mouthAmp.maximum, 2);
  assert.equal(props.size.maximum, 2048);
  assert.equal(props.mapToInitPose.type, 'boolean');
  // a value outside the declared range is refused by the server as by the API
  assert.equal(JobOptionsSchema.safeParse({ mouthAmp: '2.5' }).success, false);
  assert.equal(GenerateOptionsSchema.safeParse({ output: 'x.mp4', mouthAmp: 2.5 }).success, false);
});

test("the CLI's generate --help shows the declared defaults", async () => {
  const program = await buildProgram(['./generate.ts']);
  const cmd = program.commands.find((c) => c.name() === 'generate')!;
  const cliName: Record<string, string> = { mouthAmp: 'mouth-amp', minFaceArea: 'min-face-area', mapToInitPose: 'map-to-init-pose' };
  for (const name of ['blink', 'mouthAmp', 'temperature', 'seed', 'bg', 'size', 'fps', 'crop', 'mode', 'face', 'minFaceArea', 'cache', 'mapToInitPose']) {
    const flag = cliName[name] ?? name;
    const opt = cmd.options.find((o) => o.long === `--${flag}` || o.long === `--no-${flag}`);
    assert.ok(opt, `generate has --${flag}`);
    // --no-x options default to true (commander), which is the declared default of cache and mapToInitPose
    const shown = opt!.long!.startsWith('--no-') ? true : opt!.defaultValue;
    assert.deepEqual(shown, declared[name], `--${flag} default`);
  }
});

test('the web page states no defaults of its own (it reads them from /openapi.json)', () => {
  const html = readFileSync(path.join(root, 'src/server/public/index.html'), 'utf8');
  for (const id of ['mouthAmp', 'fps', 'temperature', 'seed']) {
    const tag = html.match(new RegExp(`<input[^>]*id="${id}"[^>]*>`))?.[0];
    assert.ok(tag, `the page has the ${id} field`);
    assert.doesNotMatch(tag!, /\b(value|min|max)="/, `${id} has no hard-coded value, min or max`);
  }
  assert.doesNotMatch(html, /<option[^>]*selected/, 'no option preselected in the HTML');
  const js = readFileSync(path.join(root, 'src/server/public/app.js'), 'utf8');
  assert.match(js, /fetch\('\/openapi\.json'\)/);
});

test('docs/api.md is what scripts/api-docs.ts makes from the code', () => {
  const current = readFileSync(path.join(root, 'docs/api.md'), 'utf8');
  assert.equal(current, apiMarkdown(), 'docs/api.md is out of date: run node --import tsx scripts/api-docs.ts');
});

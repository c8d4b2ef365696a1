// The job record's small rules shared by the local queue and the Redis workers (src/server/jobs.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { everyMs, progressFromEvent, queuedProgress, timeLimitMessage } from '../src/server/jobs.ts';

test('time-limit reasons name the limit in the unit it was given: seconds under two minutes, else minutes', () => {
  assert.match(timeLimitMessage(30, 'worker'), /this worker's limit of 30 s \(--max-job-minutes\)/);
  assert.match(timeLimitMessage(600, 'server'), /this server's limit of 10 min \(--max-job-minutes\)/);
});

test('a progress gate opens at once, then not again within its interval', () => {
  const due = everyMs(60_000);
  assert.equal(due(), true);
  assert.equal(due(), false);
});

test('job progress never goes back, and weighs rendering most', () => {
  const rendering = progressFromEvent(queuedProgress(), { stage: 'render', done: 50, total: 100 });
  assert.ok(rendering.fraction > 0.5 && rendering.fraction < 0.6, String(rendering.fraction));
  const late = progressFromEvent(rendering, { stage: 'motion', done: 0, total: 1 });
  assert.equal(late.fraction, rendering.fraction);
});

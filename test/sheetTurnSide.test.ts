// Which turn clears a sheet vertex of a deep fold (avatar/sheetFold.ts turnSide, session 18): the side
// its clear texture point lies toward, not its side of the nose tip. lp_s10's far jaw lies below
// the nose tip, a pixel right of it, and cleared on the wrong turn: a pale lobe by the chin at +25.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { turnSide, revealSheetClear } from '../src/avatar/sheetFold.ts';

test('the side is where the clear point lies, whatever side of the nose tip the vertex is on', () => {
  // lp_s10's far jaw: x 181.5 (nose tip at 181), its clear point at 177.3 (image-left)
  assert.equal(turnSide(181.5, 177.3, 181), -1);
  assert.equal(turnSide(240, 246, 250), 1);
  // a clear point straight below or above: the nose decides
  assert.equal(turnSide(170, 170.2, 181), -1);
});

test('revealSheetClear sets the texture and the turn that shows it', () => {
  const uvRevealed = new Float32Array(4), revealDir = new Float32Array(4);
  const pos = [181.5, 306, 0, 100, 100, 0];
  revealSheetClear(uvRevealed, revealDir, new Map([[0, [177.3, 312] as [number, number]]]), pos, 181);
  assert.deepEqual([uvRevealed[0], uvRevealed[1]].map((v) => Math.round(v! * 10) / 10), [177.3, 312]);
  assert.ok(revealDir[0]! < 0, `shown by +yaw (image-left): ${revealDir[0]}`);
});

// Where lidEvents' wink hold (winkHeldShares) acts on the cached driver tracks (winkhold51, issue #14): each
// event it changes, with both eyes' opening shares of rest before -> after per frame. Weights only; never asserts.
//   node --import tsx bench/winkHolds.ts [track.json ...]   (default: every 25 fps track in $REAL3D_CACHE/tracks)
import path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { usableFrames } from '../src/motion/framesFromRaw.ts';
import { estimateRest } from '../src/motion/restFace.ts';
import { eyeSharesOf } from '../src/motion/blinkPairTrust.ts';
import { winkHeldShares } from '../src/motion/lidEvents.ts';
import type { RawFaceFrame } from '../src/motion/fromVideo.ts';
import { BENCH_CACHE } from './benchCache.ts';

const dir = path.join(BENCH_CACHE, 'tracks');
const files = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(dir).filter((f) => f.includes('.25fps.')).map((f) => path.join(dir, f));
const revive = (list: any[]) => list.map((r) => r && { ...r, lm: r.lm ? Float32Array.from(Array.isArray(r.lm[0]) ? (r.lm as number[][]).flat() : r.lm) : undefined }) as (RawFaceFrame | null)[];
const f2 = (v: number | undefined) => (v === undefined ? '--' : v.toFixed(2).replace(/^0/, ''));
for (const file of files) {
  const raw = revive(JSON.parse(readFileSync(file, 'utf8')));
  const valid = usableFrames(raw);
  const rest = estimateRest(raw.filter((r, i) => valid[i] && r).map((r) => r!.m));
  const shares = raw.map((r, i) => (valid[i] && r ? eyeSharesOf(r.m, rest) : null));
  const held = winkHeldShares(shares);
  const changed = shares.map((s, i) => !!s && (held[i]![0] !== s[0] || held[i]![1] !== s[1]));
  const lines: string[] = [];
  changed.forEach((c, i) => {
    if (!c && !changed[i - 1] && !changed[i + 1]) return;
    const s = shares[i], h = held[i];
    lines.push(`  f${i} ${s ? `${f2(s[0])}/${f2(s[1])}` : '--'} -> ${h ? `${f2(h[0])}/${f2(h[1])}` : '--'}${c ? ' *' : ''}`);
  });
  console.log(`${path.basename(file)}: ${changed.filter(Boolean).length} frames held`);
  if (lines.length) console.log(lines.join('\n'));
}

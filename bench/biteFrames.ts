export {};
// Which frames of a saved motion the bite rule (render/mouth/biteRows.ts) changes on a portrait (s58 grin58): each frame rendered
// with biteRowsSetting.meetShare [0, 0] and photoRows off (the rule as bite54 left it), then as set now; prints the frames whose
// `bite` (frameLight.ts) differs, before -> after, with the frame's gap (IOD), and whether the portrait's upper row is its own (fromPhoto).
// (s59 grin59) `--rule seenDark`: before = biteRowsSetting.seenDark off, the rest as set (the s59 rule's frames alone).
//   node --import tsx bench/biteFrames.ts m.json lp_s11.jpg [0-149] [--rule seenDark]
import path from 'node:path';
import { readFile } from 'node:fs/promises';
const root = process.cwd();
const { cachedPortrait } = await import(path.join(root, 'bench/portraitCache.ts'));
const { FrameLight } = await import(path.join(root, 'src/render/mouth/frameLight.ts'));
const { biteRowsSetting } = await import(path.join(root, 'src/render/mouth/biteRows.ts'));
const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
const ruleAt = process.argv.indexOf('--rule'), rule = ruleAt > 0 ? process.argv[ruleAt + 1] : 'grin58';
const [motionFile, portraitName, range] = process.argv.slice(2).filter((x, i, all) => x !== '--rule' && all[i - 1] !== '--rule');
const motion = JSON.parse(await readFile(motionFile!, 'utf8'));
const portrait = await cachedPortrait(path.join('/work/shared/data/portraits', portraitName!));
const set = FrameLight.prototype.set;
let last: any = null;
FrameLight.prototype.set = function (this: any, p: any, ...a: any[]) { const r = set.call(this, p, ...a); last = { bite: this.bite, fromPhoto: a[0].fromPhoto, gap: p.gap }; return r; };
const r = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
const [a, b] = (range ?? `0-${motion.frames.length - 1}`).split('-').map(Number);
const on = { share: [...biteRowsSetting.meetShare], photo: biteRowsSetting.photoRows, seen: biteRowsSetting.seenDark };
const t0 = Date.now(); const changed: string[] = [];
// (s59) the largest one-frame step of `bite` before and after between two frames open over .12 IOD: a pop from teeth to a dark
// opening in one frame while the mouth stays open (a shutting mouth's step to 0 is not one)
const steps = { before: { at: -1, by: 0, last: NaN, gap: 0 }, after: { at: -1, by: 0, last: NaN, gap: 0 } };
const step = (k: 'before' | 'after', i: number, v: number, gap: number) => {
  const t = steps[k];
  if (gap > 0.12 && t.gap > 0.12 && Math.abs(v - t.last) > t.by) { t.by = Math.abs(v - t.last); t.at = i; }
  t.last = v; t.gap = gap;
};
for (let i = a!; i <= Math.min(b!, motion.frames.length - 1); i++) {
  if (rule === 'seenDark') biteRowsSetting.seenDark = undefined;
  else { biteRowsSetting.meetShare = [0, 0]; biteRowsSetting.photoRows = false; }
  r.render(motion.frames[i]); const before = last;
  biteRowsSetting.meetShare = on.share as [number, number]; biteRowsSetting.photoRows = on.photo; biteRowsSetting.seenDark = on.seen;
  r.render(motion.frames[i]); const after = last;
  step('before', i, before.bite, before.gap); step('after', i, after.bite, after.gap);
  if (Math.abs(before.bite - after.bite) > 1e-9) changed.push(`f${i} ${before.bite.toFixed(2)}->${after.bite.toFixed(2)} gap ${after.gap.toFixed(3)}`);
}
console.log(`${path.basename(path.dirname(motionFile!))} ${portraitName} fromPhoto=${last?.fromPhoto} changed ${changed.length}/${b! - a! + 1} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
console.log(`  largest one-frame step: before ${steps.before.by.toFixed(2)} at f${steps.before.at}, after ${steps.after.by.toFixed(2)} at f${steps.after.at}`);
for (const c of changed) console.log('  ' + c);

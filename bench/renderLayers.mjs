// (s59 speed59) A frame's CPU split by render layer, as a markdown table, from renderProfile.ts `--out` profiles (one column
// each): every non-idle sample goes to the innermost listed layer function on its stack, scaled to the profiled CPU
// ms/frame renderProfile printed (the samples are wall time: on a loaded machine a descheduled stretch lands on whatever
// ran, so single functions are noisy; the layers less so). renderProfile.ts --passes predates faceTextures.ts and
// mouthParts.ts and files their time under other.
//   node bench/renderLayers.mjs 19.30:a.cpuprofile 16.43:b.cpuprofile ...
import { readFileSync } from 'node:fs';
import path from 'node:path';
const LAYERS = [
  ['geometry (deform)', ['update deform.ts']],
  ['face textures (lids, brows)', ['updateFaceTextures faceTextures.ts']],
  ['mouth placement + frame light', ['placeMouth mouthParts.ts']],
  ['raster: textured skin/eyes', ['textureTriangle raster.ts', 'textureTriangleAffineInside raster.ts', 'setupTriangle raster.ts', 'rasterMeshTriangle raster.ts']],
  ['raster: mouth shader', ['MouthShader.shade shader.ts', 'shadePixel shader.ts']],
  ['raster: eyeball shaders', ['shadeTriangle raster.ts']],
  ['raster: far side mirror', ['rasterTriangleMirror rasterFarSide.ts']],
  ['raster: back of head', ['rasterTriangleUnder rasterFarSide.ts']],
  ['shut eyes (overlay)', ['draw overlay.ts']],
  ['  of which frameGain', ['frameGain frameMatch.ts']],
  ['moved lids / lashes', ['coverMovedLids gazeIrisLid.ts', 'drawLoweredLashes wideEyes.ts', 'coverLidEdges wideEyes.ts']],
  ['lip line + thin slit', ['softenLipLine edge.ts', 'softenThinSlit thinSlit.ts']],
  ['edges: depth steps + feather', ['smoothAndFeather edgePasses.ts']],
  ['edges: far seam + jaw comb', ['farSeamPass farSeam.ts', 'jawCombPass jawComb.ts']],
  ['turn fills (pinholes, specks)', ['fillPinholes pinholeFill.ts', 'specklessPass specklessFill.ts', 'faceBox pinholeFill.ts']],
  ['compose over plate', ['composeFrame renderer.ts']],
  ['garbage collector', ['(garbage collector) ']],
];
const cols = [];
for (const arg of process.argv.slice(2)) {
  const [cpu, file] = arg.split(':');
  const p = JSON.parse(readFileSync(file, 'utf8'));
  const parent = new Map(); for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const layerOf = new Map(); LAYERS.forEach(([l, fs]) => fs.forEach((f) => layerOf.set(f, l)));
  const count = new Map(); let total = 0;
  for (const id of p.samples) {
    let layer = null, inRaster = false, idle = false;
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at).callFrame, key = `${f.functionName || '(anon)'} ${path.basename(f.url)}`;
      if (key === '(program) ' || key === '(idle) ') { idle = true; break; }
      if (layer === null && layerOf.has(key)) layer = layerOf.get(key);
      if (key === 'rasterize rasterize.ts') inRaster = true;
    }
    if (idle) continue;
    if (layer === null) layer = inRaster ? 'rasterize: loop, clears, other passes' : 'other';
    count.set(layer, (count.get(layer) ?? 0) + 1); total++;
    // frameGain nested in overlay: also count to overlay
    if (layer === '  of which frameGain') count.set('shut eyes (overlay)', (count.get('shut eyes (overlay)') ?? 0) + 1);
  }
  cols.push({ name: path.basename(file).replace('.cpuprofile', ''), ms: new Map([...count].map(([k, n]) => [k, Number(cpu) * n / total])), cpu: Number(cpu) });
}
const names = [...LAYERS.map((l) => l[0]), 'rasterize: loop, clears, other passes', 'other'];
console.log('| layer | ' + cols.map((c) => c.name).join(' | ') + ' |');
console.log('|---|' + cols.map(() => '---:').join('|') + '|');
for (const n of names) console.log(`| ${n} | ` + cols.map((c) => (c.ms.get(n) ?? 0).toFixed(2)).join(' | ') + ' |');
console.log('| **total (profiled CPU)** | ' + cols.map((c) => c.cpu.toFixed(2)).join(' | ') + ' |');

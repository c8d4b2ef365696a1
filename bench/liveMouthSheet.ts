// Contact sheet of the live page's microphone mouth (headless Chromium, fake microphone playing
// RD_Radio31 as test/live.test.ts): for the learned mouth (top row) and the rule-based jaw (bottom
// row), the canvas's mouth box enlarged 3x at the 3 quietest and the 5 widest-open moments of 8 s.
// Usage: node --import tsx bench/liveMouthSheet.ts [out.png, default docs/live/live-mouth-sheet.png]
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../src/server/app.ts';
import { encodePng } from '../src/io/image.ts';
import { launchLiveBrowser, makeFakeMedia, openLivePage } from '../src/live/harness.ts';
import { SHARED_DATA_URL } from './sharedData.ts';

const out = process.argv[2] ?? new URL('../docs/live/live-mouth-sheet.png', import.meta.url).pathname;
const DATA = SHARED_DATA_URL;
const ZOOM = 3, QUIET = 3, OPEN = 5, GAP = 6;

interface Snap { jaw: number; db: number; w: number; h: number; rgba: number[] }

const tmp = await mkdtemp(path.join(tmpdir(), 'real3d-live-sheet-'));
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: path.join(tmp, 'data'), workers: 1, ttlHours: 0 });
const media = makeFakeMedia(tmp, new URL('audio/RD_Radio31_000.wav', DATA).pathname, new URL('video/WDA_KatieHill_000.mp4', DATA).pathname);
const context = await launchLiveBrowser(path.join(tmp, 'profile'), media);
const rows: Snap[][] = [];
try {
  for (const mouth of ['learned', 'rules']) {
    const { page } = await openLivePage(context, server.url, { photo: new URL('portraits/lp_s42.jpg', DATA).pathname }, mouth === 'rules' ? '?mouth=rules' : '');
    await page.selectOption('#head', 'static');
    await page.click('#mic-btn');
    await page.waitForTimeout(3000);
    const snaps = (await page.evaluate(async () => {
      const live = (window as any).__live;
      const [x0, y0, x1, y1] = live.mouthBox as number[];
      const g = (document.getElementById('live-canvas') as HTMLCanvasElement).getContext('2d')!;
      const got: { jaw: number; db: number; w: number; h: number; rgba: number[] }[] = [];
      const end = performance.now() + 8000;
      while (performance.now() < end) {
        // the jaw of the frame on screen now, and the loudness the worklet last heard
        const f = live.frames[live.frames.length - 1], a = live.audio[live.audio.length - 1];
        got.push({ jaw: f?.jaw ?? 0, db: a?.loudnessDb ?? -100, w: x1! - x0!, h: y1! - y0!, rgba: Array.from(g.getImageData(x0!, y0!, x1! - x0!, y1! - y0!).data) });
        await new Promise((r) => setTimeout(r, 100));
      }
      document.getElementById('stop-btn')!.click();
      return got;
    })) as Snap[];
    const quiet = [...snaps].sort((a, b) => a.db - b.db).slice(0, QUIET);
    const open = [...snaps].sort((a, b) => b.jaw - a.jaw).slice(0, OPEN);
    rows.push([...quiet, ...open]);
    console.log(`${mouth}: quietest ${quiet.map((s) => `${s.db.toFixed(0)} dB jaw ${s.jaw.toFixed(2)}`).join(', ')}; widest jaw ${open.map((s) => s.jaw.toFixed(2)).join(', ')}`);
  }
} finally {
  await context.close();
  await server.close();
  await rm(tmp, { recursive: true, force: true });
}
const cw = rows[0]![0]!.w * ZOOM, ch = rows[0]![0]!.h * ZOOM;
const cols = QUIET + OPEN;
const width = cols * cw + (cols + 1) * GAP, height = rows.length * ch + (rows.length + 1) * GAP;
const data = new Uint8ClampedArray(width * height * 4).fill(255);
rows.forEach((row, r) => row.forEach((s, c) => {
  const ox = GAP + c * (cw + GAP), oy = GAP + r * (ch + GAP);
  for (let y = 0; y < ch; y++) for (let x = 0; x < cw; x++) {
    const si = (Math.floor(y / ZOOM) * s.w + Math.floor(x / ZOOM)) * 4, di = ((oy + y) * width + ox + x) * 4;
    for (let k = 0; k < 4; k++) data[di + k] = s.rgba[si + k]!;
  }
}));
await writeFile(`${out}.tmp`, await encodePng({ width, height, data }));
await rename(`${out}.tmp`, out);
console.log(`wrote ${out}: rows learned / rule-based; columns: ${QUIET} quietest moments, then the ${OPEN} widest jaws (mouth box x${ZOOM})`);

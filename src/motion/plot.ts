// Line plots of motion curves as PNG (SVG rendered by sharp), for looking at what motion does.
import sharp from 'sharp';

export interface PlotSeries {
  label: string;
  values: ArrayLike<number>;
  color?: string;
}

const PALETTE = ['#d62728', '#1f77b4', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];

/** One panel per group of series; each panel autoscaled. Returns PNG bytes. */
export async function plotCurves(panels: { title: string; series: PlotSeries[] }[], opts: { width?: number; panelHeight?: number; fps?: number } = {}): Promise<Buffer> {
  const width = opts.width ?? 1400;
  const ph = opts.panelHeight ?? 160;
  const left = 50;
  const right = 10;
  const height = panels.length * (ph + 30) + 10;
  const parts: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="white"/>`];
  panels.forEach((panel, pi) => {
    const top = 10 + pi * (ph + 30) + 18;
    let lo = Infinity;
    let hi = -Infinity;
    let n = 0;
    for (const s of panel.series) {
      n = Math.max(n, s.values.length);
      for (let i = 0; i < s.values.length; i++) {
        const v = s.values[i]!;
        if (Number.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (!(hi > lo)) {
      hi = (Number.isFinite(lo) ? lo : 0) + 1;
      lo = hi - 2;
    }
    const pw = width - left - right;
    const x = (i: number) => left + (i / Math.max(1, n - 1)) * pw;
    const y = (v: number) => top + ph - ((v - lo) / (hi - lo)) * ph;
    parts.push(`<rect x="${left}" y="${top}" width="${pw}" height="${ph}" fill="none" stroke="#999"/>`);
    parts.push(`<text x="${left}" y="${top - 4}" font-size="13" font-family="sans-serif">${panel.title}: ${panel.series.map((s, si) => `<tspan fill="${s.color ?? PALETTE[si % PALETTE.length]}">${s.label}</tspan>`).join(', ')}</text>`);
    parts.push(`<text x="2" y="${top + 10}" font-size="10" font-family="sans-serif">${hi.toFixed(2)}</text><text x="2" y="${top + ph}" font-size="10" font-family="sans-serif">${lo.toFixed(2)}</text>`);
    if (opts.fps) for (let t = 1; t * opts.fps < n; t++) parts.push(`<line x1="${x(t * opts.fps)}" x2="${x(t * opts.fps)}" y1="${top}" y2="${top + ph}" stroke="#eee"/>`);
    if (lo < 0 && hi > 0) parts.push(`<line x1="${left}" x2="${left + pw}" y1="${y(0)}" y2="${y(0)}" stroke="#ccc"/>`);
    panel.series.forEach((s, si) => {
      const pts: string[] = [];
      for (let i = 0; i < s.values.length; i++) if (Number.isFinite(s.values[i]!)) pts.push(`${x(i).toFixed(1)},${y(s.values[i]!).toFixed(1)}`);
      parts.push(`<polyline fill="none" stroke-width="1.3" stroke="${s.color ?? PALETTE[si % PALETTE.length]}" points="${pts.join(' ')}"/>`);
    });
  });
  parts.push('</svg>');
  return sharp(Buffer.from(parts.join(''))).png().toBuffer();
}

/** The standard look at a Motion: mouth weights, eyes, head pose. */
export async function plotMotion(motion: { fps: number; frames: { w: Record<string, number>; pose: { yaw: number; pitch: number; roll: number }; gaze: [number, number]; blink: number }[] }): Promise<Buffer> {
  const f = motion.frames;
  const W = (k: string) => f.map((x) => x.w[k] ?? 0);
  return plotCurves(
    [
      { title: 'mouth', series: [{ label: 'jawOpen', values: W('jawOpen') }, { label: 'mouthPucker', values: W('mouthPucker') }, { label: 'mouthFunnel', values: W('mouthFunnel') }, { label: 'mouthStretchLeft', values: W('mouthStretchLeft') }, { label: 'mouthPress', values: W('mouthPress') }, { label: 'mouthSmileLeft', values: W('mouthSmileLeft') }] },
      { title: 'eyes and brows', series: [{ label: 'blink', values: f.map((x) => x.blink) }, { label: 'eyeBlinkLeft', values: W('eyeBlinkLeft') }, { label: 'browInnerUp', values: W('browInnerUp') }, { label: 'gaze x', values: f.map((x) => x.gaze[0]) }, { label: 'gaze y', values: f.map((x) => x.gaze[1]) }] },
      { title: 'head pose (degrees)', series: [{ label: 'yaw', values: f.map((x) => x.pose.yaw) }, { label: 'pitch', values: f.map((x) => x.pose.pitch) }, { label: 'roll', values: f.map((x) => x.pose.roll) }] },
    ],
    { fps: motion.fps },
  );
}

# Training tooling only (never imported by the product): reads exportLipData.ts's files and scores
# jaw curves the way src/motion/train/score.ts does (quantile calibration, silence gate, Pearson r
# at the best lag within +-3 frames, per speaker frame-weighted).
import json
import os
import numpy as np

FLOOR = -8.0
TARGET_WEIGHT = np.array([4, 1, 1, 0.5, 0.5, 1, 0.5, 0.5], dtype=np.float32)
CAL_Q = [0.5, 2, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 98, 99.5]


def load(folder):
    idx = json.load(open(os.path.join(folder, 'index.json')))
    raw = np.fromfile(os.path.join(folder, 'data.f32'), dtype=np.float32)
    D = idx['frameDim']
    T = len(idx['targets'])
    clips = []
    for c in idx['clips']:
        b = {k: raw[v['offset']:v['offset'] + v['length']] for k, v in c['blocks'].items()}
        n = c['n']
        clips.append(dict(name=c['name'], speaker=c['speaker'], role=c['role'], n=n,
                          mel=b['mel'].reshape(-1, D), Y=b['Y'].reshape(n, T), valid=b['valid'] > 0.5,
                          videoJaw=b['videoJaw'].astype(np.float64), gap=b['gap'].astype(np.float64),
                          speech=b['speech'].astype(np.float64), smile=b['smile'].astype(np.float64) if 'smile' in b else None))
    # optional: voicing and relative log pitch per 100 Hz frame (exportVoicing.ts, an experiment)
    vf = os.path.join(folder, 'voicing.f32')
    if os.path.exists(vf):
        v = np.fromfile(vf, dtype=np.float32).reshape(-1, 2)
        at = 0
        for c, meta in zip(clips, idx['clips']):
            c['voicing'] = v[at:at + meta['n100']]
            at += meta['n100']
    # optional: Rhubarb's mouth-cue fractions per 25 fps frame (exportRhubarb.ts, an experiment)
    rf = os.path.join(folder, 'rhubarb.f32')
    if os.path.exists(rf):
        r = np.fromfile(rf, dtype=np.float32).reshape(-1, 9)
        at = 0
        for c in clips:
            c['cues'] = r[at:at + c['n']]
            at += c['n']
    return clips, idx


def stacked_frames(mel, n, onsets=False):
    """25 fps rows of the four 100 Hz frames each output frame pools (frames 4i-3..4i), 4*D values
    (4*(D+2) with `onsets`: each frame followed by its spectral flux and energy change)."""
    D = mel.shape[1]
    pad = np.full((3, D), FLOOR, np.float32)
    need = 4 * n + 3
    m = np.concatenate([pad, mel], 0)
    if m.shape[0] < need:
        m = np.concatenate([m, np.full((need - m.shape[0], D), FLOOR, np.float32)], 0)
    m = m[:4 * n]
    if onsets:
        m = with_onsets(m)
    return m.reshape(n, -1)


def with_onsets(m):
    """appends per 100 Hz frame the spectral flux (mean positive band rise from the frame before)
    and the energy change, the frame before the first reading as silence (the floor), as
    lipTcn.ts's tcnInputRow computes them: onsets, which the linear input layer cannot form"""
    d = np.diff(m, axis=0, prepend=np.full((1, m.shape[1]), FLOOR, np.float32))
    flux = np.maximum(0, d[:, 1:]).mean(1, keepdims=True)
    return np.concatenate([m, flux, d[:, :1]], 1).astype(np.float32)


def standardise_targets(c):
    Y = c['Y'].copy()
    v = c['valid']
    for t in range(Y.shape[1]):
        if v.sum() < 10:
            continue
        m = Y[v, t].mean()
        sd = np.sqrt(max(1e-8, (Y[v, t] ** 2).mean() - m * m))
        Y[:, t] = (Y[:, t] - m) / sd
    return Y


def percentile(values, p):
    s = np.sort(values)
    if len(s) == 0:
        return 0.0
    return float(s[min(len(s) - 1, max(0, int(round(p / 100 * (len(s) - 1)))))])


def quantile_map(pred, real):
    frm, to = [], []
    for q in CAL_Q:
        f = percentile(pred, q)
        if frm and f <= frm[-1] + 1e-6:
            continue
        t = percentile(real, q)
        frm.append(f)
        to.append(max(to[-1] if to else -np.inf, t))
    if len(frm) < 2:
        return [0.0, 1.0], [0.0, 0.0]
    return frm, to


def mean_bottom(frm, to, pred, real, upto):
    """the quantile map's knots up to the `upto` percentile of the prediction moved to the real's mean
    over the predictions between the knot's neighbours (never down): where the ranking is unsure the
    lowest predictions are not sent to the real's shut tail, only to what those frames really average"""
    frm, to = list(frm), list(to)
    for k, q in enumerate(CAL_Q[:len(frm)]):
        if q > upto:
            break
        lo, hi = frm[max(0, k - 1)], frm[min(len(frm) - 1, k + 1)]
        near = real[(pred >= lo) & (pred <= hi)]
        if len(near) >= 10:
            to[k] = max(to[k], float(near.mean()))
    for k in range(1, len(to)):
        to[k] = max(to[k], to[k - 1])
    return frm, to


def map_through(v, frm, to):
    frm = np.asarray(frm); to = np.asarray(to)
    j = np.clip(np.searchsorted(frm[1:-1], v, side='left') + 1, 1, len(frm) - 1)
    x0 = frm[j - 1]; x1 = frm[j]
    return to[j - 1] + (v - x0) * (to[j] - to[j - 1]) / (x1 - x0)


def kernel_smooth(x, w, behind):
    n = len(x)
    out = np.zeros(n)
    ws = np.zeros(n)
    for j in range(len(w)):
        s = j - behind
        lo, hi = max(0, -s), min(n, n - s)
        out[lo:hi] += w[j] * x[lo + s:hi + s]
        ws[lo:hi] += w[j]
    return out / ws


def gaussian(x, sigma):
    if sigma <= 0:
        return np.asarray(x, np.float64).copy()
    r = int(np.ceil(sigma * 3))
    k = np.exp(-0.5 * (np.arange(-r, r + 1) ** 2) / sigma ** 2)
    return kernel_smooth(np.asarray(x, np.float64), k, r)


def gate_curve(speech, behind=1, ahead=2):
    w = np.array([1 - (-j) / (behind + 1) if j < 0 else 1 - j / (ahead + 1) for j in range(-behind, ahead + 1)])
    return kernel_smooth(speech, w, behind)


def pearson(a, b):
    a = a - a.mean(); b = b - b.mean()
    d = np.sqrt((a * a).sum() * (b * b).sum())
    return float((a * b).sum() / d) if d > 0 else 0.0


def best_lag(a, b, max_lag):
    best = (-np.inf, 0)
    n = len(a)
    for lag in range(-max_lag, max_lag + 1):
        lo, hi = max(0, -lag), min(n, len(b) - lag)
        r = pearson(a[lo:hi], b[lo + lag:hi + lag])
        if r > best[0]:
            best = (r, lag)
    return best


def postprocess(jaw, speech):
    g = gate_curve(speech)
    return np.clip(np.minimum(jaw, g), 0, 1)


def per_speaker(rows):
    """rows: (speaker, r, frames) -> {speaker: frame-weighted mean r}"""
    acc = {}
    for s, r, n in rows:
        a = acc.setdefault(s, [0.0, 0])
        a[0] += r * n; a[1] += n
    return {s: a[0] / a[1] for s, a in acc.items()}

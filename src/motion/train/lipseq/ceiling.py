# How far could jawOpen r go on these data? (training tooling; cheap, seconds to minutes)
#   /usr/bin/python3 src/motion/train/lipseq/ceiling.py /tmp/lipseq [RECIPE [SIZES]]   (SIZES e.g. 8,14: part 4 only)
# 1. smoothness: r of the teacher with itself smoothed as our output is (sigma 1.5 frames): what a
#    perfect but smoothed predictor scores.
# 2. the teacher against an independent geometric read of the same frames (the raw lip gap over rest):
#    per speaker, how much two measures of the same mouth agree.
# 3. seen speakers: every training clip's first 70 % trains, its last 25 % is scored, against the
#    held-out fold models on the same segments: how much of the gap is speaker generalisation.
# 4. speakers: fold models trained on a random subset of k of the fold's training speakers (3 seeds
#    each): r against the number of training speakers, extrapolated on log2(speakers).
import sys
import numpy as np
import experiment as ex
from data import load, best_lag, pearson, gaussian, per_speaker


def mean_sp(rows):
    sp = per_speaker(rows)
    return float(np.mean(list(sp.values()))), sp


def smoothness(train):
    rows = []
    for c in train:
        y = c['videoJaw']
        rows.append((c['speaker'], pearson(gaussian(y, 1.5), y), c['n']))
    print(f'1. teacher vs itself smoothed (sigma 1.5): mean r {mean_sp(rows)[0]:.3f}')


def geometric(train):
    rows = []
    for c in train:
        v = c['valid'] & np.isfinite(c['gap'])
        if v.sum() > 20:
            rows.append((c['speaker'], pearson(c['videoJaw'][v], c['gap'][v]), c['n']))
    m, sp = mean_sp(rows)
    low = sorted(sp.items(), key=lambda kv: kv[1])[:6]
    print(f'2. teacher jawOpen vs raw lip gap over rest: mean r {m:.3f} over {len(sp)} speakers; lowest ' + ', '.join(f'{k} {v:.2f}' for k, v in low))
    return sp


def part(c, a, b):
    """a frame range of a prepared clip as a clip"""
    out = dict(c)
    for k in ('X', 'Yz', 'Yraw', 'valid', 'speech', 'ref', 'videoJaw', 'gap', 'ph'):
        out[k] = c[k][a:b]
    out['n'] = b - a
    return out


def score(models_and_clips, sigma=1.5):
    rows = []
    for (model, mean, std), q, clips in models_and_clips:
        for c in clips:
            rows.append((c['speaker'], best_lag(ex.jaw(model, mean, std, c, sigma, q), c['ref'], 3)[0], c['n']))
    return mean_sp(rows)


def seen(train, folds, r):
    heads = [part(c, 0, int(0.7 * c['n'])) for c in train]
    tails = [part(c, int(0.75 * c['n']), c['n']) for c in train]
    m = ex.train(heads, r)
    q = ex.calibrate(*m, heads, 1.5)
    seen_r, _ = score([(m, q, tails)])
    fold_rows = []
    for fold in folds:
        fit = [c for c in train if c['speaker'] not in fold]
        mf = ex.train(fit, r)
        fold_rows.append((mf, ex.calibrate(*mf, fit, 1.5), [t for t in tails if t['speaker'] in fold]))
    held_r, _ = score(fold_rows)
    print(f'3. last 25 % of every clip: model that heard the first 70 % of every speaker r {seen_r:.3f}; held-out fold models {held_r:.3f}')


def speakers_curve(train, folds, r, sizes=(4, 8, 14, 0)):
    rng = np.random.default_rng(5)
    pts = []
    for k in sizes:
        means = []
        for seed in (1, 2, 3):
            rows = []
            for fold in folds:
                pool = sorted({c['speaker'] for c in train if c['speaker'] not in fold})
                pick = set(pool if k == 0 else rng.choice(pool, min(k, len(pool)), replace=False))
                fit = [c for c in train if c['speaker'] in pick]
                m = ex.train(fit, dict(r, seed=seed))
                rows.append((m, ex.calibrate(*m, fit, 1.5), [c for c in train if c['speaker'] in fold]))
            means.append(score(rows)[0])
        n = k or int(np.mean([len({c['speaker'] for c in train if c['speaker'] not in f}) for f in folds]))
        pts.append((n, float(np.mean(means)), float(np.std(means))))
        print(f'4. {n:3d} training speakers: held-out mean r {pts[-1][1]:.3f} +- {pts[-1][2]:.3f}', flush=True)
    if len(pts) < 2:
        return
    x = np.log2([p[0] for p in pts]); y = np.array([p[1] for p in pts])
    slope, icpt = np.polyfit(x, y, 1)
    need = 2 ** ((0.6 - icpt) / slope) if slope > 0 else float('inf')
    print(f'   r = {icpt:.3f} + {slope:.3f} log2(speakers); 0.6 reached at ~{need:.0f} speakers of this kind (a straight-line guess)')


def main():
    clips, idx = load(sys.argv[1])
    r = ex.parse_recipe(sys.argv[2] if len(sys.argv) > 2 else 'tcn_on')
    ex.prepare(clips, r['target'], r['flux'], r['cvn'], r['voicing'], r['cues'], r['cue_sigma'], r['cue_keep'])
    train = [c for c in clips if c['role'] == 'train' and c['speaker'] != 'grid_s1']
    if len(sys.argv) > 3:  # only the speaker-count curve, at the given sizes (e.g. 8,14; 0 = all)
        speakers_curve(train, idx['folds'], r, tuple(int(k) for k in sys.argv[3].split(',')))
        return
    smoothness(train)
    geometric(train)
    seen(train, idx['folds'], r)
    speakers_curve(train, idx['folds'], r)


main()

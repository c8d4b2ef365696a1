# Cheap diagnostics of the lip data (training tooling):
#   /usr/bin/python3 src/motion/train/lipseq/diagnose.py /tmp/lipseq
# 1. GRID alone: train on GRID sentences, score on other GRID sentences (one clean speaker).
# 2. audio/video offset per clip: best lag of the fold models' jaw within +-3 and +-10 frames,
#    and of the loudness envelope against the real jaw (model-free).
# 3. target: the teacher's jawOpen against the raw lip gap over rest (eye-corner distances).
# 4. per-clip r spread.
import sys
import numpy as np
import experiment as ex
from data import load, best_lag, pearson, gaussian, per_speaker


def fold_predictions(clips, folds, r):
    """jaw curves of every training clip from the fold model that did not hear its speaker"""
    train_clips = [c for c in clips if c['role'] == 'train']
    out = {}
    for fold in folds:
        fit = [c for c in train_clips if c['speaker'] not in fold]
        model, mean, std = ex.train(fit, r)
        q = ex.calibrate(model, mean, std, fit, 1.5)
        for c in train_clips:
            if c['speaker'] in fold:
                out[c['name']] = (ex.jaw(model, mean, std, c, 1.5, q), gaussian(ex.predict(model, mean, std, c)[:, 0], 1.5))
    return out


def grid_alone(clips, name):
    r = dict(ex.DEFAULT, **ex.RECIPES[name])
    grid = [c for c in clips if c['speaker'] == 'grid_s1']
    k = int(0.7 * len(grid))
    model, mean, std = ex.train(grid[:k], r)
    q = ex.calibrate(model, mean, std, grid[:k], 1.5)
    rs = [best_lag(ex.jaw(model, mean, std, c, 1.5, q), c['videoJaw'], 3)[0] for c in grid[k:]]
    rg = [best_lag(gaussian(ex.predict(model, mean, std, c)[:, 0], 1.5), np.nan_to_num(c['gap']), 3)[0] for c in grid[k:]]
    print(f'GRID alone ({name}): trained on {k} sentences, scored on {len(grid) - k}: jawOpen r mean {np.mean(rs):.3f} (median {np.median(rs):.3f}, 10-90 % {np.percentile(rs, 10):.2f}..{np.percentile(rs, 90):.2f}); raw net vs lip gap {np.mean(rg):.3f}')


def main():
    clips, idx = load(sys.argv[1])
    ex.prepare(clips, 'teacher')
    # 3a: the teacher and the measure are the same curve? and the raw gap?
    tv, tg = [], []
    for c in clips:
        v = c['valid'] & np.isfinite(c['gap'])
        tv.append(pearson(c['Y'][v, 0].astype(np.float64), c['videoJaw'][v]))
        tg.append(pearson(c['gap'][v], c['videoJaw'][v]))
    print(f'teacher jawOpen vs motion --video jawOpen: r median {np.median(tv):.3f}; lip gap over rest vs motion --video jawOpen: median {np.median(tg):.3f} (min {np.min(tg):.3f})')
    for name in ['mlp', 'tcn']:
        grid_alone(clips, name)
    r = dict(ex.DEFAULT, **ex.RECIPES['mlp'])
    preds = fold_predictions(clips, idx['folds'], r)
    rows3, rows10, rowsg, env_lags, lag3, lag10 = [], [], [], [], [], []
    per_clip = []
    for c in clips:
        if c['name'] not in preds:
            continue
        j, raw = preds[c['name']]
        r3, l3 = best_lag(j, c['videoJaw'], 3)
        r10, l10 = best_lag(j, c['videoJaw'], 10)
        gap = np.nan_to_num(c['gap'], nan=np.nanmedian(c['gap']))
        rg = best_lag(raw, gap, 3)[0]
        rows3.append((c['speaker'], r3, c['n'])); rows10.append((c['speaker'], r10, c['n'])); rowsg.append((c['speaker'], rg, c['n']))
        lag3.append(l3); lag10.append(l10)
        # model-free: loudness envelope (speech activity) against the real jaw
        env_lags.append(best_lag(c['speech'], c['videoJaw'], 10)[1])
        per_clip.append((r3, c['name'], l10, env_lags[-1]))
    s3, s10, sg = per_speaker(rows3), per_speaker(rows10), per_speaker(rowsg)
    print(f'fold MLP: mean r +-3 {np.mean(list(s3.values())):.3f}, +-10 {np.mean(list(s10.values())):.3f}; raw net vs lip gap (+-3) {np.mean(list(sg.values())):.3f}')
    print(f'best lag within +-3: at the edge (|lag| = 3) in {np.mean(np.abs(lag3) == 3) * 100:.0f} % of {len(lag3)} clips; lags: {sorted(lag3)}')
    print(f'best lag within +-10: {sorted(lag10)}')
    print(f'loudness envelope vs real jaw, best lag within +-10: {sorted(env_lags)}')
    per_clip.sort()
    print('per-clip r (worst 8): ' + ', '.join(f'{n} {r:.2f} (lag10 {l}, env {e})' for r, n, l, e in per_clip[:8]))
    print('per-clip r (best 5): ' + ', '.join(f'{n} {r:.2f}' for r, n, l, e in per_clip[-5:]))
    rs = np.array([p[0] for p in per_clip])
    print(f'per-clip r: median {np.median(rs):.2f}, 10/90 % {np.percentile(rs, 10):.2f} / {np.percentile(rs, 90):.2f}, below 0.3: {np.mean(rs < 0.3) * 100:.0f} %')


main()

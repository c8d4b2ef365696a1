# Speaker-fold experiments with sequence models (training tooling; Debian python3-torch).
#   /usr/bin/python3 src/motion/train/lipseq/experiment.py /tmp/lipseq tcn gru mlp ...
# A run is RECIPE[:key=value...][@SEED], e.g. tcn_ng:flux=1:epochs=45@2 (fields of DEFAULT: corr,
# tempo, warp, noise_p, mask, flux, cvn, voicing, cal=oof, grid_weight, asym (jaw under-prediction on speech frames
# weighted 1 + asym: losses.py), tnorm=speech (each clip's targets standardised over its speech frames), cal_bottom
# (the jaw's calibration knots up to that percentile mapped to the real's mean: data.py mean_bottom), smile (the
# teacher's smile as a 9th target with this loss weight; its held-out r printed), shut (a lip-closure head with this
# loss weight, labels shut_label=jaw|gap: shuthead.py), reverb / bandlim (the share of clips augmented: augment.py)...). With LIPSEQ_RESULTS=FILE
# each run appends a JSON line (per-speaker r, Katie, mt_sun, the murmur figures) for compare.py.
import json
import os
import sys
import time
import numpy as np
import torch
import torch.nn.functional as F
from data import load, stacked_frames, standardise_targets, quantile_map, mean_bottom, map_through, gaussian, postprocess, best_lag, per_speaker, TARGET_WEIGHT
from models import Tcn, Gru, PooledMlp
from augment import augmented_view, any_augmentation, spec_mask
from losses import lip_loss
from murmur import MurmurStats
from smile import with_smile_target, smile_line
from shuthead import shut_labels, shut_loss, shut_probs, ShutStats

torch.set_num_threads(1)

RECIPES = {
    'mlp': dict(model='mlp', epochs=30),
    'tcn': dict(model='tcn', epochs=30),
    'tcn_e15': dict(model='tcn', epochs=15),
    'tcn_e60': dict(model='tcn', epochs=60),
    'tcn32': dict(model='tcn', channels=32, epochs=30),
    'tcn_d5': dict(model='tcn', dilations=(1, 2, 4, 8, 16), epochs=30),
    'tcn_c1': dict(model='tcn', lookahead=1, epochs=30),
    # shipped since lips8 (trained without GRID: trainLips.ts SEQ_GRID): onset inputs, 45 epochs
    'tcn_on': dict(model='tcn', epochs=45, flux=True),
    'tcn_c1_on': dict(model='tcn', lookahead=1, epochs=45, flux=True),
    # shipped since lips9: tcn_on plus a training-only phoneme head on the StyleTalk clips' ids
    'tcn_ph': dict(model='tcn', epochs=45, flux=True, phon=1.0),
    # tried for the live model (lipshape1): tcn_c1_on with the same phoneme head; held-out r -0.0045 / -0.0034
    # at seeds 1 / 2 (Katie +0.04 / +0.02), not shipped
    'tcn_c1_ph': dict(model='tcn', lookahead=1, epochs=45, flux=True, phon=1.0),
    'tcn_c2': dict(model='tcn', lookahead=2, epochs=30),
    'gru': dict(model='gru', epochs=30),
    'tcn_n4': dict(model='tcn', epochs=30, noise=0.4),
    'tcn_e20_n4': dict(model='tcn', epochs=20, noise=0.4),
    'tcn_ng': dict(model='tcn', epochs=30, grid=False),
    'tcn_g05': dict(model='tcn', epochs=30, grid_weight=0.5),
    'mlp_gap': dict(model='mlp', epochs=30, target='gap'),
    'tcn_gap': dict(model='tcn', epochs=30, target='gap'),
    'gru_c': dict(model='gru', bidirectional=False, epochs=30),
}
DEFAULT = dict(channels=64, dilations=(1, 2, 4, 8), lookahead=None, hidden=48, bidirectional=True, lr=2e-3, decay=1e-4,
               noise=0.2, chunk=128, batch=16, seed=1, smooth=[0, 1, 1.5], dropout=0.0, target='teacher', balance=0.5, grid=True, grid_weight=1.0,
               corr=0.0, corr_targets=1, tempo=0.0, warp=0.0, noise_p=0.0, snr=(10, 30), mask=0, cal='train', flux=False, cvn=False, voicing=False,
               phon=0.0, ens=1, dip=0.0, distil=0, distil_mix=0.5, cues=0, cue_sigma=0.0, cue_keep='ABCDEFGHX',
               asym=0.0, tnorm='all', cal_bottom=0.0, smile=0.0, shut=0.0, shut_label='jaw', reverb=0.0, bandlim=0.0)


N_PHONEMES = 42  # StyleTalk's phoneme ids (0..40 seen) and a spare
PHONEME_DIR = os.path.join(os.path.dirname(__file__), '../../../../../shared/data/train/clips')


def phonemes_25fps(name, n):
    """the clip's per-frame phoneme ids (30 fps of the original) at our 25 fps frames, -1 where there are none"""
    f = os.path.join(PHONEME_DIR, f'{name}.phonemes30fps.json')
    out = np.full(n, -1, np.int64)
    if os.path.exists(f):
        ids = json.load(open(f))
        at = np.floor((np.arange(n) + 0.5) * 30 / 25).astype(int)
        ok = at < len(ids)
        out[ok] = np.array(ids)[at[ok]]
    return out


class Ensemble(torch.nn.Module):
    """the mean output of several networks trained on the same data with different seeds"""

    def __init__(self, members):
        super().__init__()
        self.members = torch.nn.ModuleList(members)

    def forward(self, x):
        return torch.stack([m(x) for m in self.members]).mean(0)


def make_model(r, dim_in, dim_out):
    if r['model'] == 'tcn':
        return Tcn(dim_in, dim_out, r['channels'], r['dilations'], r['lookahead'], N_PHONEMES if r['phon'] > 0 else 0, r['shut'] > 0)
    if r['model'] == 'gru':
        return Gru(dim_in, dim_out, r['channels'], r['hidden'], r['bidirectional'])
    return PooledMlp(dim_in, dim_out)


def with_band_variance(mel):
    """per-file variance normalisation of the bands over speech frames (the product removes only their mean)"""
    speech = mel[:, 0] >= -4.6
    if speech.sum() < 20:
        return mel
    sd = mel[speech, 1:].std(0)
    out = mel.copy()
    out[:, 1:] = mel[:, 1:] * (np.mean(sd) / np.maximum(sd, 1e-3))[None]
    return out


def cue_inputs(cues, mode, sigma, keep='ABCDEFGHX'):
    """Rhubarb's per-frame cue fractions as extra inputs: mode 1 the cues named in `keep` (all nine
    by default), 2 one hand-set opening number (closed A/X, mid B/C/E/F/G/H, open D), each smoothed
    by `sigma` frames"""
    if mode == 1:
        cues = cues[:, ['ABCDEFGHX'.index(k) for k in keep]]
    if mode == 2:
        opening = np.array([0.0, 0.25, 0.75, 1.0, 0.6, 0.35, 0.25, 0.6, 0.0], np.float32)
        cues = (cues @ opening)[:, None]
    if sigma > 0:
        cues = np.stack([gaussian(cues[:, k], sigma) for k in range(cues.shape[1])], 1)
    return cues.astype(np.float32)


def prepare(clips, target, flux=False, cvn=False, voicing=False, cues=0, cue_sigma=0.0, cue_keep='ABCDEFGHX', tnorm='all'):
    for c in clips:
        c.setdefault('mel0', c['mel'])
        c['mel'] = with_band_variance(c['mel0']) if cvn else c['mel0']
        if voicing:
            m = c['mel']
            v = c['voicing'][:m.shape[0]]
            c['mel'] = np.concatenate([m, np.pad(v, ((0, m.shape[0] - v.shape[0]), (0, 0)))], 1).astype(np.float32)
        c['X'] = stacked_frames(c['mel'], c['n'], flux)
        if cues:
            c['X'] = np.concatenate([c['X'], cue_inputs(c['cues'], cues, cue_sigma, cue_keep)], 1)
        c['ph'] = phonemes_25fps(c['name'], c['n'])
        Y = c['Y'].copy()
        if target == 'gap':
            Y[:, 0] = np.nan_to_num(c['gap'], nan=0.0)
        elif target == 'video':
            Y[:, 0] = c['videoJaw']
        c['Yraw'] = Y
        # tnorm 'speech': each clip's targets standardised over its speech frames only (its own speech range)
        over = c['valid'] & (c['speech'] >= 0.5) if tnorm == 'speech' and (c['valid'] & (c['speech'] >= 0.5)).sum() >= 10 else c['valid']
        c['Yz'] = standardise_targets(dict(Y=Y, valid=over))
        # the curve scored against: the measure (motion --video jawOpen), or the raw gap when trained on it
        c['ref'] = np.nan_to_num(c['gap'], nan=float(np.nanmedian(c['gap']))) if target == 'gap' else c['videoJaw']


def train(clips, r, log=False):
    if r['distil'] > 1:
        # one student on a mix of the teacher's targets and the mean output of `distil` networks
        ens, mean, std = train(clips, dict(r, distil=0, ens=r['distil']), log)
        taught = [dict(c, Yz=((1 - r['distil_mix']) * c['Yz'] + r['distil_mix'] * predict(ens, mean, std, c)).astype(np.float32)) for c in clips]
        return train(taught, dict(r, distil=0, ens=1, seed=r['seed'] + 7), log)
    if r['ens'] > 1:
        members = [train(clips, dict(r, ens=1, seed=r['seed'] + 1000 * k), log) for k in range(r['ens'])]
        return Ensemble([m for m, _, _ in members]), members[0][1], members[0][2]
    rng = np.random.default_rng(r['seed'])
    torch.manual_seed(r['seed'])
    X = np.concatenate([c['X'] for c in clips])
    mean = X.mean(0); std = np.sqrt(np.maximum(1e-6, X.var(0)))
    frames_per_speaker = {}
    for c in clips:
        frames_per_speaker[c['speaker']] = frames_per_speaker.get(c['speaker'], 0) + c['n']
    T = clips[0]['Yz'].shape[1]
    model = make_model(r, X.shape[1], T)
    opt = torch.optim.Adam(model.parameters(), lr=r['lr'], weight_decay=r['decay'])
    tw = torch.tensor(np.append(TARGET_WEIGHT, np.float32(r['smile']))[:T])
    L = r['chunk']
    weight = {c['name']: min(1.0, 1500 / frames_per_speaker[c['speaker']]) ** r['balance'] * (r['grid_weight'] if c['speaker'] == 'grid_s1' else 1.0) for c in clips}
    # chunks of whole clips (augmented anew each epoch when the recipe asks); each epoch a new random phase
    def chunks(augment):
        out = []
        for c in clips:
            v = augmented_view(c, r, rng) if augment else c
            w = weight[c['name']]
            start = -int(rng.integers(0, L))
            for s in range(start, v['n'], L):
                a, b = max(0, s), min(v['n'], s + L)
                if b - a >= 8:
                    out.append((v, a, b, w))
        rng.shuffle(out)
        return out
    n_batches = (len(chunks(False)) + r['batch'] - 1) // r['batch']
    total = n_batches * r['epochs']
    step = 0
    for ep in range(r['epochs']):
        ch = chunks(any_augmentation(r))
        for k in range(0, len(ch), r['batch']):
            part = ch[k:k + r['batch']]
            Lb = max(b - a for _, a, b, _ in part)
            xb = np.zeros((len(part), Lb, X.shape[1]), np.float32)
            yb = np.zeros((len(part), Lb, T), np.float32)
            wb = np.zeros((len(part), Lb), np.float32)
            pb = np.full((len(part), Lb), -1, np.int64)
            sb = np.zeros((len(part), Lb), np.float32)
            lb = np.full((len(part), Lb), -1, np.int64)
            for i, (c, a, b, w) in enumerate(part):
                if 'ph' in c:
                    pb[i, :b - a] = c['ph'][a:b]
                xb[i, :b - a] = (c['X'][a:b] - mean) / std
                yb[i, :b - a] = c['Yz'][a:b]
                wb[i, :b - a] = c['valid'][a:b] * w
                if 'speech' in c:
                    sb[i, :b - a] = c['speech'][a:b]
                if 'shutY' in c:
                    lb[i, :b - a] = c['shutY'][a:b]
            xt = torch.from_numpy(spec_mask(xb, r, rng))
            xt = xt + r['noise'] * torch.randn_like(xt)
            lr = r['lr'] * 0.5 * (1 + np.cos(np.pi * step / total))
            for g in opt.param_groups:
                g['lr'] = lr
            loss = lip_loss(model(xt), torch.from_numpy(yb), torch.from_numpy(wb), tw, r['corr'], r['corr_targets'], torch.from_numpy(sb), r['asym'])
            if r['phon'] > 0 and (pb >= 0).any():
                logits = model.aux_logits
                loss = loss + r['phon'] * F.cross_entropy(logits.reshape(-1, logits.shape[2]), torch.from_numpy(pb).reshape(-1), ignore_index=-1)
            if r['shut'] > 0:
                loss = loss + r['shut'] * shut_loss(model, torch.from_numpy(lb), torch.from_numpy(wb))
            opt.zero_grad(); loss.backward(); opt.step(); step += 1
        if log:
            print(f'  epoch {ep + 1} loss {loss.item():.3f}', flush=True)
    model.eval()
    return model, mean, std


def predict(model, mean, std, c):
    with torch.no_grad():
        return model(torch.from_numpy(((c['X'] - mean) / std)[None].astype(np.float32)))[0].numpy().astype(np.float64)


# dips kept through the output smoothing: the smoothed curve less DIP times how far a light smoothing
# (sigma 0.5) falls below it, so short closures (p/b/m, ~60-100 ms) are not blurred away; set per run
DIP = 0.0
# knots of the jaw's calibration up to this percentile mapped to the real's mean there (data.py mean_bottom); per run
CAL_BOTTOM = 0.0


def smoothed(x, sigma):
    s = gaussian(x, sigma)
    return s - DIP * np.maximum(0, s - gaussian(x, 0.5)) if DIP > 0 else s


def calibrate(model, mean, std, clips, sigma):
    pred, real = [], []
    for c in clips:
        p = smoothed(predict(model, mean, std, c)[:, 0], sigma)
        m = c['valid'] & (c['speech'] >= 0.5)
        pred.append(p[m]); real.append(c['Yraw'][m, 0])
    pred, real = np.concatenate(pred), np.concatenate(real)
    qmap = quantile_map(pred, real)
    return mean_bottom(*qmap, pred, real, CAL_BOTTOM) if CAL_BOTTOM > 0 else qmap


def jaw(model, mean, std, c, sigma, qmap):
    p = smoothed(predict(model, mean, std, c)[:, 0], sigma)
    return postprocess(map_through(p, *qmap), c['speech'])


def parse_value(v, old):
    if isinstance(old, bool):
        return v in ('1', 'true')
    for kind in (int, float):
        try:
            return kind(v)
        except ValueError:
            pass
    return v


def parse_recipe(name):
    """NAME[:key=value...][@SEED]: a recipe, optionally with fields overridden, and a seed"""
    spec, _, seed = name.partition('@')
    base, *over = spec.split(':')
    r = dict(DEFAULT, **RECIPES[base])
    for kv in over:
        k, v = kv.split('=')
        r[k] = parse_value(v, r.get(k))
    if seed:
        r['seed'] = int(seed)
    return r


def oof_maps(fold_models, fold_clips, sigma):
    """calibration of fold k from the other folds' models on their own unheard speakers (cross-fitted)"""
    pred, real = [], []
    for (model, mean, std), cl in zip(fold_models, fold_clips):
        pk, rk = [], []
        for c in cl:
            p = smoothed(predict(model, mean, std, c)[:, 0], sigma)
            m = c['valid'] & (c['speech'] >= 0.5)
            pk.append(p[m]); rk.append(c['Yraw'][m, 0])
        pred.append(np.concatenate(pk)); real.append(np.concatenate(rk))
    K = len(fold_models)
    return [quantile_map(np.concatenate([pred[j] for j in range(K) if j != k]), np.concatenate([real[j] for j in range(K) if j != k])) for k in range(K)]


def run(name, clips, folds, out=None):
    global DIP, CAL_BOTTOM
    r = parse_recipe(name)
    DIP = r['dip']
    CAL_BOTTOM = r['cal_bottom']
    t0 = time.time()
    prepare(clips, r['target'], r['flux'], r['cvn'], r['voicing'], r['cues'], r['cue_sigma'], r['cue_keep'], r['tnorm'])
    train_clips = [c for c in clips if c['role'] == 'train' and (r['grid'] or c['speaker'] != 'grid_s1')]
    held = [c for c in clips if c['role'] == 'heldout']
    fits = [[c for c in train_clips if c['speaker'] not in fold] for fold in folds]
    fold_clips = [[c for c in train_clips if c['speaker'] in fold] for fold in folds]
    if r['smile'] > 0:
        with_smile_target(clips)
    for c in clips:
        c.pop('shutY', None)
        if r['shut'] > 0:
            c['shutY'] = shut_labels(c, r['shut_label'])
    models = [train(fit, r) for fit in fits]
    if r['smile'] > 0:
        print('   ' + smile_line(models, fold_clips, held, predict))
    result = dict(name=name, recipe={k: v for k, v in r.items() if k != 'dilations'})
    dump = {} if os.environ.get('LIPSEQ_DUMP') else None
    for s in r['smooth']:
        rows, held_r, murmur, heads = [], [], MurmurStats(), (ShutStats(), ShutStats())
        maps = oof_maps(models, fold_clips, s) if r['cal'] == 'oof' else [calibrate(*m, fit, s) for m, fit in zip(models, fits)]
        for (model, mean, std), q, cl in zip(models, maps, fold_clips):
            for c in cl:
                j = jaw(model, mean, std, c, s, q)
                rows.append((c['speaker'], best_lag(j, c['ref'], 3)[0], c['n']))
                murmur.add(c, j)
                if r['shut'] > 0 and s == r['smooth'][-1]:
                    heads[0].add(c, j, shut_probs(model, mean, std, c))
            if r['shut'] > 0 and s == r['smooth'][-1]:
                for c in held:
                    heads[1].add(c, jaw(model, mean, std, c, s, q), shut_probs(model, mean, std, c))
            held_r.append([best_lag(jaw(model, mean, std, c, s, q), c['ref'], 3)[0] for c in held])
            if dump is not None and s == r['smooth'][-1]:
                # the curves themselves (held-out clips from every fold model: Katie's is fold 1's), for plots
                for c in cl + held:
                    dump.setdefault(c['name'], dict(ref=c['ref'].tolist(), jaw=jaw(model, mean, std, c, s, q).tolist(), gap=np.nan_to_num(c['gap'], nan=-1).tolist(),
                                                    shut=shut_probs(model, mean, std, c).tolist() if r['shut'] > 0 else [], cues=c.get('cues', np.zeros((c['n'], 9))).tolist()))
        sp = per_speaker(rows)
        h = np.array(held_r).mean(0)
        print(f'== {name} smooth {s}: mean r {np.mean(list(sp.values())):.3f} over {len(sp)}; katie {h[0]:.3f} ({" ".join(f"{x[0]:.3f}" for x in held_r)}); mt_sun {h[1]:.3f}  [{time.time() - t0:.0f} s]')
        result[f'smooth{s}'] = dict(mean=float(np.mean(list(sp.values()))), speakers=sp, katie=float(h[0]), mt_sun=float(h[1]), murmur=murmur.summary())
    print('   ' + murmur.line())
    if r['shut'] > 0:
        result['shut_head'] = dict(folds=heads[0].lines(), katie_mt_sun=heads[1].lines())
        print('   held-out folds:\n     ' + '\n     '.join(heads[0].lines()) + '\n   Katie + mt_sun (3 fold models):\n     ' + '\n     '.join(heads[1].lines()))
    print('   per speaker: ' + ', '.join(f'{k.replace("pcavs_", "").replace("styletalk_", "")} {v:.2f}' for k, v in sorted(sp.items())), flush=True)
    if dump is not None:
        with open(os.path.join(os.environ['LIPSEQ_DUMP'], name.replace(':', '_') + '.json'), 'w') as f:
            json.dump(dump, f)
    if out:
        with open(out, 'a') as f:
            f.write(json.dumps(result) + '\n')


if __name__ == '__main__':
    clips, idx = load(sys.argv[1])
    out = os.environ.get('LIPSEQ_RESULTS')  # one JSON line per run, for the paired comparisons (compare.py)
    for name in sys.argv[2:]:
        run(name, clips, idx['folds'], out)

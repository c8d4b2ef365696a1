# Trains the sequence lip model's networks for `npm run train:mouth` (training tooling; Debian
# python3-torch, one thread, seeded: the same data and seed give the same weights). Writes one
# network per speaker fold (fold1.json..) and the final one (final.json) as lipTcn.ts layers; the
# calibration, the fold scores and the model file are done in TypeScript (trainLips.ts) with the
# product's forward pass.
#   /usr/bin/python3 src/motion/train/lipseq/train.py DATA_DIR OUT_DIR RECIPE[:key=value...] SEED
import json
import os
import sys
import experiment as ex
from data import load
from export import tcn_json


def main():
    data_dir, out_dir, name, seed = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    clips, idx = load(data_dir)
    r = dict(ex.parse_recipe(name), seed=seed)  # NAME[:key=value...], as experiment.py reads it
    ex.prepare(clips, r['target'], r['flux'], r['cvn'], r['voicing'], tnorm=r['tnorm'])
    train_clips = [c for c in clips if c['role'] == 'train']
    os.makedirs(out_dir, exist_ok=True)
    jobs = [(f'fold{k + 1}', [c for c in train_clips if c['speaker'] not in fold]) for k, fold in enumerate(idx['folds'])]
    jobs.append(('final', train_clips))
    for tag, fit in jobs:
        model, mean, std = ex.train(fit, r)
        with open(os.path.join(out_dir, f'{tag}.json'), 'w') as f:
            json.dump(tcn_json(model, mean, std, idx['targets'], r['flux']), f)
        print(f'[train.py] {tag}: {len(fit)} clips', flush=True)


main()

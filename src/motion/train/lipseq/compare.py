# Paired comparison of lip recipes over seeds (training tooling only), from the JSON lines
# experiment.py writes with LIPSEQ_RESULTS=FILE:
#   /usr/bin/python3 compare.py FILE [BASELINE] [SMOOTH]
# Per recipe: mean r at each seed, their mean, the mean paired difference to the baseline at the
# same seed and its spread over seeds, speakers better / worse (seed-averaged), Katie, mt_sun and
# the loud-frame ("murmuring") figures.
import json
import sys
import numpy as np


def main():
    rows = [json.loads(l) for l in open(sys.argv[1])]
    base = sys.argv[2] if len(sys.argv) > 2 else 'tcn'
    key = f'smooth{sys.argv[3] if len(sys.argv) > 3 else "1.5"}'
    runs = {}
    for r in rows:
        name, _, seed = r['name'].partition('@')
        runs.setdefault(name, {})[seed or '1'] = r[key]
    b = runs[base]
    print(f'{"recipe":34s} {"mean r per seed":22s} {"mean":>6s} {"diff":>7s} {"+-":>6s} {"better/worse":>12s} {"katie":>6s} {"mt_sun":>6s} {"loud med/p90":>12s} {"silent>0.1":>10s} {"shut/false":>11s}')
    for name, by_seed in runs.items():
        seeds = sorted(by_seed)
        means = [by_seed[s]['mean'] for s in seeds]
        paired = [by_seed[s]['mean'] - b[s]['mean'] for s in seeds if s in b]
        sp = {k: np.mean([by_seed[s]['speakers'][k] for s in seeds]) for k in by_seed[seeds[0]]['speakers']}
        bs = [s for s in seeds if s in b]
        spb = {k: np.mean([b[s]['speakers'][k] for s in bs]) for k in sp} if bs else sp
        better = sum(sp[k] > spb[k] + 0.01 for k in sp)
        worse = sum(sp[k] < spb[k] - 0.01 for k in sp)
        m = [by_seed[s]['murmur'] for s in seeds]
        print(f'{name:34s} {" ".join(f"{x:.3f}" for x in means):22s} {np.mean(means):6.3f} {np.mean(paired) if paired else 0:+7.3f} {np.std(paired) if paired else 0:6.3f} {better:5d}/{worse:<6d}'
              f' {np.mean([by_seed[s]["katie"] for s in seeds]):6.3f} {np.mean([by_seed[s]["mt_sun"] for s in seeds]):6.3f}'
              f' {np.mean([x["ours_med"] for x in m]):.3f}/{np.mean([x["ours_p90"] for x in m]):.3f} {np.mean([x["silent_over_01"] for x in m]) * 100:9.1f}%'
              f' {np.mean([x.get("shut_ours", np.nan) for x in m]) * 100:5.1f}/{np.mean([x.get("false_shut", np.nan) for x in m]) * 100:4.1f}%')
    real = rows[0][key]['murmur']
    print(f'real (teacher) at the same loud frames: median {real["real_med"]:.3f}, p90 {real["real_p90"]:.3f}')


main()

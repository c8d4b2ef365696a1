# Training-time augmentation of the lip data for speaker independence (training tooling only).
# Everything works on the product's per-file normalised 100 Hz log-mel (lipFeatures.ts): energy in
# natural-log power relative to the file's loud level, bands relative to their mean over speech
# frames. That normalisation already cancels a constant gain and any stationary spectral tilt
# (a linear filter adds a constant per band, which the band mean removes), so those two are not
# augmented here; additive noise, tempo and vocal-tract-length (band-axis) warps are not cancelled.
import numpy as np
from data import FLOOR, stacked_frames

CEIL = 3.0
SPEECH_GATE = 4.6


def tempo(mel, Y, valid, factor):
    """Plays the clip `factor` times faster: the 100 Hz frames and the 25 fps targets are resampled
    together by linear interpolation (spectra unchanged: tempo without pitch change)."""
    n100, n = mel.shape[0], Y.shape[0]
    m100 = max(4, int(round(n100 / factor)))
    m = max(2, int(round(n / factor)))
    src100 = np.minimum(np.arange(m100) * factor, n100 - 1)
    src = np.minimum(np.arange(m) * factor, n - 1)
    return interp_rows(mel, src100), interp_rows(Y, src), valid[np.round(src).astype(int)]


def interp_rows(a, src):
    i0 = np.floor(src).astype(int)
    i1 = np.minimum(i0 + 1, a.shape[0] - 1)
    f = (src - i0)[:, None].astype(np.float32)
    return (a[i0] * (1 - f) + a[i1] * f).astype(np.float32)


def band_warp(mel, alpha):
    """Vocal-tract-length warp: band b reads the spectrum at band b * alpha (edge bands clamped)."""
    bands = mel[:, 1:]
    B = bands.shape[1]
    src = np.clip(np.arange(B) * alpha, 0, B - 1)
    warped = interp_rows(bands.T, src).T
    return np.concatenate([mel[:, :1], warped], 1)


def add_noise(mel, snr_db, tilt):
    """Stationary noise `snr_db` below the loud-speech level (band b: tilted by `tilt` dB from the
    lowest to the highest band), added in the power domain, then normalised again as the product does."""
    e = mel[:, 0].astype(np.float64)
    rel = mel[:, 1:] - np.minimum(0, e)[:, None]  # band power relative to its speech mean
    B = rel.shape[1]
    noise = -(snr_db + tilt * (np.arange(B) / (B - 1) - 0.5)) * np.log(10) / 10
    e2 = np.logaddexp(e, -snr_db * np.log(10) / 10)
    rel2 = np.logaddexp(rel, noise[None])
    e2 = e2 - np.percentile(e2, 95)
    speech = e2 >= -SPEECH_GATE
    if speech.sum() > 10:
        rel2 = rel2 - rel2[speech].mean(0)[None]
    out = np.concatenate([e2[:, None], rel2 + np.minimum(0, e2)[:, None]], 1)
    return np.clip(out, FLOOR, CEIL).astype(np.float32)


def augmented_view(c, r, rng):
    """One random variant of a clip for one epoch: X rows, standardised targets, mask."""
    mel, Y, valid = c['mel'], c['Yz'], c['valid']
    if r.get('noise_p', 0) > 0 and rng.random() < r['noise_p']:
        mel = add_noise(mel, rng.uniform(*r['snr']), rng.uniform(-15, 15))
    if r.get('warp', 0) > 0:
        mel = band_warp(mel, 1 + rng.uniform(-r['warp'], r['warp']))
    if r.get('tempo', 0) > 0:
        mel, Y, valid = tempo(mel, Y, valid, 1 + rng.uniform(-r['tempo'], r['tempo']))
    n = Y.shape[0]
    return dict(speaker=c['speaker'], n=n, X=stacked_frames(mel, n, r.get('flux', False)), Yz=Y, valid=valid)


def any_augmentation(r):
    return r.get('noise_p', 0) > 0 or r.get('warp', 0) > 0 or r.get('tempo', 0) > 0


def spec_mask(xb, r, rng):
    """SpecAugment-style masks on a standardised batch (B x T x 4D): zero (= the training mean)
    one random band range and one random time range per sequence."""
    if not r.get('mask', 0):
        return xb
    B, T, W = xb.shape
    D = W // 4
    for i in range(B):
        w = int(rng.integers(0, r['mask'] + 1))
        b0 = int(rng.integers(1, D - w)) if w else 0
        for k in range(4):
            xb[i, :, k * D + b0:k * D + b0 + w] = 0
        tl = int(rng.integers(0, 6))
        t0 = int(rng.integers(0, max(1, T - tl)))
        xb[i, t0:t0 + tl] = 0
    return xb

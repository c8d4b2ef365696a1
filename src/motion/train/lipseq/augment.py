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
    at = np.round(src).astype(int)
    return interp_rows(mel, src100), interp_rows(Y, src), valid[at], at


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


def mel_centres_hz(B=24, fmin=80.0, fmax=7600.0):
    """centre frequency of each mel band (features.ts melBandCentresHz)"""
    mel = lambda f: 2595 * np.log10(1 + f / 700)
    lo, hi = mel(fmin), mel(fmax)
    return 700 * (10 ** ((lo + (hi - lo) * (np.arange(B) + 1) / (B + 1)) / 2595) - 1)


def split_power(mel):
    """(energy, band power relative to its speech mean) in natural-log units from normalised frames;
    frames at the floor read as floor in every band (not as the speech mean, which the band value
    + loudness would give where both were clipped)"""
    e = mel[:, 0].astype(np.float64)
    rel = mel[:, 1:].astype(np.float64) - np.minimum(0, e)[:, None]
    quiet = e <= FLOOR + 0.5
    rel[quiet] = FLOOR
    return e, rel


def renormalise(e, rel):
    """the product's per-file normalisation again (lipFeatures.ts normaliseLogMel) on log powers"""
    e2 = e - np.percentile(e, 95)
    speech = e2 >= -SPEECH_GATE
    if speech.sum() > 10:
        rel = rel - rel[speech].mean(0)[None]
    out = np.concatenate([e2[:, None], rel + np.minimum(0, e2)[:, None]], 1)
    return np.clip(out, FLOOR, CEIL).astype(np.float32)


def one_pole_tail(p, a, g):
    """tail(t) = a tail(t-1) + g p(t-1) along axis 0 (an exponential reverberation tail), as an FFT
    convolution with the kernel g a^(k-1), k >= 1, cut where it is 40 dB down"""
    K = int(np.ceil(np.log(1e-4) / np.log(a))) + 1
    k = np.concatenate([[0.0], g * a ** np.arange(K)])
    if p.ndim == 1:
        return one_pole_tail(p[:, None], a, g)[:, 0]
    n = p.shape[0] + len(k) - 1
    size = 1 << int(np.ceil(np.log2(n)))
    full = np.fft.irfft(np.fft.rfft(p, size, axis=0) * np.fft.rfft(k, size)[:, None], size, axis=0)
    return np.maximum(0, full[:p.shape[0]])


def reverb(mel, rt60, drr_db):
    """Room reverberation as an exponential power tail per band (100 Hz frames): decay 60 dB over
    `rt60` s, tail energy `drr_db` below the direct sound; the tail fills pauses and smears closures."""
    e, rel = split_power(mel)
    a = 10 ** (-0.06 / rt60)  # power decay per 10 ms frame (60 dB over rt60)
    g = (1 - a) * 10 ** (-drr_db / 10)  # the whole tail sums to drr_db under the direct sound

    def with_tail(logp):
        p = np.exp(logp)
        tail = one_pole_tail(p, a, g)
        return np.log(p + tail)
    return renormalise(with_tail(e), with_tail(rel))


def band_limit(mel, lo_hz, hi_hz, floor_db):
    """A phone or laptop microphone: bands below `lo_hz` / above `hi_hz` fall 24 dB per octave
    into a noise floor `floor_db` under the band's speech mean (a constant filter alone is
    cancelled by the band-mean removal; what survives is the lost detail)."""
    e, rel = split_power(mel)
    f = mel_centres_hz(rel.shape[1])
    octaves = np.maximum(0, np.log2(lo_hz / f)) + np.maximum(0, np.log2(f / hi_hz))
    att = 24 * octaves * np.log(10) / 10
    rel2 = np.logaddexp(rel - att[None], -floor_db * np.log(10) / 10)
    # the energy loses what the cut bands carried (bands as equal shares of the total)
    e2 = e + np.log(np.mean(np.exp(np.minimum(rel2 - rel, 0)), 1))
    return renormalise(e2, rel2)


def augmented_view(c, r, rng):
    """One random variant of a clip for one epoch: X rows, standardised targets, mask."""
    mel, Y, valid = c['mel'], c['Yz'], c['valid']
    at = np.arange(c['n'])  # the source frame of each output frame (moved by tempo)
    if r.get('noise_p', 0) > 0 and rng.random() < r['noise_p']:
        mel = add_noise(mel, rng.uniform(*r['snr']), rng.uniform(-15, 15))
    if r.get('reverb', 0) > 0 and rng.random() < r['reverb']:
        mel = reverb(mel, rng.uniform(0.2, 0.7), rng.uniform(0, 10))
    if r.get('bandlim', 0) > 0 and rng.random() < r['bandlim']:
        mel = band_limit(mel, rng.uniform(200, 400), rng.uniform(3000, 5000), rng.uniform(20, 35))
    if r.get('warp', 0) > 0:
        mel = band_warp(mel, 1 + rng.uniform(-r['warp'], r['warp']))
    if r.get('tempo', 0) > 0:
        mel, Y, valid, at = tempo(mel, Y, valid, 1 + rng.uniform(-r['tempo'], r['tempo']))
    n = Y.shape[0]
    # per-frame labels (phoneme ids, speech activity, shut labels) follow their frames
    labels = {k: c[k][at] for k in ('ph', 'speech', 'shutY') if k in c}
    return dict(speaker=c['speaker'], n=n, X=stacked_frames(mel, n, r.get('flux', False)), Yz=Y, valid=valid, **labels)


def any_augmentation(r):
    return any(r.get(k, 0) > 0 for k in ('noise_p', 'warp', 'tempo', 'reverb', 'bandlim'))


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

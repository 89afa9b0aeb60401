#!/usr/bin/env python3
"""Independent numpy reference for the analyses of ../shared/reference/folk-rnn-v2-analysis-posts.txt
(parts 2-5), written from the posts' definitions and core/analysis/TRACE-FORMAT.md, not from the C++.

  numpy_analyses.py run --trace RUN.h5 --out REF.h5 [options]     run analyses of a recorded trace
  numpy_analyses.py weights --model MODEL.h5 --out REF.h5 [options] weight analyses of a model

Conventions (the posts write z = W x with column vectors; our files store Lasagne's row-vector
matrices, z = x.W): the posts' softmax V (V x H) is softmax/W transposed, so unit u's V-vector
is row u of softmax/W; the posts' column k of W_x* is row k of W_x*; column j of W_h* is row j.
Everything is computed in float64 from the stored float32 values.
"""
import argparse

import h5py
import numpy as np

GATES = "ifco"
SIGNALS = "hcifog"


def sigmoid(v):
    return 1.0 / (1.0 + np.exp(-v))


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / e.sum()


def normalise_rows(a):
    n = np.linalg.norm(a, axis=1, keepdims=True)
    return np.divide(a, n, out=np.zeros_like(a), where=n > 0)


def f64(ds):
    return np.asarray(ds[()], dtype=np.float64)


# ----------------------------------------------------------------------------------------------
# Run analyses (part 5)


def fft_length(steps, requested):
    """TRACE-FORMAT.md: the requested N, or the next power of two >= T when the run is longer."""
    if steps <= requested:
        return requested
    n = 1
    while n < steps:
        n *= 2
    return n


def spectra(x, requested, remove_mean=False):
    """'Zero-padding each sequence to be length 512, taking their DFT, and computing the magnitude
    in dB (with reference to the maximum magnitude of each unit)'. x: [T, H]."""
    T, H = x.shape
    N = fft_length(T, requested)
    seq = x.T.copy()
    if remove_mean and T:
        seq -= seq.mean(axis=1, keepdims=True)
    mag = np.abs(np.fft.rfft(seq, n=N, axis=1))  # [H, N/2+1]
    peak = mag.max(axis=1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        db = 20.0 * np.log10(mag / peak)
    period = N / (1.0 + np.argmax(mag[:, 1:], axis=1))
    period[peak[:, 0] == 0] = np.nan
    return N, db, period


def period_query(db, N, floor, period, tol):
    """Units with visible energy (>= floor) at a bin whose period N/k is within period +- tol
    (the bin nearest N/period always asked), ranked by that bin's dB, highest first."""
    F = db.shape[1]
    bins = [k for k in range(1, F) if abs(N / k - period) <= tol]
    nearest = min(max(int(np.floor(N / period + 0.5)), 1), max(1, F - 1))
    if nearest < F and nearest not in bins:
        bins.append(nearest)
    bins = np.array(sorted(bins))
    units, peaks, periods = [], [], []
    for u in range(db.shape[0]):
        vals = db[u, bins]
        ok = vals >= floor
        if not ok.any():
            continue
        k = bins[ok][np.argmax(vals[ok])]
        units.append(u)
        peaks.append(db[u, k])
        periods.append(N / k)
    order = np.argsort(-np.array(peaks), kind="stable") if units else np.array([], dtype=int)
    return (np.array(units, dtype=np.int32)[order], np.array(peaks)[order], np.array(periods)[order], bins)


def token_association(x, tokens, V, lag):
    """mean of x_{t-lag}[u] over the steps t whose token (the one taken after x_t) is k."""
    T, H = x.shape
    mean = np.full((V, H), np.nan)
    count = np.zeros(V, dtype=np.int32)
    for k in range(V):
        steps = [t - lag for t in range(T) if tokens[t] == k and t >= lag]
        count[k] = len(steps)
        if steps:
            mean[k] = x[steps].mean(axis=0)
    return mean, count, x.mean(axis=0)


def run_analyses(a):
    with h5py.File(a.trace, "r") as f, h5py.File(a.out, "w") as out:
        tokens = np.asarray(f["tokens"][()])
        vocab = [t.decode() if isinstance(t, bytes) else t for t in f["vocabulary"][()]]
        V = len(vocab)
        j = 1
        while f"layer{j}" in f:
            for sig in a.signals:
                x = f64(f[f"layer{j}/{sig}"])
                g = out.create_group(f"layer{j}/{sig}")
                T, H = x.shape
                # Part 5: sorted activations and sparsity.
                g["sorted"] = np.sort(x, axis=1)
                g["small_fraction"] = (np.abs(x) < a.small).mean(axis=1)
                g["large_fraction"] = (np.abs(x) > a.large).mean(axis=1)
                g["overall"] = np.array([(np.abs(x) < a.small).mean(), (np.abs(x) > a.large).mean(),
                                         (np.abs(x) > a.large).sum(axis=1).mean()])
                # Maximum magnitude of each unit, sorted.
                m = np.abs(x).max(axis=0)
                g["max_magnitude"] = m
                g["max_order"] = np.argsort(m, kind="stable").astype(np.int32)
                # DFT over steps.
                N, db, period = spectra(x, a.fft_length, a.remove_mean)
                g["spectrum_db"] = db
                g["strongest_period"] = period
                g.attrs["fft_length"] = N
                units, peaks, periods, bins = period_query(db, N, a.floor_db, a.period, a.tolerance)
                g["period_units"] = units
                g["period_peak_db"] = peaks
                g["period_period"] = periods
                g["period_bins"] = bins.astype(np.int32)
                # Unit-versus-token association.
                for lag in (0, 1):
                    mean, count, unit_mean = token_association(x, tokens, V, lag)
                    g[f"assoc_mean_lag{lag}"] = mean
                    g[f"assoc_count_lag{lag}"] = count
                g["unit_mean"] = unit_mean
                if "|" in vocab and (tokens == vocab.index("|")).any():
                    k = vocab.index("|")
                    mean, _, unit_mean = token_association(x, tokens, V, 0)
                    contrast = mean[k] - unit_mean
                    g["bar_units"] = np.argsort(-contrast, kind="stable").astype(np.int32)
                    g["bar_contrast"] = contrast
            j += 1


# ----------------------------------------------------------------------------------------------
# Weight analyses (parts 2-4)


def load_model(path):
    with h5py.File(path, "r") as f:
        vocab = [t.decode() if isinstance(t, bytes) else t for t in f["vocabulary"][()]]
        layers = []
        j = 1
        while f"lstm/layer{j}" in f:
            g = f[f"lstm/layer{j}"]
            layers.append({k: f64(g[k]).reshape(-1) if k.startswith(("b_", "h0", "c0")) else f64(g[k])
                           for k in g.keys()})
            j += 1
        return vocab, layers, f64(f["softmax/W"]), f64(f["softmax/b"])


def gramian(items):
    """The Gramian of the normalised columns (posts' orientation) = of our normalised rows."""
    n = normalise_rows(items)
    return n @ n.T


def write_gramian(g, G, pairs):
    g["gramian"] = G
    var = G.var(axis=1)
    g["row_variance"] = var
    g["variance_order"] = np.argsort(var, kind="stable").astype(np.int32)
    a, b = np.triu_indices(G.shape[0], 1)
    vals = G[a, b]
    alike = np.argsort(-vals, kind="stable")[:pairs]
    opposed = np.argsort(vals, kind="stable")[:pairs]
    g["alike"] = np.stack([a[alike], b[alike]], axis=1).astype(np.float64)
    g["alike_cos"] = vals[alike]
    g["opposed"] = np.stack([a[opposed], b[opposed]], axis=1).astype(np.float64)
    g["opposed_cos"] = vals[opposed]


def alpha_by_softmax(delta, p, rng):
    """Part 2's definition: [p']_n = alpha [p]_n with p' = softmax(w + delta e_n)."""
    w = rng.normal(0, 1, 12)
    n = 3
    others = np.exp(np.delete(w, n)).sum()
    w[n] = np.log(p / (1 - p) * others)  # so that softmax(w)[n] = p
    p0 = softmax(w)[n]
    e = np.zeros_like(w)
    e[n] = delta
    return softmax(w + e)[n] / p0, w, n


def delta_by_bisection(alpha, p, rng):
    """The delta that makes softmax(w + delta e_n)[n] = alpha p, found by bisection on the definition."""
    _, w, n = alpha_by_softmax(0.0, p, rng)
    target = alpha * softmax(w)[n]
    lo, hi = -60.0, 60.0
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        e = np.zeros_like(w)
        e[n] = mid
        if softmax(w + e)[n] < target:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


def weight_analyses(a):
    vocab, layers, W, b = load_model(a.model)
    rng = np.random.RandomState(7)
    with h5py.File(a.out, "w") as out:
        # Part 2: Gramian of the softmax matrix over units.
        write_gramian(out.create_group("gramian_softmax"), gramian(W), a.pairs)
        write_gramian(out.create_group("gramian_wxi_layer1"), gramian(layers[0]["W_xi"]), a.pairs)
        last = layers[min(1, len(layers) - 1)]
        write_gramian(out.create_group("gramian_whf_layer2"), gramian(last["W_hf"]), a.pairs)

        for j, L in enumerate(layers, start=1):
            g = out.create_group(f"layer{j}")
            # Part 4: column norms, biases, cosines with the bias, mean gate value per token.
            norms, bnorm, bcos, mean_act, mean_nob = [], [], [], [], []
            for gate in GATES:
                Wx, bg = L["W_x" + gate], L["b_" + gate]
                act = np.tanh if gate == "c" else sigmoid
                norms.append(np.linalg.norm(Wx, axis=1))
                bnorm.append(np.linalg.norm(bg))
                bcos.append(normalise_rows(Wx) @ (bg / np.linalg.norm(bg)))
                mean_act.append(act(Wx + bg).mean(axis=1))
                mean_nob.append(act(Wx).mean(axis=1))
            g["column_norms"] = np.array(norms)
            g["bias_norms"] = np.array(bnorm)
            g["bias_cosine"] = np.array(bcos)
            g["mean_activation"] = np.array(mean_act)
            g["mean_activation_nobias"] = np.array(mean_nob)
            for gate in GATES:
                Wx, Wh, bg = L["W_x" + gate], L["W_h" + gate], L["b_" + gate]
                s = g.create_group(gate)
                # Part 4: SVD of the posts' W_h* (= our W_h transposed); fraction of each column w_k of
                # W_x* inside the span of the r leading left singular vectors, ||U_r U_r^T w_k|| / ||w_k||.
                U, sv, _ = np.linalg.svd(Wh.T)
                s["singular_values"] = sv
                s["cumulative_singular"] = np.cumsum(sv) / sv.sum()
                H = Wh.shape[0]
                captured = np.zeros((Wx.shape[0], H))
                wn = np.linalg.norm(Wx, axis=1)
                for r in range(1, H + 1):
                    P = U[:, :r] @ U[:, :r].T
                    captured[:, r - 1] = np.linalg.norm(Wx @ P.T, axis=1) / wn
                s["captured"] = captured
                # Part 4: cosines between w_k + b and the columns r_j of W_h*, and their histogram.
                C = normalise_rows(Wx + bg) @ normalise_rows(Wh).T
                s["cosine"] = C
                s["cosine_histogram"] = np.histogram(C, bins=a.bins, range=(-1.0, 1.0))[0].astype(np.int32)

        # Part 3: SVD of V = W^T: V w_i = s_i u_i.
        Vm = W.T
        U, sv, Wt = np.linalg.svd(Vm, full_matrices=False)
        Wr = Wt.T
        for i in range(U.shape[1]):
            big = np.argmax(np.abs(U[:, i]))
            if U[big, i] < 0:
                U[:, i] *= -1
                Wr[:, i] *= -1
        g = out.create_group("svd_softmax")
        g["singular_values"] = sv
        g["token_vectors"] = U
        g["unit_vectors"] = Wr
        for i in range(3):
            for sign, name in ((1, "plus"), (-1, "minus")):
                g[f"pushed_{i}_{name}"] = softmax(b + sign * sv[i] * U[:, i])
        # Part 3's 'if h = w_i': softmax(V w_i + v) equals the pushed distribution.
        g["as_hidden_0_plus"] = softmax(Vm @ Wr[:, 0] + b)

        # Part 2: alpha(delta, p) and delta(alpha, p), from the softmax definition.
        ps = np.array([0.001, 0.05, 0.3, 0.9])
        deltas = np.linspace(-6, 6, 25)
        g = out.create_group("logit_push")
        g["p"] = ps
        g["deltas"] = deltas
        g["alpha"] = np.array([[alpha_by_softmax(d, p, rng)[0] for d in deltas] for p in ps])
        alphas = np.array([[(j + 1) / 12.0 * (1.0 / p) for j in range(11)] for p in ps])
        g["alphas"] = alphas
        g["delta"] = np.array([[delta_by_bisection(al, p, rng) for al in row] for row, p in zip(alphas, ps)])
        # Part 2's reading of a column: token n's factor when only its logit moves by dh * W[u, n].
        probs = softmax(b)
        u, dh = 3, 1.0
        factors = []
        for n in range(len(b)):
            z = b.copy()
            z[n] += dh * W[u, n]
            factors.append(softmax(z)[n] / probs[n])
        g["unit_push_probs"] = probs
        g["unit_push_factors"] = np.array(factors)
        g.attrs["unit"] = u
        g.attrs["dh"] = dh


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="what", required=True)
    r = sub.add_parser("run")
    r.add_argument("--trace", required=True)
    r.add_argument("--out", required=True)
    r.add_argument("--signals", default="hc")
    r.add_argument("--fft-length", type=int, default=512)
    r.add_argument("--floor-db", type=float, default=-6.0)
    r.add_argument("--remove-mean", action="store_true")
    r.add_argument("--period", type=float, default=9.0)
    r.add_argument("--tolerance", type=float, default=0.5)
    r.add_argument("--small", type=float, default=0.07)
    r.add_argument("--large", type=float, default=0.8)
    w = sub.add_parser("weights")
    w.add_argument("--model", required=True)
    w.add_argument("--out", required=True)
    w.add_argument("--pairs", type=int, default=10)
    w.add_argument("--bins", type=int, default=50)
    args = ap.parse_args()
    if args.what == "run":
        run_analyses(args)
    else:
        weight_analyses(args)

#!/usr/bin/env python3
"""The baselines of packaging/bench.sh, run as users run them (Debian's numpy and PyTorch on
OpenBLAS): an implementation of folk-rnn's sampler in numpy with the four gates fused into one
matrix per layer (float64, as sample_rnn.py computed), and PyTorch's nn.LSTM stepped one token at a
time (batch 1) and batched, with the same weights. Prints `name value` lines."""
import statistics
import sys
import time

import h5py
import numpy as np


def load(path):
    with h5py.File(path, "r") as f:
        vocab = [t.decode() if isinstance(t, bytes) else t for t in f["vocabulary"][()]]
        layers = []
        j = 1
        while f"lstm/layer{j}" in f:
            g = f[f"lstm/layer{j}"]
            Wx = np.concatenate([g["W_x" + k][()] for k in "ifco"], axis=1).astype(np.float64)
            Wh = np.concatenate([g["W_h" + k][()] for k in "ifco"], axis=1).astype(np.float64)
            b = np.concatenate([g["b_" + k][()] for k in "ifco"]).astype(np.float64)
            layers.append((Wx, Wh, b, g["h0"][()].astype(np.float64).ravel(), g["c0"][()].astype(np.float64).ravel()))
            j += 1
        W = f["softmax/W"][()].astype(np.float64)
        bb = f["softmax/b"][()].astype(np.float64)
    return vocab, layers, W, bb


def sig(x):
    return 1.0 / (1.0 + np.exp(-x))


def numpy_steps(model, steps, seed):
    vocab, layers, W, bb = model
    V = len(vocab)
    rng = np.random.RandomState(seed)
    h = [l[3].copy() for l in layers]
    c = [l[4].copy() for l in layers]
    tok = vocab.index("<s>")
    t0 = time.perf_counter()
    for _ in range(steps):
        x = None
        for j, (Wx, Wh, b, _, _) in enumerate(layers):
            z = (Wx[tok] if j == 0 else x @ Wx) + h[j] @ Wh + b
            H = h[j].size
            i, f, g, o = sig(z[:H]), sig(z[H:2 * H]), np.tanh(z[2 * H:3 * H]), sig(z[3 * H:])
            c[j] = f * c[j] + i * g
            h[j] = o * np.tanh(c[j])
            x = h[j]
        s = x @ W + bb
        p = np.exp(s - s.max())
        p /= p.sum()
        tok = rng.choice(np.arange(V), p=p)
    return (time.perf_counter() - t0) / steps


def torch_net(model, dtype):
    import torch
    vocab, layers, W, bb = model
    V, H, L = len(vocab), layers[0][1].shape[0], len(layers)
    net = torch.nn.LSTM(V, H, num_layers=L).to(dtype)
    dense = torch.nn.Linear(H, V).to(dtype)
    with torch.no_grad():
        for j, (Wx, Wh, b, _, _) in enumerate(layers):
            getattr(net, f"weight_ih_l{j}").copy_(torch.tensor(Wx.T))
            getattr(net, f"weight_hh_l{j}").copy_(torch.tensor(Wh.T))
            getattr(net, f"bias_ih_l{j}").copy_(torch.tensor(b))
            getattr(net, f"bias_hh_l{j}").zero_()
        dense.weight.copy_(torch.tensor(W.T))
        dense.bias.copy_(torch.tensor(bb))
    return net, dense, V, H, L


def torch_steps(model, steps, batch, dtype):
    import torch
    net, dense, V, H, L = torch_net(model, dtype)
    h = (torch.zeros(L, batch, H, dtype=dtype), torch.zeros(L, batch, H, dtype=dtype))
    tok = torch.zeros(batch, dtype=torch.long)
    eye = torch.eye(V, dtype=dtype)
    with torch.no_grad():
        t0 = time.perf_counter()
        for _ in range(steps):
            out, h = net(eye[tok].unsqueeze(0), h)
            p = torch.softmax(dense(out[0]), dim=-1)
            tok = torch.multinomial(p, 1).squeeze(1)
        return (time.perf_counter() - t0) / steps


def main():
    model = load(sys.argv[1])
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    print("numpy_ms_per_step %.4f" % (1e3 * statistics.median(numpy_steps(model, 300, r) for r in range(repeats))))
    try:
        import torch
        torch.set_num_threads(max(1, torch.get_num_threads()))
        print("torch_version", torch.__version__)
        print("torch_threads", torch.get_num_threads())
        for name, dtype in (("f32", torch.float32), ("f64", torch.float64)):
            ms = 1e3 * statistics.median(torch_steps(model, 300, 1, dtype) for _ in range(repeats))
            print(f"torch_{name}_ms_per_step {ms:.4f}")
            for batch in (64, 128):
                sec = statistics.median(torch_steps(model, 100, batch, dtype) for _ in range(max(1, repeats // 2)))
                print(f"torch_{name}_batch{batch}_tune_steps_per_s {batch / sec:.1f}")
    except ImportError:
        print("torch_missing 1")


if __name__ == "__main__":
    main()

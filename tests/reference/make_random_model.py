#!/usr/bin/env python3
"""Writes a random folk-rnn-shaped model in the project's HDF5 format (core/model/MODEL-FORMAT.md).

Non-zero h0/c0 on purpose: the file is authoritative and readers must never assume zeros.
The </s> bias is raised so tunes end after a few hundred steps, as real ones do.
"""
import argparse
import os
import sys

import h5py
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from folkrnn_vocab import v2_like_vocabulary  # noqa: E402


def make(path, layers, hidden, seed, name, embedding=0, dtype="f4"):
    rng = np.random.RandomState(seed)
    vocab = v2_like_vocabulary()
    V = len(vocab)
    with h5py.File(path, "w") as f:
        f.attrs["format"] = "folkrnn-model"
        f.attrs["format_version"] = np.int64(1)
        f.attrs["name"] = name
        f.attrs["source"] = f"random weights (tests/reference/make_random_model.py, seed {seed}); not a trained model"
        f.create_dataset("vocabulary", data=np.array(vocab, dtype=h5py.string_dtype()))
        n_in = V
        if embedding:
            f.create_dataset("embedding", data=rng.normal(0, 0.5, (V, embedding)).astype(dtype))
            n_in = embedding
        for j in range(1, layers + 1):
            g = f.create_group(f"lstm/layer{j}")
            for gate in "ifco":
                g.create_dataset("W_x" + gate, data=rng.normal(0, 0.6, (n_in, hidden)).astype(dtype))
                g.create_dataset("W_h" + gate, data=rng.normal(0, 1.5 / np.sqrt(hidden), (hidden, hidden)).astype(dtype))
                g.create_dataset("b_" + gate, data=rng.normal(0, 0.3, hidden).astype(dtype))
            g.create_dataset("h0", data=rng.uniform(-0.2, 0.2, hidden).astype(dtype))
            g.create_dataset("c0", data=rng.uniform(-0.5, 0.5, hidden).astype(dtype))
            n_in = hidden
        W = rng.normal(0, 3.0 / np.sqrt(hidden), (hidden, V)).astype(dtype)
        b = rng.normal(0, 0.5, V).astype(dtype)
        b[vocab.index("</s>")] -= 0.3
        b[vocab.index("<s>")] -= 8.0
        f.create_dataset("softmax/W", data=W)
        f.create_dataset("softmax/b", data=b)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--layers", type=int, default=3)
    ap.add_argument("--hidden", type=int, default=512)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--embedding", type=int, default=0)
    ap.add_argument("--dtype", default="f4")
    ap.add_argument("--name", default="random test model")
    a = ap.parse_args()
    make(a.out, a.layers, a.hidden, a.seed, a.name, a.embedding, a.dtype)

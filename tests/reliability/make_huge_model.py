"""Writes a folk-rnn model file (core/model/MODEL-FORMAT.md) whose arrays declare a huge model but
hold no data: chunked datasets are allocated lazily, so the file is a few kilobytes while its
weights would need `layers * 8 * hidden^2` floats. The reader must refuse it before allocating.

usage: make_huge_model.py OUT.h5 LAYERS HIDDEN
"""
import sys

import h5py
import numpy as np

out, layers, hidden = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
vocab = ["<s>", "</s>", "M:4/4", "K:Cmaj", "C", "D", "|"]
V = len(vocab)
with h5py.File(out, "w") as f:
    f.attrs["format"] = "folkrnn-model"
    f.attrs["format_version"] = np.int64(1)
    f.attrs["name"] = "huge"
    f.attrs["source"] = "make_huge_model.py"
    f.create_dataset("vocabulary", data=np.array(vocab, dtype=object), dtype=h5py.string_dtype())
    chunk = (min(hidden, 64), min(hidden, 64))
    for j in range(1, layers + 1):
        g = f.create_group(f"lstm/layer{j}")
        n_in = V if j == 1 else hidden
        for gate in "ifco":
            g.create_dataset(f"W_x{gate}", shape=(n_in, hidden), dtype="f4", chunks=(min(n_in, 64), chunk[1]))
            g.create_dataset(f"W_h{gate}", shape=(hidden, hidden), dtype="f4", chunks=chunk)
            g.create_dataset(f"b_{gate}", shape=(hidden,), dtype="f4", chunks=(chunk[1],))
        g.create_dataset("h0", shape=(hidden,), dtype="f4", chunks=(chunk[1],))
        g.create_dataset("c0", shape=(hidden,), dtype="f4", chunks=(chunk[1],))
    f.create_dataset("softmax/W", shape=(hidden, V), dtype="f4", chunks=(chunk[0], V))
    f.create_dataset("softmax/b", data=np.zeros(V, dtype="f4"))

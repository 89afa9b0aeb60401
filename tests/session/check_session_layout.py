#!/usr/bin/env python3
"""Checks a saved session against core/session/SESSION-FORMAT.md, written from that document:
every documented path with its type and shape, nothing undocumented, and the model fingerprint
recomputed from the model's HDF5 file by the documented canonical byte stream.

usage: check_session_layout.py SESSION.frnsession MODEL.h5   (exit 0 when everything matches)
"""
import hashlib
import struct
import sys

import h5py
import numpy as np


def fail(msg):
    print("layout check failed: " + msg)
    sys.exit(1)


def need(cond, msg):
    if not cond:
        fail(msg)


def text(v):
    return v.decode("utf-8") if isinstance(v, bytes) else str(v)


def dataset(f, path, kind, shape):
    need(path in f and isinstance(f[path], h5py.Dataset), path + " is missing or not a dataset")
    d = f[path]
    need(d.shape == tuple(shape), "%s has shape %s, expected %s" % (path, d.shape, tuple(shape)))
    if kind == "str":
        info = h5py.check_string_dtype(d.dtype)
        need(info is not None and info.length is not None, path + " is not a fixed-length string dataset")
    else:
        need(d.dtype == np.dtype(kind), "%s has type %s, expected %s" % (path, d.dtype, kind))
    return d


def fingerprint(model_path):
    """SESSION-FORMAT.md, "Model fingerprint"."""
    h = hashlib.sha256()

    def u64(v):
        h.update(struct.pack("<Q", v))

    def array(a, vector=False):
        a = np.asarray(a, dtype="<f4")
        if vector:  # a vector of n values is n rows, 1 column (whether stored [n] or [1, n])
            a = a.reshape(-1, 1)
        need(a.ndim == 2, "model array of rank %d" % a.ndim)
        u64(a.shape[0])
        u64(a.shape[1])
        h.update(np.ascontiguousarray(a).tobytes())

    with h5py.File(model_path, "r") as m:
        h.update(b"folkrnn-fingerprint-v1\n")
        vocab = [text(t).encode("utf-8") for t in m["vocabulary"][()]]
        u64(len(vocab))
        for t in vocab:
            u64(len(t))
            h.update(t)
        if "embedding" in m:
            u64(1)
            array(m["embedding"][()])
        else:
            u64(0)
        layers = 0
        while "lstm/layer%d" % (layers + 1) in m:
            layers += 1
        u64(layers)
        for j in range(1, layers + 1):
            g = m["lstm/layer%d" % j]
            for gate in "ifco":
                array(g["W_x" + gate][()])
                array(g["W_h" + gate][()])
                array(g["b_" + gate][()], vector=True)
            array(g["h0"][()], vector=True)
            array(g["c0"][()], vector=True)
        array(m["softmax/W"][()])
        array(m["softmax/b"][()], vector=True)
    return h.hexdigest()


def main(session_path, model_path):
    with open(session_path, "rb") as raw:
        head = raw.read(9)
    need(head[:8] == b"\x89HDF\r\n\x1a\n" and head[8] >= 2, "superblock version %d has no checksums" % head[8])
    with h5py.File(session_path, "r") as f:
        need(text(f.attrs["format"]) == "folkrnn-session", "format attribute")
        need(int(f.attrs["format_version"]) == 1, "format_version attribute")
        need(text(f.attrs["created_by"]).startswith("folk-rnn Inspector"), "created_by attribute")
        need(set(f.keys()) == {"model", "settings", "interventions", "run", "trace", "selection", "view", "notes"},
             "top-level objects are %s" % sorted(f.keys()))

        m = f["model"]
        L, H = int(m.attrs["layers"]), int(m.attrs["hidden"])
        for obj in (f, m, f["settings"], f["selection"]):
            for a in obj.attrs:
                info = h5py.check_string_dtype(obj.attrs.get_id(a).dtype)
                need(info is None or info.length is not None, "attribute %s of %s is not fixed-length" % (a, obj.name))
        fp = text(m.attrs["fingerprint"])
        need(len(fp) == 64 and all(c in "0123456789abcdef" for c in fp), "fingerprint is not 64 hex digits")
        vocab = [text(t) for t in m["vocabulary"][()]]
        V = len(vocab)
        dataset(f, "model/vocabulary", "str", [V])

        s = f["settings"]
        mode = text(s.attrs["mode"])
        need(mode in ("sampled", "teacher-forced"), "mode " + mode)
        need(0 <= int(s.attrs["seed"]) <= 4294967295, "seed")
        need(float(s.attrs["temperature"]) > 0, "temperature")
        max_length = int(s.attrs["max_length"])
        int(s.attrs["rng_draws_at_start"])
        prime = dataset(f, "settings/prime", "<i4", [f["settings/prime"].shape[0]])[()]
        tune = dataset(f, "settings/tune", "<i4", [f["settings/tune"].shape[0]])[()]
        need((mode == "teacher-forced") == (len(tune) > 0), "mode disagrees with settings/tune")

        i = f["interventions"]
        N = i["layer"].shape[0]
        dataset(f, "interventions/layer", "<i4", [N])
        dataset(f, "interventions/target", "str", [N])
        dataset(f, "interventions/kind", "str", [N])
        dataset(f, "interventions/value", "<f8", [N])
        dataset(f, "interventions/from_step", "<i4", [N])
        dataset(f, "interventions/to_step", "<i4", [N])
        dataset(f, "interventions/enabled", "|u1", [N])
        offsets = dataset(f, "interventions/units_offset", "<i4", [N + 1])[()]
        units = dataset(f, "interventions/units", "<i4", [i["units"].shape[0]])[()]
        need(offsets[0] == 0 and offsets[-1] == len(units) and np.all(np.diff(offsets) >= 0), "units_offset")
        need(all(1 <= l <= L for l in i["layer"][()]), "intervention layers are counted from 1")
        need(all(text(t) in ("h", "c") for t in i["target"][()]), "intervention targets")
        need(all(text(k) in ("clamp", "scale") for k in i["kind"][()]), "intervention kinds")
        need(np.all((units >= 0) & (units < H)), "intervention units")

        T = f["run/tokens"].shape[0]
        tokens = dataset(f, "run/tokens", "<i4", [T])[()]
        forced = dataset(f, "run/forced", "|u1", [T])[()]
        need(T <= max_length and np.all((tokens >= 0) & (tokens < V)), "tokens")
        if mode == "sampled":
            need(np.array_equal(forced, (np.arange(T) < len(prime)).astype(np.uint8)), "forced flags follow the prime")
            need(np.array_equal(tokens[:len(prime)], prime[:T]), "the prime starts the tune")
        else:
            need(np.all(forced == 1) and np.array_equal(tokens, tune[:T]), "teacher forcing")
        logits = dataset(f, "trace/logits", "<f8", [T, V])
        logprobs = dataset(f, "trace/logprobs", "<f8", [T, V])
        need(set(f["trace"].keys()) == {"logits", "logprobs"} | {"layer%d" % j for j in range(1, L + 1)},
             "trace holds %s" % sorted(f["trace"].keys()))
        for j in range(1, L + 1):
            need(set(f["trace/layer%d" % j].keys()) == set("hcifog"), "signals of layer %d" % j)
            for sig in "hcifog":
                d = dataset(f, "trace/layer%d/%s" % (j, sig), "<f4", [T, H])
                if T * H >= 4096:
                    need(d.compression == "gzip" and d.shuffle, d.name + " is not compressed")
        if T * V >= 4096:
            need(logits.compression == "gzip" and logprobs.compression == "gzip", "logits are not compressed")
        if T:
            lp = logprobs[()]
            total = np.log(np.sum(np.exp(lp), axis=1))
            need(np.all(np.abs(total) < 1e-9), "log-probabilities do not sum to 1")
            gates = np.concatenate([f["trace/layer%d/%s" % (j, g)][()].ravel() for j in range(1, L + 1) for g in "ifo"])
            need(np.all((gates >= 0) & (gates <= 1)), "gates i f o are not in [0, 1]")

        sel = f["selection"]
        need(0 <= int(sel.attrs["step"]) < max(T, 1), "selection step")
        need(1 <= int(sel.attrs["layer"]) <= L, "selection layer is counted from 1")
        need(text(sel.attrs["signal"]) in list("hcifog"), "selection signal")
        need(-1 <= int(sel.attrs["token"]) < V, "selection token")
        int(sel.attrs["range_first"]), int(sel.attrs["range_last"])
        dataset(f, "selection/units", "<i4", [sel["units"].shape[0]])
        dataset(f, "view/layout", "|u1", [f["view/layout"].shape[0]])
        notes = dataset(f, "notes", "|u1", [f["notes"].shape[0]])
        need(0 not in notes[()], "notes hold a NUL")
        bytes(notes[()]).decode("utf-8")

        expected = fingerprint(model_path)
        need(fp == expected, "fingerprint %s, recomputed from %s: %s" % (fp, model_path, expected))
    print("layout matches SESSION-FORMAT.md; fingerprint matches %s" % model_path)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    main(sys.argv[1], sys.argv[2])

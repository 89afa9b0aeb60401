#!/usr/bin/env python3
"""Writes folk-rnn model pickles shaped exactly like metadata/folkrnn_v2.pkl, written from
../shared/reference/FOLKRNN-FORMAT.md (not from the C++ reader), plus raw dumps of every array so
a test can compare what it reads bit for bit.

The same model is written several ways:
  folkrnn_py2_p2.pkl   as Python 2.7's cPickle.dump(obj, f, 2) wrote it: SHORT_BINSTRING/BINSTRING
                       byte strings, BININT*/INT/LONG1 ints, numpy.core.multiarray._reconstruct + BUILD
  folkrnn_py3_p2.pkl   Python 3 protocol 2 (BINUNICODE, _codecs.encode(..., 'latin1') byte strings)
  folkrnn_py3_p4.pkl   Python 3 protocol 4 (FRAME, MEMOIZE, STACK_GLOBAL, SHORT_BINUNICODE, BINBYTES)
  folkrnn_py3_p5.pkl   Python 3 protocol 5 (numpy.core.numeric._frombuffer with in-band BYTEARRAY8)
--variants adds numpy-2 module names, big-endian, Fortran-order, float64, embedding and
non-identity one-hot models. --hostile writes pickles that would run commands if unpickled by
Python, and --broken folk-rnn-shaped files with wrong dtypes, shapes or keys.

Every OUTDIR gets fixtures.txt: one line "<pickle> <expected>" per model file, where
expected_<expected>.txt lists "k name rows cols offset" per param_values array (C order, float32,
little endian, at byte offset in expected_<expected>.bin; rows is 0 for a 1-d array) and
meta_<expected>.json holds the vocabulary in index order and the provenance values.
"""
import argparse
import io
import json
import os
import pickle
import struct
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from folkrnn_vocab import v2_like_vocabulary  # noqa: E402

LAYER_PARAMS = ["W_in_to_ingate", "W_hid_to_ingate", "b_ingate", "W_in_to_forgetgate", "W_hid_to_forgetgate",
                "b_forgetgate", "W_in_to_cell", "W_hid_to_cell", "b_cell", "W_in_to_outgate", "W_hid_to_outgate",
                "b_outgate", "cell_init", "hid_init"]


# --------------------------------------------------------------------------------------------
# The model: folk-rnn's metadata dict, with Lasagne's get_all_param_values() order.

def make_params(vocab, layers, hidden, seed, embedding=0):
    rng = np.random.RandomState(seed)
    V = len(vocab)
    params, names = [], []
    if embedding:
        params.append(rng.normal(0, 0.5, (V, embedding)).astype(np.float32))
        n_in = embedding
    else:
        params.append(np.eye(V, dtype=np.float32))  # one-hot models store the identity
        n_in = V
    names.append("embedding W")
    for j in range(1, layers + 1):
        for gate in range(4):
            params.append(rng.normal(0, 0.6, (n_in, hidden)).astype(np.float32))
            params.append(rng.normal(0, 1.5 / np.sqrt(hidden), (hidden, hidden)).astype(np.float32))
            params.append(rng.normal(0, 0.3, hidden).astype(np.float32))
        params.append(rng.uniform(-0.5, 0.5, (1, hidden)).astype(np.float32))  # cell_init, non-zero on purpose
        params.append(rng.uniform(-0.2, 0.2, (1, hidden)).astype(np.float32))  # hid_init
        names += ["layer %d %s" % (j, n) for n in LAYER_PARAMS]
        n_in = hidden
    W = rng.normal(0, 3.0 / np.sqrt(hidden), (hidden, V)).astype(np.float32)
    b = rng.normal(0, 0.5, V).astype(np.float32)
    b[vocab.index("</s>")] -= 0.5  # 3x512 tunes then end after tens to hundreds of tokens
    b[vocab.index("<s>")] -= 8.0
    params += [W, b]
    names += ["dense W", "dense b"]
    assert len(params) == 1 + 14 * layers + 2
    return params, names


def make_meta(vocab, params, seed):
    rng = np.random.RandomState(seed + 1000)
    return {
        "configuration": "config5",
        "experiment_id": "config5-%d" % (1460000000 + seed),
        "epoch_since_start": 43,
        "iters_since_start": 71234,
        # Theano functions return 0-d arrays; np.mean gives numpy scalars.
        "losses_train": [np.array(v, dtype=np.float32) for v in rng.uniform(0.5, 3.0, 7)],
        "losses_eval_valid": [np.float64(v) for v in rng.uniform(0.5, 3.0, 3)],
        "learning_rate": np.array(0.003, dtype=np.float32),
        "token2idx": {t: i for i, t in enumerate(vocab)},
        "param_values": params,
    }


def write_expected(outdir, name, meta):
    """Raw float32 C-order little-endian dumps of param_values, as numpy sees them."""
    offset = 0
    lines = []
    with open(os.path.join(outdir, "expected_%s.bin" % name), "wb") as f:
        for k, a in enumerate(meta["param_values"]):
            a32 = np.ascontiguousarray(a.astype("<f4"))
            rows, cols = (0, a32.shape[0]) if a32.ndim == 1 else a32.shape
            f.write(a32.tobytes())
            lines.append("%d %d %d %d" % (k, rows, cols, offset))
            offset += a32.nbytes
    with open(os.path.join(outdir, "expected_%s.txt" % name), "w") as f:
        f.write("\n".join(lines) + "\n")
    vocab = sorted(meta["token2idx"], key=meta["token2idx"].get)
    info = {"vocabulary": vocab, "configuration": meta["configuration"], "experiment_id": meta["experiment_id"],
            "epoch_since_start": meta["epoch_since_start"], "iters_since_start": meta["iters_since_start"],
            "losses_train": [float(x) for x in meta["losses_train"]],
            "losses_eval_valid": [float(x) for x in meta["losses_eval_valid"]]}
    with open(os.path.join(outdir, "meta_%s.json" % name), "w") as f:
        json.dump(info, f, indent=1)


# --------------------------------------------------------------------------------------------
# Picklers.

class NumpyNamePickler(pickle._Pickler):
    """The pure-Python pickler, optionally naming numpy's modules as numpy 2 does (numpy._core)."""

    def __init__(self, file, protocol, numpy2=False):
        super().__init__(file, protocol=protocol)
        self.numpy2 = numpy2

    def save_global(self, obj, name=None):
        module = getattr(obj, "__module__", "") or ""
        if self.numpy2 and module.startswith("numpy.core."):
            module = "numpy._core." + module[len("numpy.core."):]
            qual = obj.__name__
            if self.proto >= 4:
                self.save(module)
                self.save(qual)
                self.write(pickle.STACK_GLOBAL)
            else:
                self.write(pickle.GLOBAL + module.encode() + b"\n" + qual.encode() + b"\n")
            self.memoize(obj)
            return
        super().save_global(obj, name)

    dispatch = dict(pickle._Pickler.dispatch)
    dispatch[type(len)] = save_global  # builtin functions such as _reconstruct


class Py2Pickler(NumpyNamePickler):
    """What Python 2.7's cPickle.dump(obj, f, 2) wrote: every str is a byte string."""

    dispatch = dict(NumpyNamePickler.dispatch)

    def __init__(self, file, numpy2=False):
        super().__init__(file, 2, numpy2)

    def _write_binstring(self, data, obj):
        n = len(data)
        if n < 256:
            self.write(pickle.SHORT_BINSTRING + bytes([n]) + data)
        else:
            self.write(pickle.BINSTRING + struct.pack("<i", n) + data)
        self.memoize(obj)

    def save_bytes(self, obj):
        self._write_binstring(obj, obj)

    def save_str(self, obj):
        if obj.isascii():  # a Python 2 str
            self._write_binstring(obj.encode("ascii"), obj)
        else:  # a Python 2 unicode
            data = obj.encode("utf-8", "surrogatepass")
            self.write(pickle.BINUNICODE + struct.pack("<I", len(data)) + data)
            self.memoize(obj)

    def save_int(self, obj):
        # cPickle's save_int: BININT1/BININT2/BININT for 32-bit values, INT text for other 64-bit
        # ints, LONG1 for Python 2 longs beyond that.
        if 0 <= obj < 256:
            self.write(pickle.BININT1 + bytes([obj]))
        elif 0 <= obj < 65536:
            self.write(pickle.BININT2 + struct.pack("<H", obj))
        elif -2 ** 31 <= obj < 2 ** 31:
            self.write(pickle.BININT + struct.pack("<i", obj))
        elif -2 ** 63 <= obj < 2 ** 63:
            self.write(pickle.INT + b"%d\n" % obj)
        else:
            data = pickle.encode_long(obj)
            self.write(pickle.LONG1 + bytes([len(data)]) + data)

    dispatch[bytes] = save_bytes
    dispatch[str] = save_str
    dispatch[int] = save_int

    def reducer_override(self, obj):
        if isinstance(obj, np.dtype):
            # numpy under Python 2: dtype('f4', 0, 1) with ints, then BUILD with the byte order.
            order = obj.byteorder if obj.byteorder in "<>|" else ("<" if sys.byteorder == "little" else ">")
            return (np.dtype, (obj.str[1:], 0, 1), (3, order, None, None, None, -1, -1, 0))
        if isinstance(obj, np.generic):
            return (np.core.multiarray.scalar, (obj.dtype, obj.tobytes()))
        if isinstance(obj, np.ndarray):
            return obj.__reduce__()  # (_reconstruct, (ndarray, (0,), b'b'), (1, shape, dtype, fortran, raw))
        return NotImplemented


def dumps(obj, style, numpy2=False):
    buf = io.BytesIO()
    if style == "py2":
        Py2Pickler(buf, numpy2).dump(obj)
    else:
        NumpyNamePickler(buf, int(style[1:]), numpy2).dump(obj)
    return buf.getvalue()


def write_pickle(outdir, filename, meta, style, expected, index, numpy2=False):
    data = dumps(meta, style, numpy2)
    with open(os.path.join(outdir, filename), "wb") as f:
        f.write(data)
    # Sanity: Python reads back exactly what was meant (numpy 1 cannot import numpy._core names).
    if not numpy2:
        back = pickle.loads(data, encoding="latin1")
        assert back["token2idx"] == meta["token2idx"]
        for a, b in zip(back["param_values"], meta["param_values"]):
            # numpy converts big-endian data to native order on load: compare values bit for bit.
            native = b.dtype.newbyteorder("=")
            assert a.shape == b.shape and a.astype(native).tobytes() == b.astype(native).tobytes()
    index.append("%s %s" % (filename, expected))


def with_arrays(meta, convert):
    out = dict(meta)
    out["param_values"] = [convert(a) for a in meta["param_values"]]
    return out


# --------------------------------------------------------------------------------------------
# Hostile and broken files.

class Call:
    """An object whose unpickling would call `fn(*args)` in Python."""

    def __init__(self, fn, *args):
        self.fn, self.args = fn, args

    def __reduce__(self):
        return (self.fn, self.args)


def write_hostile(outdir, marker):
    import builtins
    import subprocess
    touch = "touch '%s'" % marker
    files = {
        # os.system pickles as posix.system on Linux; cPickle-era files would say os.system.
        "hostile_os_system_p2.pkl": b"\x80\x02cos\nsystem\nq\x00X" + struct.pack("<I", len(touch)) +
                                    touch.encode() + b"q\x01\x85q\x02Rq\x03.",
        "hostile_posix_system_p2.pkl": pickle.dumps(Call(os.system, touch), protocol=2),
        "hostile_posix_system_p4.pkl": pickle.dumps(Call(os.system, touch), protocol=4),
        "hostile_eval_p4.pkl": pickle.dumps(Call(builtins.eval, "__import__('os').system(%r)" % touch), protocol=4),
        "hostile_eval_p2.pkl": pickle.dumps(Call(builtins.eval, "__import__('os').system(%r)" % touch), protocol=2),
        "hostile_subprocess_p2.pkl": pickle.dumps(Call(subprocess.call, ["touch", marker]), protocol=2),
    }
    # A complete, valid-looking model whose last array is a command: refusal must not wait for the end.
    vocab = v2_like_vocabulary()
    params, _ = make_params(vocab, 1, 4, 5)
    meta = make_meta(vocab, params, 5)
    meta["param_values"] = params[:-1] + [Call(os.system, touch)]
    files["hostile_inside_model_py2.pkl"] = dumps(meta, "py2")
    files["hostile_inside_model_p4.pkl"] = dumps(meta, "p4")
    for name, data in files.items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)
    return sorted(files)


def write_broken(outdir):
    """folk-rnn-shaped files that a reader must refuse, with the word its message must contain."""
    vocab = v2_like_vocabulary()
    params, _ = make_params(vocab, 2, 8, 9)
    base = make_meta(vocab, params, 9)
    cases = {}

    def case(name, meta, expect, style="py2"):
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(dumps(meta, style))
        cases[name] = expect

    case("broken_int32_weights.pkl", with_arrays(base, lambda a: a.astype(np.int32) if a.ndim == 2 and a.shape == (8, 8) else a), "int32")
    case("broken_float16_weights.pkl", with_arrays(base, lambda a: a.astype(np.float16) if a.ndim == 1 else a), "dtype")
    case("broken_complex_weights.pkl", with_arrays(base, lambda a: a.astype(np.complex64) if a.ndim == 1 else a), "dtype", "p4")
    m = dict(base)
    m["param_values"] = list(params)
    m["param_values"][3] = np.empty(8, dtype=object)
    case("broken_object_array.pkl", m, "dtype", "p2")
    m = dict(base)
    m["param_values"] = list(params)
    m["param_values"][3] = np.zeros(8, dtype=[("a", "<f4"), ("b", "<f4")])
    case("broken_structured_dtype.pkl", m, "dtype", "p4")
    m = dict(base)
    del m["param_values"]
    case("broken_missing_param_values.pkl", m, "param_values")
    m = dict(base)
    del m["token2idx"]
    case("broken_missing_token2idx.pkl", m, "token2idx", "p4")
    m = dict(base)
    m["param_values"] = list(params)
    m["param_values"][1 + 14 + 1] = params[1 + 14 + 1][:, :7].copy()  # layer 2 W_hid_to_ingate 8x7
    case("broken_bad_shape.pkl", m, "layer 2 W_hid_to_ingate")
    m = dict(base)
    m["param_values"] = list(params[:-1])
    case("broken_param_count.pkl", m, "30 arrays")
    m = dict(base)
    t = dict(base["token2idx"])
    t["<s>"] = t["</s>"]
    m["token2idx"] = t
    case("broken_token_index_twice.pkl", m, "both")
    m = dict(base)
    m["token2idx"] = {t: i for i, t in enumerate(vocab[:-1])}
    case("broken_vocab_mismatch.pkl", m, "token2idx")
    m = dict(base)
    m["param_values"] = list(params)
    m["param_values"][5] = params[5].copy()
    m["param_values"][5][0] = np.nan
    case("broken_nan_weight.pkl", m, "NaN", "p4")
    case("broken_not_a_dict.pkl", [1, 2, 3], "list")
    # 21 layers whose last 20 are the same 14 array objects: memo references, not data.
    tiny = ["<s>", "</s>", "A", "B"]
    tparams, _ = make_params(tiny, 2, 64, 3)
    m = make_meta(tiny, tparams, 3)
    m["param_values"] = tparams[:15] + tparams[15:29] * 20 + tparams[29:]
    case("broken_repeated_arrays.pkl", m, "same array data more than once", "p4")
    m = make_meta(tiny, tparams[:15] + tparams[15:29] * 65 + tparams[29:], 3)
    case("broken_too_many_layers.pkl", m, "66 LSTM layers")
    with open(os.path.join(outdir, "broken_cases.txt"), "w") as f:
        for name in sorted(cases):
            f.write("%s %s\n" % (name, cases[name]))
    return cases


# --------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--hidden", type=int, default=32)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--styles", default="py2,p2,p4,p5", help="comma-separated: py2, p2, p3, p4, p5")
    ap.add_argument("--variants", action="store_true", help="also numpy-2 names, big-endian, Fortran, float64, embedding")
    ap.add_argument("--tiny", action="store_true", help="a 4-token, 1 layer x 2 unit model (fuzzing seeds)")
    ap.add_argument("--hostile", metavar="MARKER", help="write command-running pickles that would create MARKER")
    ap.add_argument("--broken", action="store_true", help="write refused folk-rnn-shaped files")
    a = ap.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    if a.hostile:
        print("\n".join(write_hostile(a.outdir, a.hostile)))
        return
    if a.broken:
        write_broken(a.outdir)
        return

    vocab = ["<s>", "</s>", "A", "B"] if a.tiny else v2_like_vocabulary()
    layers, hidden = (1, 2) if a.tiny else (a.layers, a.hidden)
    params, _ = make_params(vocab, layers, hidden, a.seed)
    meta = make_meta(vocab, params, a.seed)
    index = []
    write_expected(a.outdir, "base", meta)
    for style in a.styles.split(","):
        write_pickle(a.outdir, "folkrnn_%s.pkl" % ("py2_p2" if style == "py2" else "py3_" + style), meta, style,
                     "base", index)
    if a.variants:
        for style in ["py2", "p2", "p4", "p5"]:
            name = "folkrnn_%s_numpy2.pkl" % ("py2_p2" if style == "py2" else "py3_" + style)
            write_pickle(a.outdir, name, meta, style, "base", index, numpy2=True)
        big = with_arrays(meta, lambda x: x.astype(">f4"))
        write_pickle(a.outdir, "folkrnn_py2_p2_bigendian.pkl", big, "py2", "base", index)
        write_pickle(a.outdir, "folkrnn_py3_p4_bigendian.pkl", big, "p4", "base", index)
        fortran = with_arrays(meta, np.asfortranarray)
        write_pickle(a.outdir, "folkrnn_py2_p2_fortran.pkl", fortran, "py2", "base", index)
        write_pickle(a.outdir, "folkrnn_py3_p2_fortran.pkl", fortran, "p2", "base", index)
        write_pickle(a.outdir, "folkrnn_py3_p5_fortran_bigendian.pkl",
                     with_arrays(meta, lambda x: np.asfortranarray(x.astype(">f4"))), "p5", "base", index)
        # float64 weights that are not float32 values: the reader must round as astype(float32) does.
        rng = np.random.RandomState(a.seed + 77)
        f64 = with_arrays(meta, lambda x: x.astype(np.float64) * (1.0 + rng.uniform(-1e-6, 1e-6, x.shape)))
        f64["param_values"][0] = np.eye(len(vocab))  # still one-hot
        write_expected(a.outdir, "float64", f64)
        write_pickle(a.outdir, "folkrnn_py2_p2_float64.pkl", f64, "py2", "float64", index)
        write_pickle(a.outdir, "folkrnn_py3_p4_float64_bigendian.pkl",
                     with_arrays(f64, lambda x: x.astype(">f8")), "p4", "float64", index)
        eparams, _ = make_params(vocab, layers, hidden, a.seed + 1, embedding=16)
        emb = make_meta(vocab, eparams, a.seed + 1)
        write_expected(a.outdir, "embedding", emb)
        write_pickle(a.outdir, "folkrnn_py3_p4_embedding.pkl", emb, "p4", "embedding", index)
        write_pickle(a.outdir, "folkrnn_py2_p2_embedding.pkl", emb, "py2", "embedding", index)
        square = dict(meta)
        square["param_values"] = list(meta["param_values"])
        square["param_values"][0] = np.eye(len(vocab), dtype=np.float32)
        square["param_values"][0][1, 2] = 0.25  # V x V but not the identity: a real embedding
        write_expected(a.outdir, "square", square)
        write_pickle(a.outdir, "folkrnn_py2_p2_square_embedding.pkl", square, "py2", "square", index)
    with open(os.path.join(a.outdir, "fixtures.txt"), "w") as f:
        f.write("\n".join(index) + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The folkrnn Python module (python/): Runs and weights as read-only numpy views without copies; the analyses
against numpy; the stubs against the module.
Run by ctest (tests/python/CMakeLists.txt) with /usr/bin/python3."""
import gc
import os
import unittest

import numpy as np

import folkrnn
from support import MODEL, Base


class Views(Base):
    def assertView(self, a):
        self.assertFalse(a.flags.owndata)
        self.assertFalse(a.flags.writeable)
        self.assertIsNotNone(a.base)
        with self.assertRaises(ValueError):
            a[(0,) * a.ndim] = 1
        with self.assertRaises(ValueError):
            a.flags.writeable = True

    def test_run_arrays_are_read_only_views(self):
        run = self.model.generate(seed=1, max_length=60)
        for a in (run.tokens, run.inputs, run.log_probs, run.logits, run.signal(2, "c")):
            self.assertView(a)
        self.assertEqual(run.log_probs.shape, (run.steps, self.model.vocab_size))
        self.assertEqual(run.signal(3, "h").shape, (run.steps, self.model.hidden_size))
        self.assertEqual(run.signal(3, "h").dtype, np.float32)
        self.assertTrue(run.log_probs.flags.c_contiguous)
        # The same memory each time: no copy.
        self.assertEqual(run.log_probs.ctypes.data, run.log_probs.ctypes.data)
        self.assertEqual(run.signal(1, "g").ctypes.data, run.signal(1, "g").ctypes.data)

    def test_views_keep_the_run_alive(self):
        run = self.model.generate(seed=1, max_length=60)
        lp, h = run.log_probs, run.signal(3, "h")
        lp_copy, h_copy = lp.copy(), h.copy()
        del run
        gc.collect()
        self.model.generate(seed=2, max_length=60)  # reuse freed memory, if it were freed
        np.testing.assert_array_equal(lp, lp_copy)
        np.testing.assert_array_equal(h, h_copy)

    def test_generator_run_is_a_snapshot(self):
        gen = folkrnn.Generator(self.model, seed=3, max_length=60)
        for _ in range(10):
            gen.step()
        snap = gen.run
        tokens = snap.tokens.copy()
        gen.step_back(5)
        gen.run_to_end()
        self.assertEqual(snap.steps, 10)
        np.testing.assert_array_equal(snap.tokens, tokens)

    def test_weights_are_views_of_the_model(self):
        import h5py
        with h5py.File(MODEL, "r") as f:
            np.testing.assert_array_equal(self.model.softmax_W, f["softmax/W"][()])
            np.testing.assert_array_equal(self.model.layer(2).W_h("f"), f["lstm/layer2/W_hf"][()])
            np.testing.assert_array_equal(self.model.layers[0].weights["b_o"], f["lstm/layer1/b_o"][()])
        model = folkrnn.Model.open(MODEL)
        w = model.layer(3).W_x("c")
        self.assertView(w)
        self.assertView(model.softmax_b)
        copy = w.copy()
        del model
        gc.collect()
        np.testing.assert_array_equal(w, copy)
        self.assertEqual(self.model.vocabulary[self.model.token_id("|")], "|")


class Analyses(Base):
    def test_against_numpy(self):
        run = self.model.generate(seed=3, max_length=100)
        p = np.exp(run.log_probs)
        with np.errstate(divide="ignore", invalid="ignore"):
            entropy = -np.nansum(np.where(p > 0, p * np.log2(p), 0.0), axis=1)
        np.testing.assert_allclose(folkrnn.step_entropy(run), entropy, rtol=1e-12, atol=1e-12)
        h = run.signal(3, "h")
        np.testing.assert_array_equal(folkrnn.max_magnitude(h), np.abs(h).max(axis=0))
        np.testing.assert_array_equal(folkrnn.sorted_activations(h), np.sort(h, axis=1))
        items = np.asarray(self.model.softmax_W, dtype=np.float64)
        unit = items / np.linalg.norm(items, axis=1, keepdims=True)
        np.testing.assert_allclose(folkrnn.normalised_gramian(self.model.softmax_W), unit @ unit.T, atol=1e-6)
        svd = folkrnn.softmax_svd(self.model)
        np.testing.assert_allclose(svd["singular_values"], np.linalg.svd(items.T, compute_uv=False), rtol=1e-5)
        spectra = folkrnn.unit_spectra(h)
        self.assertEqual(spectra["db"].shape, (self.model.hidden_size, spectra["fft_length"] // 2 + 1))
        summary = folkrnn.measure_summary("M:4/4 K:Cmaj | A B c d | A B c d | A B c d |")
        # Three checked measures of 4 eighths where 4/4 wants 8: all irregular.
        self.assertEqual((summary["bar_lines"], summary["checked"], summary["irregular"]), (4, 3, 3))
        self.assertFalse(summary["regular"])
        cmp = folkrnn.compare_runs(run, self.model.generate(seed=3, max_length=100,
                                                            interventions=[folkrnn.ablate(3, [0, 1, 2])]))
        self.assertEqual(len(cmp["kl"]), min(run.steps, 100))
        self.assertAlmostEqual(folkrnn.probability_factor(0.0, 0.3), 1.0)
        assoc = folkrnn.token_association(h, run.tokens, self.model.vocab_size)
        np.testing.assert_array_equal(assoc["count"], np.bincount(run.tokens, minlength=self.model.vocab_size))
        k = int(run.tokens[0])
        np.testing.assert_allclose(assoc["mean"][k], h[run.tokens == k].astype(np.float64).mean(axis=0), atol=1e-12)


class Stubs(unittest.TestCase):
    def test_stubs_name_what_the_module_has(self):
        import ast
        stub = os.path.join(os.path.dirname(folkrnn.__file__), "__init__.pyi")
        with open(stub) as f:
            tree = ast.parse(f.read())
        aliases = {"Tokens", "Steps", "SignalName", "GateName", "FloatArray", "DoubleArray", "IntArray"}
        stubbed = set()
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                stubbed.add(node.name)
            if isinstance(node, ast.ClassDef):
                cls = getattr(folkrnn, node.name)
                members = {n.name for n in node.body if isinstance(n, ast.FunctionDef)} | \
                          {n.target.id for n in node.body if isinstance(n, ast.AnnAssign)}
                public = {k for k in vars(cls) if not k.startswith("_")}
                if node.name != "InputError":
                    self.assertEqual(members - {"__init__", "__len__", "__eq__"}, public, node.name)
        module = {k for k in vars(folkrnn) if not k.startswith("_") and not isinstance(getattr(folkrnn, k), type(os))}
        self.assertEqual(stubbed, module - aliases)
        for name in module:
            self.assertTrue(getattr(folkrnn, name).__doc__, name)


if __name__ == "__main__":
    unittest.main(verbosity=2)

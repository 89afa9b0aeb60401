#!/usr/bin/env python3
"""The folkrnn Python module (python/) against folkrnn-cli and the numpy reference sampler
(tests/reference/numpy_sampler.py, written from the specification, not from our C++).

Run by ctest (tests/python/CMakeLists.txt) with /usr/bin/python3, PYTHONPATH=build/python and
FOLKRNN_CLI, FOLKRNN_SOURCE set. Models: the small random one bundled as an example (3 x 64), and
a folk-rnn .pkl written by tests/reference/make_pickle_fixtures.py.
"""
import gc
import json
import os
import subprocess
import sys
import tempfile
import threading
import _thread
import unittest

import numpy as np

import folkrnn

SOURCE = os.environ["FOLKRNN_SOURCE"]
CLI = os.environ["FOLKRNN_CLI"]
MODEL = os.path.join(SOURCE, "resources", "models", "example-random.h5")
REFERENCE = os.path.join(SOURCE, "tests", "reference")
MAX_LENGTH = 120  # a random model rarely reaches </s>: keep tunes short


def cli(*args, check=True):
    r = subprocess.run([CLI, *args], capture_output=True, text=True, timeout=300)
    if check and r.returncode != 0:
        raise AssertionError(f"folkrnn-cli {' '.join(args)}: exit {r.returncode}: {r.stderr}")
    return r


def cli_tunes(*args):
    """Tunes printed by folkrnn-cli generate --format tokens, one per line."""
    out = cli("generate", "--model", MODEL, "--max-length", str(MAX_LENGTH), "--format", "tokens", *args).stdout
    return out.splitlines()


def reference(*args):
    out = subprocess.run([sys.executable, os.path.join(REFERENCE, "numpy_sampler.py"), "--model", MODEL, *args],
                         capture_output=True, text=True, check=True, timeout=600).stdout
    return json.loads(out)


class Base(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.model = folkrnn.Model.open(MODEL)


class Generate(Base):
    SEEDS = [1, 7, 2024]
    TEMPERATURES = [1.0, 0.7]
    PRIMES = ["", "M:4/4 K:Cmaj |"]

    def test_equals_cli_and_numpy_reference(self):
        ref = reference("--max-length", str(MAX_LENGTH), *sum([["--seed", str(s)] for s in self.SEEDS], []),
                        *sum([["--temperature", str(t)] for t in self.TEMPERATURES], []),
                        *sum([["--prime", p] for p in self.PRIMES], []))
        self.assertEqual(len(ref), len(self.SEEDS) * len(self.TEMPERATURES) * len(self.PRIMES))
        for case in ref:
            seed, temp, prime = case["seed"], case["temperature"], case["prime"]
            with self.subTest(seed=seed, temperature=temp, prime=prime):
                run = self.model.generate(seed=seed, temperature=temp, prime=prime or None, max_length=MAX_LENGTH)
                args = ["--seed", str(seed), "--temperature", str(temp)] + (["--prime", prime] if prime else [])
                self.assertEqual(run.text, case["tunes"][0])
                self.assertEqual([run.text], cli_tunes(*args))

    def test_prime_as_tokens_or_ids(self):
        ids = self.model.encode("M:4/4 K:Cmaj")
        a = self.model.generate(seed=3, prime="M:4/4 K:Cmaj", max_length=40)
        b = self.model.generate(seed=3, prime=["M:4/4", "K:Cmaj"], max_length=40)
        c = self.model.generate(seed=3, prime=np.array(ids), max_length=40)
        self.assertEqual(a.text, b.text)
        self.assertEqual(a.text, c.text)
        self.assertTrue(a.forced[:2].all() and not a.forced[2:].any())

    def test_count_is_one_stream_as_the_cli(self):
        runs = self.model.generate(seed=5, count=3, max_length=MAX_LENGTH, signals=False)
        self.assertEqual([r.text for r in runs], cli_tunes("--seed", "5", "--count", "3"))
        self.assertEqual([r.text for r in runs], reference("--seed", "5", "--count", "3", "--max-length",
                                                           str(MAX_LENGTH))[0]["tunes"])

    def test_seed_per_tune_and_batch_equal_cli(self):
        expected = cli_tunes("--seed", "11", "--count", "4", "--seed-per-tune", "--batch", "3")
        runs = self.model.generate(seed=11, count=4, max_length=MAX_LENGTH, signals=False, seed_per_tune=True)
        self.assertEqual([r.text for r in runs], expected)
        tunes = self.model.generate_batch(first_seed=11, count=4, max_length=MAX_LENGTH, batch=3, threads=2)
        self.assertEqual([t.text for t in tunes], expected)
        self.assertEqual([t.seed for t in tunes], [11, 12, 13, 14])

    def test_generator_steps_forward_and_back(self):
        gen = folkrnn.Generator(self.model, seed=9, max_length=MAX_LENGTH)
        first = [gen.step() for _ in range(30)]
        gen.step_back(12)
        self.assertEqual(gen.steps, 18)
        again = [gen.step() for _ in range(12)]
        self.assertEqual(first[18:], again)
        full = gen.run_to_end()
        self.assertTrue(gen.finished)
        self.assertIsNone(gen.step())
        self.assertEqual(full.text, self.model.generate(seed=9, max_length=MAX_LENGTH).text)
        gen.restart()
        self.assertEqual(gen.steps, 0)
        self.assertEqual(gen.run_to_end().text, full.text)


class Interventions(Base):
    def test_clamp_scale_ablate_equal_cli_and_reference(self):
        cases = [
            ([folkrnn.clamp(2, 5, 0.8, steps=range(3, 21))], ["--clamp", "2:5=0.8@3-20"]),
            ([folkrnn.clamp(3, 17, -0.9, target="c")], ["--clamp-cell", "3:17=-0.9"]),
            ([folkrnn.scale(1, 40, 3.0, steps=slice(10, None))], ["--scale", "1:40=3@10-"]),
            ([folkrnn.ablate(3, [1, 2, 3, 60])], ["--ablate", "3:1,2,3,60"]),
        ]
        for interventions, args in cases:
            with self.subTest(args=args):
                self.assertEqual(interventions[0], folkrnn.Intervention.parse(args[0], args[1]))
                for seed in (1, 4):
                    run = self.model.generate(seed=seed, max_length=MAX_LENGTH, interventions=interventions)
                    self.assertEqual([run.text], cli_tunes("--seed", str(seed), *args))
                    ref = reference("--seed", str(seed), "--max-length", str(MAX_LENGTH), *args)
                    self.assertEqual(run.text, ref[0]["tunes"][0])
                    # The intervention acts: some tune differs from the untouched one.
        base = self.model.generate(seed=1, max_length=MAX_LENGTH).text
        self.assertNotEqual(base, self.model.generate(seed=1, max_length=MAX_LENGTH,
                                                      interventions=[folkrnn.clamp(3, 5, 1.0)]).text)

    def test_clamped_signal_holds_the_value(self):
        run = self.model.generate(seed=2, max_length=50, interventions=[folkrnn.clamp(2, 7, 0.25, steps=range(5, 10))])
        h = run.signal(2, "h")
        np.testing.assert_array_equal(h[5:10, 7], np.float32(0.25))
        self.assertFalse(np.all(h[10:, 7] == np.float32(0.25)))

    def test_values(self):
        i = folkrnn.clamp(3, 156, 0.8, steps=range(10, 41))
        self.assertEqual((i.layer, i.units, i.kind, i.target, i.value), (3, [156], "clamp", "h", 0.8))
        self.assertEqual(i.steps, slice(10, 41))
        self.assertEqual(i.text, "3:156=0.8@10-40")
        self.assertEqual(folkrnn.ablate(3, [60, 97]).text, "3:60,97")

    def test_generator_set_interventions_reruns(self):
        gen = folkrnn.Generator(self.model, seed=4, max_length=MAX_LENGTH)
        gen.run_to_end()
        gen.set_interventions([folkrnn.clamp(1, 3, 1.0, steps=slice(20, None))])
        expected = self.model.generate(seed=4, max_length=MAX_LENGTH, interventions=gen.interventions)
        self.assertEqual(gen.run.text, expected.text)


class Trace(Base):
    def test_teacher_forced_equals_numpy_reference(self):
        tune = self.model.generate(seed=6, max_length=40).tune
        run = self.model.trace(" ".join(tune))
        self.assertEqual(list(run.tokens), self.model.encode(tune))
        self.assertTrue(run.forced.all())
        self.assertEqual(self.model.trace(tune).text, run.text)
        out = subprocess.run([sys.executable, os.path.join(REFERENCE, "numpy_sampler.py"), "--model", MODEL,
                              "--trace", " ".join(tune)], capture_output=True, text=True, check=True).stdout
        ref = json.loads(out)
        self.assertEqual(len(ref), run.steps)
        np.testing.assert_allclose(run.log_probs, np.array([s["logp"] for s in ref]), rtol=0, atol=1e-9)
        for layer in (1, 3):
            for name in "hcifog":
                expected = np.array([s["layers"][layer - 1][name] for s in ref])
                # Recorded in float32 from the double step: within half a float32 ulp.
                np.testing.assert_allclose(run.signal(layer, name), expected, rtol=2.0**-24 + 1e-12, atol=1e-30)


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


class Errors(Base):
    def test_bad_files_raise_input_error(self):
        with tempfile.TemporaryDirectory() as d:
            garbage = os.path.join(d, "garbage.h5")
            with open(garbage, "wb") as f:
                f.write(b"\x89HDF\r\n\x1a\n" + os.urandom(300))
            for path in (os.path.join(d, "missing.h5"), garbage, d):
                with self.subTest(path=path):
                    with self.assertRaises(folkrnn.InputError) as e:
                        folkrnn.Model.open(path)
                    self.assertIsInstance(e.exception, OSError)
                    self.assertIn(os.path.basename(path), str(e.exception))
            with self.assertRaises(folkrnn.InputError):
                folkrnn.Session.open(garbage)
            with self.assertRaises(folkrnn.InputError):
                folkrnn.Session.open(os.path.join(d, "missing.frnsession"))
            gen = folkrnn.Generator(self.model, seed=1, max_length=10)
            gen.run_to_end()
            with self.assertRaises(folkrnn.InputError):
                folkrnn.Session(gen).save(os.path.join(d, "no", "such", "dir.frnsession"))

    def test_bad_arguments_raise_value_error(self):
        m = self.model
        bad = [
            lambda: m.generate(temperature=0),
            lambda: m.generate(temperature=float("nan")),
            lambda: m.generate(seed=-1),
            lambda: m.generate(seed=2**32),
            lambda: m.generate(max_length=0),
            lambda: m.generate(count=0),
            lambda: m.generate(prime="M:4/4 nosuchtoken"),
            lambda: m.generate(prime=[1, 10**6]),
            lambda: m.generate(interventions=[folkrnn.clamp(4, 1, 1.0)]),
            lambda: m.generate(interventions=[folkrnn.clamp(1, 64, 1.0)]),
            lambda: folkrnn.clamp(0, 1, 1.0),
            lambda: folkrnn.clamp(1, -1, 1.0),
            lambda: folkrnn.clamp(1, 1, float("inf")),
            lambda: folkrnn.clamp(1, 1, 1.0, steps=range(5, 5)),
            lambda: folkrnn.clamp(1, 1, 1.0, steps=range(0, 10, 2)),
            lambda: folkrnn.clamp(1, 1, 1.0, target="x"),
            lambda: folkrnn.ablate(1, []),
            lambda: folkrnn.Intervention.parse("clamp", "3:x=1"),
            lambda: folkrnn.Intervention.parse("nudge", "3:1=1"),
            lambda: m.trace(""),
            lambda: m.layer(0),
            lambda: m.layer(4),
            lambda: m.token_id("nosuchtoken"),
            lambda: m.generate(max_length=5).signal(4, "h"),
            lambda: m.generate(max_length=5).signal(1, "x"),
            lambda: m.generate(max_length=5, signals=False).signal(1, "h"),
            lambda: m.layer(1).W_x("z"),
            lambda: folkrnn.Generator(m, max_length=5).step_back(1),
            lambda: folkrnn.Session(folkrnn.Generator(m, max_length=5, signals=False)),
        ]
        for k, call in enumerate(bad):
            with self.subTest(case=k):
                with self.assertRaises(ValueError):
                    call()
        with self.assertRaises(ValueError) as e:
            m.generate(prime="M:4/4 nosuchtoken")
        self.assertIn("nosuchtoken", str(e.exception))
        with self.assertRaises(TypeError):
            m.generate(prime=3.5)

    def test_ctrl_c_stops_a_long_generation(self):
        # Endless for a test: a million tunes. The interrupt arrives while it runs without the GIL.
        timer = threading.Timer(0.3, _thread.interrupt_main)
        timer.start()
        try:
            with self.assertRaises(KeyboardInterrupt):
                self.model.generate(seed=1, count=1000000, max_length=1000, signals=False)
        finally:
            timer.cancel()

    def test_long_runs_release_the_gil(self):
        gen = folkrnn.Generator(self.model, seed=1, max_length=20000, signals=False)
        worker = threading.Thread(target=gen.run_to_end)
        worker.start()
        # This thread runs while the generator does: the GIL is not held through the run.
        alive = worker.is_alive()
        with self.assertRaises(RuntimeError):
            while worker.is_alive():
                gen.step()  # refused while the other thread runs it
        worker.join()
        self.assertTrue(alive)
        self.assertEqual(gen.steps, gen.run.steps)


class Pickle(unittest.TestCase):
    def test_folkrnn_pkl_opens_and_generates_as_the_cli(self):
        with tempfile.TemporaryDirectory() as d:
            subprocess.run([sys.executable, os.path.join(REFERENCE, "make_pickle_fixtures.py"), d, "--styles", "p2",
                            "--layers", "2", "--hidden", "16"], check=True, capture_output=True)
            pkl = sorted(p for p in os.listdir(d) if p.endswith(".pkl"))[0]
            path = os.path.join(d, pkl)
            model = folkrnn.Model.open(path)
            self.assertEqual((model.num_layers, model.hidden_size), (2, 16))
            run = model.generate(seed=8, max_length=80)
            out = cli("generate", "--model", path, "--seed", "8", "--max-length", "80", "--format", "tokens").stdout
            self.assertEqual([run.text], out.splitlines())


    def test_hostile_and_broken_pickles_raise_input_error(self):
        with tempfile.TemporaryDirectory() as d:
            marker = os.path.join(d, "ran")
            for flags in (["--hostile", marker], ["--broken"]):
                subprocess.run([sys.executable, os.path.join(REFERENCE, "make_pickle_fixtures.py"), d, "--styles",
                                "p2", "--layers", "1", "--hidden", "4", *flags], check=True, capture_output=True)
            pickles = sorted(p for p in os.listdir(d) if p.startswith(("hostile_", "broken_")) and p.endswith(".pkl"))
            self.assertGreater(len(pickles), 10)
            for p in pickles:
                with self.subTest(pickle=p):
                    with self.assertRaises(folkrnn.InputError) as e:
                        folkrnn.Model.open(os.path.join(d, p))
                    self.assertIn(p, str(e.exception))
            self.assertFalse(os.path.exists(marker))


class Sessions(Base):
    def test_saved_session_replays_in_cli_and_opens_again(self):
        interventions = [folkrnn.ablate(3, [2, 9], steps=range(4, 30))]
        gen = folkrnn.Generator(self.model, seed=12, temperature=0.9, prime="M:6/8", max_length=80,
                                interventions=interventions)
        run = gen.run_to_end()
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "from-python.frnsession")
            session = folkrnn.Session(gen, notes="saved from Python")
            session.save(path)
            r = cli("replay", path, check=False)
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            self.assertIn("reproduced", r.stdout)
            # A damaged copy is refused with a message, the interpreter intact.
            with open(path, "rb") as f:
                data = f.read()
            damaged = os.path.join(d, "damaged.frnsession")
            for cut in (len(data) // 3, len(data) - 100):
                with open(damaged, "wb") as f:
                    f.write(data[:cut])
                with self.assertRaises(folkrnn.InputError):
                    folkrnn.Session.open(damaged)
            opened = folkrnn.Session.open(path)
            self.assertEqual(opened.status, "replayed")
            self.assertTrue(opened.reproduced)
            self.assertFalse(opened.read_only)
            self.assertEqual(opened.notes, "saved from Python")
            self.assertEqual((opened.seed, opened.max_length), (12, 80))
            self.assertEqual(opened.interventions, interventions)
            np.testing.assert_array_equal(opened.run.tokens, run.tokens)
            np.testing.assert_array_equal(opened.run.signal(3, "h"), run.signal(3, "h"))
            self.assertEqual(opened.generator.run.text, run.text)
            # A session the CLI saved opens here too.
            cli_path = os.path.join(d, "from-cli.frnsession")
            cli("generate", "--model", MODEL, "--seed", "12", "--max-length", "80", "--save-session", cli_path)
            from_cli = folkrnn.Session.open(cli_path, model=self.model)
            self.assertEqual(from_cli.status, "replayed")
            self.assertEqual(from_cli.run.text, self.model.generate(seed=12, max_length=80).text)


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

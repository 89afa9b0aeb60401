#!/usr/bin/env python3
"""The folkrnn Python module (python/): Bad arguments raise ValueError, bad files folkrnn.InputError (an
OSError); Ctrl+C and the GIL; folk-rnn .pkl files, hostile and broken ones included.
Run by ctest (tests/python/CMakeLists.txt) with /usr/bin/python3."""
import os
import subprocess
import sys
import tempfile
import threading
import _thread
import unittest

import folkrnn
from support import REFERENCE, Base, cli


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

    def test_ctrl_c_stops_a_long_batch(self):
        timer = threading.Timer(0.3, _thread.interrupt_main)
        timer.start()
        try:
            with self.assertRaises(KeyboardInterrupt):
                self.model.generate_batch(first_seed=1, count=1000000, max_length=1000, batch=8)
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


if __name__ == "__main__":
    unittest.main(verbosity=2)

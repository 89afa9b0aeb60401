#!/usr/bin/env python3
"""The folkrnn Python module (python/): Generation and teacher forcing against folkrnn-cli and the numpy
reference sampler, with and without interventions; the Generator stepping forward and back.
Run by ctest (tests/python/CMakeLists.txt) with /usr/bin/python3."""
import json
import os
import subprocess
import sys
import unittest

import numpy as np

import folkrnn
from support import MAX_LENGTH, MODEL, REFERENCE, Base, cli_tunes, reference


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


if __name__ == "__main__":
    unittest.main(verbosity=2)

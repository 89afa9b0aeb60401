#!/usr/bin/env python3
"""The folkrnn Python module (python/): Sessions saved from Python replay in folkrnn-cli and open again; the
CLI's open here.
Run by ctest (tests/python/CMakeLists.txt) with /usr/bin/python3."""
import os
import tempfile
import unittest

import numpy as np

import folkrnn
from support import MODEL, Base, cli


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


if __name__ == "__main__":
    unittest.main(verbosity=2)

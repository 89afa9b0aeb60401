"""What the folkrnn module's tests share (tests/python/test_*.py): the paths ctest passes in
(tests/python/CMakeLists.txt), folkrnn-cli and the numpy reference sampler (tests/reference/
numpy_sampler.py, written from the specification, not from our C++). Model: the small random
one bundled as an example (3 x 64)."""
import json
import os
import subprocess
import sys
import unittest

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

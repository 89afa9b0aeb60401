#!/usr/bin/env bash
# Benchmarks (issue 11): our engine next to numpy and PyTorch on the same random 3x512 v2-shaped
# model, in the same run. Results are printed, never asserted. FOLKRNN_SKIP_DEPS=1 skips apt.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
MODEL="$TMP/v2shape.h5"
/usr/bin/python3 tests/reference/make_random_model.py "$MODEL" --layers 3 --hidden 512 --seed 11
echo "# machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), L3 $(lscpu | sed -n 's/^L3 cache: *//p')"
echo "# ours"
"$BUILD_DIR/bin/bench_generate" "$MODEL" "${REPEATS:-5}" "${TUNES:-1000}" | tee "$TMP/ours.txt"
echo "# baselines (Debian numpy and PyTorch on OpenBLAS)"
/usr/bin/python3 tests/benchmarks/baselines.py "$MODEL" "${REPEATS:-3}" | tee "$TMP/base.txt"
if [ -x "$BUILD_DIR/bin/bench_analyses" ]; then echo "# analyses"; "$BUILD_DIR/bin/bench_analyses" "$MODEL" || true; fi
# The GUI figures, on the bundled model (offscreen: no display needed): a view update per step
# change, and a clamp slider's 500-step re-run per layer of the clamped unit.
if [ -x "$BUILD_DIR/bin/bench_view_update" ]; then
  echo "# GUI"
  QT_QPA_PLATFORM=offscreen BENCH_VIEWS=0 "$BUILD_DIR/bin/bench_view_update" resources/models/folkrnn-nottingham.h5 500 100 2>/dev/null | grep -E '^(cursor|grow)' || true
fi
# The same re-runs in the core alone (no views), with the rate they read the weights at.
if [ -x "$BUILD_DIR/bin/bench_rerun" ]; then "$BUILD_DIR/bin/bench_rerun" resources/models/folkrnn-nottingham.h5 10 || true; fi
if [ -x "$BUILD_DIR/bin/test_intervention_gui" ]; then
  QT_QPA_PLATFORM=offscreen "$BUILD_DIR/bin/test_intervention_gui" sliderRerunTime 2>&1 | grep -o 'layer [0-9] unit.*' || true
fi
/usr/bin/python3 - "$TMP/ours.txt" "$TMP/base.txt" <<'PY'
import sys
v = {}
for f in sys.argv[1:]:
    for line in open(f):
        k, _, x = line.strip().partition(" ")
        try: v[k] = float(x)
        except ValueError: pass
ours = v["single_stream_ms_per_step"]
print("# ratios")
print("single stream: %.1fx faster than numpy, %.1fx faster than PyTorch f32 per token" %
      (v["numpy_ms_per_step"] / ours, v.get("torch_f32_ms_per_step", float("nan")) / ours))
for b in (64, 128):
    for dt in ("f32", "f64"):
        t = "torch_%s_batch%d_tune_steps_per_s" % (dt, b)
        if t in v and "batched_b%d_tune_steps_per_s" % b in v:
            print("batch %d: %.2fx the tune-steps/s of batched PyTorch %s" % (b, v["batched_b%d_tune_steps_per_s" % b] / v[t], dt))
    if "batched_b%d_gflops" % b in v and "dgemm_b%d_gflops" % b in v:
        print("batch %d: %.0f%% of this machine's dgemm rate" % (b, 100 * v["batched_b%d_gflops" % b] / v["dgemm_b%d_gflops" % b]))
PY

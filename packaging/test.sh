#!/usr/bin/env bash
# Installs the dependencies (Debian 12), builds Release into build/ and runs the whole test suite.
#
#   packaging/test.sh [CTEST ARGS...]             the Release build and every test (as before)
#   packaging/test.sh --sanitize [CTEST ARGS...]  the sanitizer stage only: core, folkrnn-cli and the
#                                                 non-GUI tests built with AddressSanitizer and
#                                                 UndefinedBehaviorSanitizer (-O1) into build-asan/
#   packaging/test.sh --fuzz [CTEST ARGS...]      the libFuzzer stage: every fuzz target built with clang
#                                                 into build-fuzz/ and run for a bounded time
#
# In the sanitizer stage any report fails the run: UBSan does not recover
# (-fno-sanitize-recover=all), ASan and LSan abort the test. Leaks inside system libraries we do not
# own are suppressed by packaging/sanitizers/lsan.supp (each entry says why).
# The extra stages (sanitizers, fuzzing) share common.sh's start but build elsewhere.
extra_stage_setup() {
  set -euo pipefail
  ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  cd "$ROOT"
  if [ "${FOLKRNN_SKIP_DEPS:-0}" != "1" ]; then
    bash packaging/install-deps.sh
  fi
}
if [ "${1:-}" = "--sanitize" ]; then
  shift
  extra_stage_setup
  BUILD_DIR="${FOLKRNN_SANITIZE_BUILD_DIR:-build-asan}"
  # -O1 keeps the instrumented tests fast enough for CI; -g1 gives line numbers in the reports.
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
    -DFOLKRNN_SANITIZE=ON -DFOLKRNN_BUILD_GUI=OFF ${FOLKRNN_CMAKE_ARGS:-}
  # Benchmarks are not tests; skip building them.
  cmake --build "$BUILD_DIR" -j "${FOLKRNN_JOBS:-$(nproc)}" --target all
  cd "$BUILD_DIR"
  export ASAN_OPTIONS="abort_on_error=1:halt_on_error=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
  export LSAN_OPTIONS="suppressions=$ROOT/packaging/sanitizers/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
  # test_training_smoke trains with PyTorch (no C++ of ours runs there): it is covered by the
  # Release stage and would take a third of this stage's budget.
  QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j "${FOLKRNN_TEST_JOBS:-2}" -E '^test_training_smoke$' "$@"
  exit $?
fi
if [ "${1:-}" = "--fuzz" ]; then
  # The libFuzzer stage: the pickle, session, ABC and token-corpus readers built with clang's
  # -fsanitize=fuzzer,address,undefined into build-fuzz/, each fuzzed for FOLKRNN_FUZZ_SECONDS (default
  # 30) from the committed seeds. A crash, leak, timeout or out-of-memory input fails the stage and
  # leaves its reproducer (crash-*, leak-*, ...) in build-fuzz/tests/fuzz/.
  shift
  extra_stage_setup
  BUILD_DIR="${FOLKRNN_FUZZ_BUILD_DIR:-build-fuzz}"
  CC=clang CXX=clang++ cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFOLKRNN_BUILD_GUI=OFF \
    -DFOLKRNN_FUZZ=ON -DFOLKRNN_FUZZ_SECONDS="${FOLKRNN_FUZZ_SECONDS:-30}" ${FOLKRNN_CMAKE_ARGS:-}
  cmake --build "$BUILD_DIR" -j "${FOLKRNN_JOBS:-$(nproc)}" --target fuzz_pickle fuzz_session fuzz_abc fuzz_token_corpus
  cd "$BUILD_DIR"
  ctest --output-on-failure -j "${FOLKRNN_TEST_JOBS:-2}" -R '^fuzz_.*_bounded$' "$@"
  exit $?
fi
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$BUILD_DIR"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j "${FOLKRNN_TEST_JOBS:-2}" "$@"

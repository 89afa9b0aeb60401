# Sourced by run.sh, test.sh and bench.sh: install dependencies (unless FOLKRNN_SKIP_DEPS=1),
# configure and build Release into build/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [ "${FOLKRNN_SKIP_DEPS:-0}" != "1" ]; then
  bash packaging/install-deps.sh
fi
BUILD_DIR="${FOLKRNN_BUILD_DIR:-build}"
JOBS="${FOLKRNN_JOBS:-$(nproc)}"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release ${FOLKRNN_CMAKE_ARGS:-}
cmake --build "$BUILD_DIR" -j "$JOBS"

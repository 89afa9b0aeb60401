#!/usr/bin/env bash
# Installs the dependencies (Debian 12), builds Release into build/ and runs the whole test suite.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$BUILD_DIR"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j "${FOLKRNN_TEST_JOBS:-2}" "$@"

#!/usr/bin/env bash
# Installs every build, test and runtime dependency from Debian 12 packages.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
PKGS=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n libqt6svg6 qt6-multimedia-dev
  libqcustomplot-dev libeigen3-dev libhdf5-dev hdf5-tools libssl-dev
  python3 python3-numpy python3-h5py python3-torch libopenblas0-pthread libopenblas-dev
  python3-dev pybind11-dev
  abcmidi abcm2ps
  libfluidsynth-dev timgm6mb-soundfont
  xvfb xauth fonts-dejavu-core libgl1-mesa-dri
  clang libclang-rt-14-dev
  desktop-file-utils appstream dpkg-dev file groff-base shared-mime-info
)
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${PKGS[@]}"

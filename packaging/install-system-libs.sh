#!/usr/bin/env bash
# Installs the Debian libraries Qt needs, when they are missing.
#   install-system-libs.sh test   -> what offscreen tests need
#   install-system-libs.sh run    -> that, plus what a real X11 window needs
# As root with apt-get it installs them; otherwise it prints the exact command.
set -euo pipefail

base=(libglib2.0-0 libgl1 libegl1 libx11-6 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core)
window=(libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
        libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0)

wanted=("${base[@]}")
[[ "${1:-test}" == run ]] && wanted+=("${window[@]}")

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "Not a Debian-like system: make sure the Qt 6 runtime libraries (GL, EGL, X11, xkbcommon, fontconfig) are installed." >&2
    exit 0
fi

missing=()
for pkg in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
((${#missing[@]} == 0)) && exit 0

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system libraries for Qt: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    $cmd
else
    echo "Qt needs these system libraries. Run as root:" >&2
    echo "    apt-get update && $cmd" >&2
    exit 1
fi

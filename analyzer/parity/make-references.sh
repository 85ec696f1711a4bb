#!/usr/bin/env bash
# Regenerates every parity fixture under analyzer/src/test/resources/parity (images/*.png and
# <model>/<image>.json) by running the original TF.js models with @tensorflow/tfjs (pure JS CPU
# backend). See analyzer/src/test/resources/parity/README.md.
#
# Usage: analyzer/parity/make-references.sh [--models-dir DIR]
#   DIR defaults to $CUEPOINT_MODELS_DIR, else ~/.cuepoint/models/human-models-3.0.4; when it does not
#   verify, scripts/fetch-models.sh is run to install it.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
MODELS_DIR="${CUEPOINT_MODELS_DIR:-$HOME/.cuepoint/models/human-models-3.0.4}"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --models-dir) MODELS_DIR="${2:?--models-dir needs a value}"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "make-references: unknown argument $1" >&2; exit 2 ;;
  esac
done

for tool in node npm ffmpeg ffprobe; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "make-references: '$tool' not found; install Node.js (>= 18, with npm) and ffmpeg" >&2
    exit 1
  }
done
for f in /usr/lib/python3/dist-packages/skimage/data/astronaut.png \
         /usr/share/doc/opencv-doc/examples/data/{messi5.jpg,basketball1.png,vtest.avi,Megamind.avi}; do
  [[ -f "$f" ]] || {
    echo "make-references: $f missing; install the Debian packages python3-skimage and opencv-doc" >&2
    exit 1
  }
done

# Installs the models (fast no-op when already installed and verified).
"$REPO/scripts/fetch-models.sh" --models-dir "$MODELS_DIR"

# Exact dependency versions from package-lock.json; reinstalled only when the lock changed.
if [[ ! -f "$HERE/node_modules/.package-lock.json" \
      || "$HERE/package-lock.json" -nt "$HERE/node_modules/.package-lock.json" ]]; then
  (cd "$HERE" && npm ci --ignore-scripts --no-audit --no-fund)
fi

cd "$HERE"
exec node make-references.mjs --models-dir "$MODELS_DIR" --out "$REPO/analyzer/src/test/resources/parity"

#!/usr/bin/env bash
# Times `cuepoint analyze` on a 720p recording with real people (bench/make-people-clip.sh: Megamind.avi's
# face and vtest.avi's walkers, 3 minutes by default) with every detector on: pose, faces and expressions on
# each sampled image (4 per second), objects once per second, shots and motion. Side by side, in the same
# run and on the same warm data directory, the same file with only the temporal detectors (shots, motion),
# so the cost of the deep-learning detectors shows as a ratio. Prints wall time, × real time and the
# summary of each run.
#   bench/detectors-benchmark.sh [MINUTES] [ROUNDS]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
minutes=${1:-3}
rounds=${2:-2}
video=$here/bench-out/people-${minutes}min.mp4
mkdir -p "$here/bench-out"
[ -f "$video" ] || "$here/bench/make-people-clip.sh" "$video" "$minutes"
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
"$here/cuepoint" --version >/dev/null   # builds and fetches models if needed, outside the measurement
# A first run initialises the data directory, unpacks TensorFlow and imports the models: not measured.
"$here/cuepoint" analyze "$video" --out "$data/warmup.json" --data-dir "$data" >/dev/null 2>&1
for round in $(seq 1 "$rounds"); do
  for detectors in shots,motion,pose,faces,objects shots,motion; do
    echo "== round $round: CUEPOINT_DETECTORS=$detectors"
    CUEPOINT_DETECTORS=$detectors /usr/bin/time -f "wall %e s, peak RSS %M KiB" \
      "$here/cuepoint" analyze "$video" --out "$data/timeline.json" --data-dir "$data" 2>&1 \
      | grep -vE '^(queued|decoding|analyzing|completed) ' | grep -vE '^\s+(video|timeline):'
  done
done
printf '\n%s, %d cores, load average %s\n' "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
    "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"

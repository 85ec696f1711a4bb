#!/usr/bin/env bash
# Times `cuepoint analyze` end to end on a lecture-like 720p recording (10 minutes by default) on the
# embedded default, twice: with a fresh data directory (PostgreSQL's initdb and Kafka's format
# included) and again with the now-initialised one. Prints wall time, × real time, the start-up of the
# embedded broker and database, and the peak resident memory of the whole process.
#   bench/analyze-benchmark.sh [VIDEO] [MINUTES]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
minutes=${2:-10}
video=${1:-$here/bench-out/lecture-${minutes}min.mp4}
mkdir -p "$here/bench-out"
if [ ! -f "$video" ]; then
  "$here/bench/make-lecture.sh" "$video" "$minutes"
fi
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
"$here/cuepoint" --version >/dev/null   # builds if needed, outside the measurement
for run in fresh warm; do
  echo "== $run data directory"
  /usr/bin/time -f "wall %e s, peak RSS %M KiB" \
    "$here/cuepoint" analyze "$video" --out "$here/bench-out/timeline-$run.json" --data-dir "$data" 2>&1 \
    | grep -vE '^(queued|decoding|analyzing|completed) '
done

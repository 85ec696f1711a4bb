#!/usr/bin/env bash
# Times the temporal detectors alone, without decoding, Kafka or the database: a 720p 25 fps recording with
# people (bench/make-people-clip.sh, 1 minute by default) is decoded once by ingest's real decoder into the
# segments an analyzer gets, then each detector analyses all of them (one warm-up round, ROUNDS measured), and
# all of them together. Detectors that are not registered (yet) are reported and skipped. Prints ms per second
# of video, × real time and frames per second per detector (median round). The target is >= 20× real time for
# all of them together (500 frames/s at 720p 25 fps).
# BENCH_JAVA_OPTS=-Dcuepoint.bench.opencvThreads=true adds all detectors with OpenCV's default thread pool against
# one OpenCV thread, alternating round by round.
#   bench/temporal-benchmark.sh [MINUTES] [ROUNDS] [DETECTORS]     (default 1, 3, shots,slides,technical,camera,motion)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
minutes=${1:-1}
rounds=${2:-3}
detectors=${3:-shots,slides,technical,camera,motion}
video=$here/bench-out/people-${minutes}min.mp4
mkdir -p "$here/bench-out"
[ -f "$video" ] || "$here/bench/make-people-clip.sh" "$video" "$minutes"
cd "$here"
mvn -q -pl analyzer -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/test-classpath.txt >/dev/null
cp="analyzer/target/test-classes:analyzer/target/classes:$(cat analyzer/target/test-classpath.txt)"
java -Xmx3g ${BENCH_JAVA_OPTS:-} -cp "$cp" io.cuepoint.analyzer.bench.TemporalBenchmark "$video" "$detectors" "$rounds" 2>&1 \
    | grep -vE '^(SLF4J|[0-9:.,]+ \|-)' | sed 's/\t/ | /g'
printf '\n%s, %d cores, load average %s\n' "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
    "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"

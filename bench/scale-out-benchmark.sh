#!/usr/bin/env bash
# Scale-out benchmark (issue #7): one long lecture (bench/make-lecture.sh, 720p with speech-like audio) analysed by
# the cluster test harness's processes (three KRaft brokers with replication factor 3 and min ISR 2, PostgreSQL,
# the packaged program's api, ingest and analyzer roles), once per analyzer count: each run a fresh video, fresh
# analyzer processes, the same input. Prints a Markdown table: submit->COMPLETED wall time, media seconds per wall
# second, speed-up over the first run, the analyzers' CPU time, per-segment analysis time and the consumer lag of
# cuepoint-analyzer sampled every second (max, and a series every 5 s).
#   bench/scale-out-benchmark.sh [MINUTES]          (default 3)
# Environment: BENCH_ANALYZERS (1,2), BENCH_SEGMENT_SECONDS (5), BENCH_TF_THREADS (1: TensorFlow threads per analyzer,
# so that on a small machine two analyzers do not fight over intra-op threads), BENCH_VIDEO (another input file).
# Files: api/target/bench-scale-out/ (the lecture, the cluster's logs under cluster/logs/).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
minutes=${1:-3}
target="$here/api/target"
jar="$target/cuepoint.jar"
classpath="$target/test-classpath.txt"
if [ ! -f "$jar" ] || [ ! -f "$classpath" ] || [ ! -f "$target/test-classes/io/cuepoint/api/bench/ScaleOutBenchmark.class" ] \
    || [ -n "$(find "$here/pom.xml" "$here"/*/pom.xml "$here"/*/src/main "$here/api/src/test/java/io/cuepoint/api/bench" \
      "$here/api/src/test/java/io/cuepoint/api/cluster" -newer "$jar" -print -quit)" ]; then
  echo "building..." >&2
  # The test classpath (Awaitility, the ingest test-jar, ...) is written in the same reactor build, so that
  # sibling modules resolve to this tree's build and not to the local repository.
  mvn -q -o -B -f "$here/pom.xml" -pl api -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile="$classpath" >&2
  touch "$jar"
fi
work="$target/bench-scale-out"
mkdir -p "$work"
video=${BENCH_VIDEO:-$work/lecture-${minutes}min.mp4}
if [ ! -f "$video" ]; then
  echo "making a ${minutes}-minute lecture..." >&2
  "$here/bench/make-lecture.sh" "$video" "$minutes" >&2
fi
# Everything shares this machine's cores: the load average tells how much else ran meanwhile.
echo "$(nproc) cores; $(date -u +%FT%TZ); load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx1g -Dcuepoint.jar="$jar" -cp "$target/test-classes:$target/classes:$(cat "$classpath")" \
  io.cuepoint.api.bench.ScaleOutBenchmark --video "$video" --dir "$work/cluster" \
  --analyzers "${BENCH_ANALYZERS:-1,2}" --segment-seconds "${BENCH_SEGMENT_SECONDS:-5}" \
  --tf-threads "${BENCH_TF_THREADS:-1}"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Load benchmark of the REST api (issue #6): EVENTS events over VIDEOS completed videos in the all-in-one's embedded
# PostgreSQL, the real api in one JVM, a load generator in another with 64 persistent connections, open loop at
# RATE requests/s (latency counted from each request's intended send time). Mix: 70 % timeline windows
# (GET /videos/{id}/events?from=&to=&limit=100), 5 % whole timelines (GET /videos/{id}/timeline), 25 % event
# searches (GET /events?type=&course=&minConfidence=&limit=100, then its next page; n/a while the api lacks it).
# Prints one Markdown table per run. The seeded database is kept under api/target/bench-db/ so reruns skip seeding.
#   bench/api-load-benchmark.sh [EVENTS] [VIDEOS] [SECONDS] [RATE]     (defaults 1000000 1000 60 200)
# Environment: BENCH_STEP=START:FACTOR:SECONDS raises the rate step by step until a p99 target breaks (RATE and
# SECONDS are then ignored); BENCH_CONNECTIONS (64); BENCH_WARMUP seconds (15); BENCH_MIX (window=70,timeline=5,
# search=25); BENCH_PORT (18080); BENCH_POOL, the api's JDBC pool size (application.yml's unless set);
# BENCH_SERVER_OPTS, the api JVM's options (-Xmx3g, as the launcher); BENCH_JAR, another build's
# api/target/cuepoint.jar to measure instead (a baseline), with this tree's benchmark classes.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
events=${1:-1000000}
videos=${2:-1000}
seconds=${3:-60}
rate=${4:-200}
port=${BENCH_PORT:-18080}
target="$here/api/target"
jar="$target/cuepoint.jar"
if [ -n "${BENCH_JAR:-}" ]; then
  jar=$BENCH_JAR   # another build of the api (a baseline), run with this tree's benchmark classes
elif [ ! -f "$jar" ] || [ ! -d "$target/test-classes/io/cuepoint/api/bench" ] || [ -n "$(find "$here/pom.xml" \
    "$here"/*/pom.xml "$here"/*/src/main "$here/api/src/test/java/io/cuepoint/api/bench" -newer "$jar" -print -quit)" ]; then
  echo "building..." >&2
  mvn -q -o -B -f "$here/pom.xml" -pl api -am -DskipTests package >&2
  touch "$jar"
fi
dir="$target/bench-db/e$events-v$videos"
mkdir -p "$dir"
key="bench-operator-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
if [ -n "${BENCH_POOL:-}" ]; then export DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE=$BENCH_POOL; fi
# The benchmark measures the api, not the per-client rate limit: raise it far above the offered load.
export CUEPOINT_AUTH_RATE_LIMIT_PER_SECOND=1000000 CUEPOINT_AUTH_RATE_LIMIT_BURST=1000000
java ${BENCH_SERVER_OPTS:--Xmx3g} -cp "$target/test-classes:$jar" io.cuepoint.api.bench.BenchServer \
  "$dir" "$events" "$videos" "$port" "$key" > "$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
echo "starting the api on port $port with $events events over $videos videos (log: $dir/server.log)..." >&2
until grep -q '^BENCH-READY' "$dir/server.log"; do
  if ! kill -0 "$server" 2>/dev/null; then
    tail -30 "$dir/server.log" >&2
    echo "the api did not start" >&2
    exit 1
  fi
  sleep 1
done
grep -E '^(seed|database|events:)' "$dir/server.log" >&2
args=(--url "http://127.0.0.1:$port" --videos "$dir/videos.tsv" --operator-key "$key"
      --connections "${BENCH_CONNECTIONS:-64}" --warmup "${BENCH_WARMUP:-15}"
      --mix "${BENCH_MIX:-window=70,timeline=5,search=25}")
if [ -n "${BENCH_STEP:-}" ]; then args+=(--step "$BENCH_STEP"); else args+=(--rate "$rate" --seconds "$seconds"); fi
# Client, api and PostgreSQL share this machine's cores: the load average tells how much else ran meanwhile.
echo "pool: ${BENCH_POOL:-application.yml}; $(nproc) cores; $(date -u +%FT%TZ); load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx1g -cp "$target/test-classes" io.cuepoint.api.bench.LoadGenerator "${args[@]}"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"

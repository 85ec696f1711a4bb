#!/usr/bin/env bash
# Per-model benchmark of the analyzer's TensorFlow models on this machine: engine start, load time (import
# into an empty cache, then from the cache), warm latency median and p90 over RUNS runs on a real image,
# and peak resident memory. One JVM per model, so each peak is that model's alone.
#   bench/model-benchmark.sh [RUNS]          (default 50; models from CUEPOINT_MODELS_DIR or the default)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-50}
cd "$here"
mvn -q -pl analyzer -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/test-classpath.txt >/dev/null
cp="analyzer/target/test-classes:analyzer/target/classes:$(cat analyzer/target/test-classpath.txt)"
printf '| model | batch | engine start ms | load ms (import + load) | load ms (cached) | median ms | p90 ms | ms per item | CPU ms per run | peak RSS MiB |\n'
printf '|---|---|---|---|---|---|---|---|---|---|\n'
for spec in movenet-lightning:1 movenet-thunder:1 movenet-multipose:1 blazeface:1 centernet:1 emotion:1 emotion:8 \
    handtrack:1; do
  model=${spec%:*}
  batch=${spec#*:}
  # The same heap limit as the analyzer's tests; TensorFlow's memory is native and counts in the RSS.
  line=$(java -Xmx2g -cp "$cp" io.cuepoint.analyzer.bench.ModelBenchmark \
      "$model" "$batch" "$runs" 2>/dev/null | tail -1)
  printf '| %s |\n' "$(echo "$line" | sed 's/\t/ | /g')"
done
printf '\n%s, %d cores, load average %s\n' "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
    "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"

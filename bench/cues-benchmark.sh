#!/usr/bin/env bash
# The cost of the engagement cues (issue 5) on top of the detectors, as a share of the analyzer's time per
# video minute. A 720p 25 fps recording with people (bench/make-people-clip.sh: Megamind.avi's talking face,
# then vtest.avi's walkers) gets real speech (espeak-ng, 150 words per minute, with pauses between sentences)
# as its audio track; ingest's real decoder cuts it once into segments (16 kHz waveform included), then in
# alternating rounds (a) the base detectors and (b) the base detectors plus the cue detectors analyse every
# segment. Cue detectors that are not registered (yet) are reported and skipped. Prints ms per video minute
# of each set, each detector's time and the cues' share. Without a GPU, TensorFlow runs on the CPU.
#   bench/cues-benchmark.sh [MINUTES] [ROUNDS] [BASE] [CUES]
#   defaults: 1, 3, shots,slides,technical,camera,motion,pose,faces,objects, hands,speech,presenter,skills
#   (hands is not on by default; it is in the cue set so that its cost shows per detector)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
minutes=${1:-1}
rounds=${2:-3}
base=${3:-shots,slides,technical,camera,motion,pose,faces,objects}
cues=${4:-hands,speech,presenter,skills}
command -v espeak-ng >/dev/null || { echo "cues-benchmark: espeak-ng missing; apt-get install espeak-ng" >&2; exit 1; }
work=$here/target/cues-bench
mkdir -p "$work"
video=$work/people-speech-${minutes}min.mp4
if [ ! -f "$video" ]; then
  "$here/bench/make-people-clip.sh" "$work/people-${minutes}min.mp4" "$minutes" >/dev/null
  text="Good morning. Today we look at how the heart moves blood through the body. \
The right side of the heart collects blood from the veins and sends it to the lungs. \
There, the blood takes up oxygen and gives off carbon dioxide. \
The left side then pumps it out through the aorta to every organ. \
Let us listen to a normal heart sound, and then compare it with a murmur. \
Notice the short pause between the first and the second sound. \
When you examine a patient, place the stethoscope gently, and ask them to breathe slowly. \
Are there any questions so far? Good. Then we move on to the valves."
  # Repeated with a pause between passes until it covers the clip, then cut to its length.
  espeak-ng -s 150 -g 8 -w "$work/speech.wav" "$text"
  ffmpeg -loglevel error -y -i "$work/people-${minutes}min.mp4" -stream_loop -1 -i "$work/speech.wav" \
    -filter_complex "[1:a]aresample=48000,apad=pad_dur=1[s]" -map 0:v -map "[s]" -c:v copy \
    -c:a aac -b:a 128k -ac 1 -t "$((minutes * 60))" "$video"
  echo "$video: $minutes min of 1280x720 people with espeak-ng speech" >&2
fi
cd "$here"
mvn -q -pl analyzer -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/test-classpath.txt >/dev/null
cp="analyzer/target/test-classes:analyzer/target/classes:$(cat analyzer/target/test-classpath.txt)"
java -Xmx3g ${BENCH_JAVA_OPTS:-} -Dcuepoint.bench.base="$base" -Dcuepoint.bench.cues="$cues" -cp "$cp" \
    io.cuepoint.analyzer.bench.CuesBenchmark "$video" "$rounds" 2>&1 \
    | grep -vE '^(SLF4J|[0-9:.,]+ \|-|WARNING)' | grep -vE '^[0-9:.]+ (INFO|DEBUG)' | sed 's/\t/ | /g'
printf '\n%s, %d cores, load average %s\n' "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
    "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"

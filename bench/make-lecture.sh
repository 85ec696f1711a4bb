#!/usr/bin/env bash
# Makes a lecture-like 720p H.264 recording with known slide changes, for benchmarks.
#   bench/make-lecture.sh OUT.mp4 [MINUTES]
# Slides change every 40 s (a hard cut); a "presenter" block sways in the right third for the first
# 20 s of every slide (ending where it started, so it never jumps) and stands still for the rest; a 220 Hz tone with 1 s pauses stands in for speech.
set -euo pipefail
out=${1:?usage: make-lecture.sh OUT.mp4 [MINUTES]}
minutes=${2:-10}
slide_s=40
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
total=$((minutes * 60))
n=$(( (total + slide_s - 1) / slide_s ))
colors=(white "#f3efe0" "#e6f0fa" "#eef7ee")
for i in $(seq 0 $((n - 1))); do
  convert -size 1280x720 "xc:${colors[$((i % 4))]}" -fill "#223" \
    -draw "rectangle 80,70 1200,140" -fill "#335" \
    -draw "rectangle 80,200 $((500 + (i * 97) % 600)),230" \
    -draw "rectangle 80,270 $((400 + (i * 53) % 700)),300" \
    -draw "rectangle 80,340 $((600 + (i * 31) % 500)),370" \
    -draw "circle $((300 + (i * 71) % 700)),560 $((340 + (i * 71) % 700)),560" \
    "$work/slide$i.png"
  echo "file '$work/slide$i.png'" >> "$work/list.txt"
  echo "duration $slide_s" >> "$work/list.txt"
done
echo "file '$work/slide$((n - 1)).png'" >> "$work/list.txt"
ffmpeg -loglevel error -y -f concat -safe 0 -i "$work/list.txt" \
  -f lavfi -i "color=c=#8a5a44:s=160x300:r=25" \
  -f lavfi -i "sine=frequency=220:sample_rate=48000" \
  -filter_complex "[0:v]fps=25,format=yuv420p[bg];[bg][1:v]overlay=x='1000+if(lt(mod(t,$slide_s),20),80*sin(2*PI*t/4),0)':y=380:shortest=1[v];[2:a]volume='if(lt(mod(t,5),4),0.5,0)':eval=frame[a]" \
  -map "[v]" -map "[a]" -t "$total" -c:v libx264 -preset veryfast -crf 23 -g 250 -c:a aac -b:a 96k "$out"
echo "$out: $minutes min, slide changes every $slide_s s"

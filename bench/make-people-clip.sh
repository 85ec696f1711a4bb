#!/usr/bin/env bash
# Makes a 720p H.264 recording with real people in it, for the deep-learning detector benchmark: the
# opencv-doc clips Megamind.avi (one face, talking) and vtest.avi (pedestrians, static camera), each
# scaled into 1280x720 (letterboxed) at 25 fps and repeated until the wanted length.
#   bench/make-people-clip.sh OUT.mp4 [MINUTES]
set -euo pipefail
out=${1:?usage: make-people-clip.sh OUT.mp4 [MINUTES]}
minutes=${2:-3}
data=/usr/share/doc/opencv-doc/examples/data
for clip in Megamind.avi vtest.avi; do
  [ -f "$data/$clip" ] || { echo "make-people-clip: $data/$clip missing; install it with: apt-get install opencv-doc" >&2; exit 1; }
done
fit="scale=1280:720:force_original_aspect_ratio=decrease,pad=1280:720:(ow-iw)/2:(oh-ih)/2,fps=25,setsar=1,format=yuv420p"
ffmpeg -loglevel error -y -stream_loop -1 -i "$data/Megamind.avi" -stream_loop -1 -i "$data/vtest.avi" \
  -filter_complex "[0:v]trim=0:30,setpts=PTS-STARTPTS,$fit[a];[1:v]trim=0:30,setpts=PTS-STARTPTS,$fit[b];[a][b]concat=n=2:v=1:a=0,loop=loop=-1:size=1500,trim=0:$((minutes * 60))[v]" \
  -map "[v]" -t "$((minutes * 60))" -c:v libx264 -preset veryfast -crf 23 -g 250 "$out"
echo "$out: $minutes min of 1280x720 at 25 fps, alternating 30 s of Megamind.avi and 30 s of vtest.avi"

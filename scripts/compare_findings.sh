#!/bin/bash
# Compares `copydesk check --format json` of two builds over every draft in
# tests/corpus, tests/fixtures and the benchmark inputs (target/bench-inputs, written by
# `cargo bench --bench generate`). Usage: scripts/compare_findings.sh OLD_BINARY [NEW_BINARY]
# Prints the files that differ and the count compared; exits 1 on any difference.
set -u
old=$1
new=${2:-target/release/copydesk}
cd "$(dirname "$0")/.."
compared=0
differ=0
while IFS= read -r -d '' file; do
    a=$("$old" check --format json "$file" 2>&1)
    b=$("$new" check --format json "$file" 2>&1)
    compared=$((compared + 1))
    if [ "$a" != "$b" ]; then
        differ=$((differ + 1))
        echo "differs: $file"
    fi
done < <(find tests/corpus tests/fixtures target/bench-inputs -type f \
    \( -name '*.md' -o -name '*.txt' \) -print0 2>/dev/null | sort -z)
echo "compared $compared files, $differ differ"
[ "$differ" -eq 0 ]

#!/bin/sh
# End-to-end: `mamori version compare` over 1,000,000 lines built from a scheme's oracle vectors (repeated).
# Usage: mamori-bench/scripts/version-cli.sh [SCHEME] [LINES]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
scheme=${1:-maven}
lines=${2:-1000000}
input=$(mktemp)
trap 'rm -f "$input"' EXIT
vectors="$root/mamori-core/src/test/resources/version-vectors/$scheme.tsv.gz"
while [ "$(wc -l <"$input")" -lt "$lines" ]; do
  gzip -dc "$vectors" | grep -v '^#' | cut -f1,2 >>"$input"
done
head -n "$lines" "$input" >"$input.n" && mv "$input.n" "$input"
"$root/mamori" --version >/dev/null   # build first if needed, outside the timing
echo "$scheme: $(wc -l <"$input") lines"
/usr/bin/time -f "%e s wall, %M KB peak RSS" "$root/mamori" version compare --scheme "$scheme" <"$input" >/dev/null

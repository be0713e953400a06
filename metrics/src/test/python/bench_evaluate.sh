#!/usr/bin/env bash
# The `landcover evaluate` benchmark (BENCHMARKS.md, section "Metrics (metrics)"): Python (Pillow + numpy.bincount)
# against landcover evaluate on 1 and 2 threads, over the pairs written by make_eval_pairs.py.
#
#   python3 metrics/src/test/python/make_eval_pairs.py /tmp/lc-bench 2000      # once: 2000 pairs of 512x512 PNG
#   metrics/src/test/python/bench_evaluate.sh /tmp/lc-bench 3                  # 3 rounds, wall/user/sys/max RSS
#
# LANDCOVER overrides the command (default: ./landcover with -Xmx256m through LANDCOVER_JAVA_OPTS);
# PYTHON the interpreter (default /usr/bin/python3, Debian's numpy and Pillow).
set -euo pipefail
DATA=${1:?usage: bench_evaluate.sh DATA_DIR [ROUNDS]}
ROUNDS=${2:-3}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
PYTHON=${PYTHON:-/usr/bin/python3}
export LANDCOVER_JAVA_OPTS=${LANDCOVER_JAVA_OPTS:--Xmx256m}
LANDCOVER=${LANDCOVER:-$ROOT/landcover}
pairs=$(ls "$DATA/reference" | wc -l)
echo "# $pairs pairs in $DATA; $(nproc) cores; $(date -u +%FT%TZ); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| round | command | wall s | user s | sys s | max RSS MB |"
echo "|---|---|---:|---:|---:|---:|"
measure() {
  local round=$1 name=$2; shift 2
  local tmp
  tmp=$(mktemp)
  /usr/bin/time -o "$tmp" -f "%e %U %S %M" "$@" >/dev/null 2>&1
  read -r wall user sys rss <"$tmp"
  rm -f "$tmp"
  printf "| %s | %s | %s | %s | %s | %.0f |\n" "$round" "$name" "$wall" "$user" "$sys" "$((rss / 1024))"
}
for r in $(seq 1 "$ROUNDS"); do
  measure "$r" "python PIL+bincount" "$PYTHON" "$HERE/evaluate_numpy.py" "$DATA/reference" "$DATA/prediction"
  measure "$r" "landcover evaluate --threads 1" $LANDCOVER evaluate --reference "$DATA/reference" \
      --prediction "$DATA/prediction" --threads 1
  measure "$r" "landcover evaluate --threads 2" $LANDCOVER evaluate --reference "$DATA/reference" \
      --prediction "$DATA/prediction" --threads 2
done

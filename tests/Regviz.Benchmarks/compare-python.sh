#!/usr/bin/env bash
# Times regviz against the equivalent numpy + scikit-learn + matplotlib script (contour_figure.py) in one
# run on this machine and prints the ratios the speed targets are stated in. Needs python3 with numpy,
# scikit-learn and matplotlib (Debian: python3-sklearn python3-matplotlib). Usage:
#   tests/Regviz.Benchmarks/compare-python.sh [runs]        (default 7 runs per measurement, medians)
# Set WITH_BDN=1 to also run the BenchmarkDotNet grid benchmark for the one-core throughput comparison.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${1:-7}
# the first interpreter that has the three libraries: $PYTHON, python3 on the PATH, then the system's
py=""
for candidate in ${PYTHON:-} python3 /usr/bin/python3; do
  if "$candidate" -c "import numpy, sklearn, matplotlib" 2>/dev/null; then py=$candidate; break; fi
done
if [ -z "$py" ]; then
  echo "error: no python3 with numpy, scikit-learn and matplotlib; nothing to compare against" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rid=linux-x64
echo "publishing regviz (Release, ReadyToRun, $rid) ..."
dotnet publish "$root/src/Regviz.Cli" -c Release -r "$rid" --self-contained false -o "$work/regviz" >/dev/null
regviz="$work/regviz/regviz"

# median wall time in milliseconds of a command, over $runs runs after one warm-up
median_ms() {
  "$@" >/dev/null 2>&1
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
peak_mb() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%.0f", $1/1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a/b}'; }

cd "$work"
py_one=$(median_ms "$py" "$here/contour_figure.py" --out "$work/py1")
rv_one=$(median_ms "$regviz" contour --norm l1 --lambda 0.5 --path --out "$work/one.png")
py_48=$(median_ms "$py" "$here/contour_figure.py" --count 48 --out "$work/py48")
rv_48_1=$(median_ms "$regviz" batch "$here/figures48.yaml" --out "$work/b1" --jobs 1)
rv_48_2=$(median_ms "$regviz" batch "$here/figures48.yaml" --out "$work/b2" --jobs 2)
rv_400=$(median_ms "$regviz" contour --norm l1 --lambda 0.5 --path --grid 400 --out "$work/g400.png")
rv_2000=$(median_ms "$regviz" contour --norm l1 --lambda 0.5 --path --grid 2000 --out "$work/g2000.png")
mem_2000=$(peak_mb "$regviz" contour --norm l1 --lambda 0.5 --path --grid 2000 --out "$work/g2000.png")
py_mem_48=$(peak_mb "$py" "$here/contour_figure.py" --count 48 --out "$work/py48")
np_rate=$("$py" - <<'PY'
import numpy as np, timeit
n = 401
x = np.linspace(-2, 2, n); W1, W2 = np.meshgrid(x, x)
g00, g01, g11, c0, c1, yy, lam = 1.0, 0.15, 0.25, 1.5, 0.4, 3.0, 0.5
f = lambda: g00*W1*W1 + 2*g01*W1*W2 + g11*W2*W2 - 2*c0*W1 - 2*c1*W2 + yy + lam*(np.abs(W1) + np.abs(W2))
t = min(timeit.repeat(f, number=20, repeat=5)) / 20
print(f"{n*n/t/1e6:.0f}")
PY
)

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(dotnet --version) SDK; $("$py" --version)"
echo "medians of $runs runs (ms)"
printf '%-52s %8s %8s %8s\n' "workload" "python" "regviz" "ratio"
printf '%-52s %8s %8s %8s\n' "one contour figure + path, cold process" "$py_one" "$rv_one" "$(ratio "$rv_one" "$py_one")"
printf '%-52s %8s %8s %8s\n' "48 figures (regviz batch --jobs 1)" "$py_48" "$rv_48_1" "$(ratio "$rv_48_1" "$py_48")"
printf '%-52s %8s %8s %8s\n' "48 figures (regviz batch --jobs 2)" "$py_48" "$rv_48_2" "$(ratio "$rv_48_2" "$py_48")"
echo "targets: one figure <= 0.333, 48 figures <= 0.250"
echo "regviz --grid 2000 vs --grid 400: $rv_2000 ms / $rv_400 ms = $(ratio "$rv_2000" "$rv_400") (target < 3); peak memory at --grid 2000: ${mem_2000} MB (target < 400); python 48 figures peak: ${py_mem_48} MB"
echo "numpy grid evaluation of the penalised quadratic: ${np_rate} M points/s (one core)"
if [ "${WITH_BDN:-0}" = 1 ]; then
  (cd "$root" && dotnet run -c Release --project "$here" -- --filter '*GridBenchmarks.LossGridOneCore*' --job short --artifacts "$work/bdn" >/dev/null)
  csv="$work/bdn/results/Regviz.Benchmarks.GridBenchmarks-report.csv"
  mean_us=$(grep '^LossGridOneCore,' "$csv" | grep ',400,' | sed -E 's/.*,400,([0-9.]+) μs.*/\1/')
  echo "regviz grid evaluation (BenchmarkDotNet, one core, 401x401): ${mean_us} us = $(awk -v u="$mean_us" 'BEGIN {printf "%.0f", 401*401/u}') M points/s"
fi

#!/usr/bin/env bash
# Times the installed regviz tool against the equivalent numpy + scikit-learn + matplotlib script
# (contour_figure.py) in one interleaved run on this machine, and prints the table the README's speed section shows.
#
# The tools are packed from this working tree with scripts/pack.sh and installed as users install them
# (dotnet tool install --tool-path ... --add-source ...): `regviz`, which is this platform's Native AOT package,
# and `regviz.any`, the JIT fallback every other platform gets. With BASELINE=<git ref> the tool as packed at that
# commit is installed and timed too (the JIT tool before AOT, say), so "the fallback is no slower than before"
# is measured in the same run. Each round runs every command once, in turn, so a busy machine slows all alike;
# the medians are printed.
#
# Needs python3 with numpy, scikit-learn and matplotlib (Debian: apt-get install python3-numpy python3-sklearn
# python3-matplotlib), the Native AOT toolchain scripts/pack.sh needs, and GNU time (/usr/bin/time) for peak memory.
# Usage: tests/Regviz.Benchmarks/compare-python.sh [rounds]      (default 7)
# WITH_BDN=1 adds the BenchmarkDotNet grid benchmark for the one-core throughput comparison.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
rounds=${1:-7}
py=""
for candidate in ${PYTHON:-} python3 /usr/bin/python3; do
  if "$candidate" -c "import numpy, sklearn, matplotlib" 2>/dev/null; then py=$candidate; break; fi
done
if [ -z "$py" ]; then
  echo "error: no python3 with numpy, scikit-learn and matplotlib; nothing to compare against" >&2
  exit 2
fi
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time (GNU time) is needed for peak memory" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "packing and installing regviz (scripts/pack.sh: pointer, any, this platform's AOT package) ..."
"$root/scripts/pack.sh" -o "$work/packages" >"$work/pack.log" 2>&1 || { cat "$work/pack.log"; exit 1; }
dotnet tool install --tool-path "$work/aot" regviz --add-source "$work/packages" >/dev/null
dotnet tool install --tool-path "$work/any" regviz.any --add-source "$work/packages" >/dev/null
aot="$work/aot/regviz" any="$work/any/regviz"
base=""
if [ -n "${BASELINE:-}" ]; then
  echo "packing the tool as it was at $BASELINE ..."
  mkdir "$work/baseline-src"
  git -C "$root" archive "$BASELINE" | tar -x -C "$work/baseline-src"
  dotnet pack "$work/baseline-src/src/Regviz.Cli" -c Release -o "$work/baseline-packages" >"$work/baseline.log" 2>&1 \
    || { cat "$work/baseline.log"; exit 1; }
  # by its own package folder only: the pointer of this tree is not there to redirect the install
  dotnet tool install --tool-path "$work/baseline" regviz --source "$work/baseline-packages" >/dev/null
  base="$work/baseline/regviz"
fi

# ---- the workloads, each a command line; every round runs them all once, in this order --------------------------
names=() commands=()
add() { names+=("$1"); shift; commands+=("$(printf '%q ' "$@")"); }
cd "$work"
add py_one "$py" "$here/contour_figure.py" --out "$work/py1"
add aot_one "$aot" contour --norm l1 --lambda 0.5 --path --out "$work/aot1.png"
add any_one "$any" contour --norm l1 --lambda 0.5 --path --out "$work/any1.png"
add py_48 "$py" "$here/contour_figure.py" --count 48 --out "$work/py48"
add aot_48_1 "$aot" batch "$here/figures48.yaml" --out "$work/aot48-1" --jobs 1
add aot_48_2 "$aot" batch "$here/figures48.yaml" --out "$work/aot48-2" --jobs 2
add any_48_2 "$any" batch "$here/figures48.yaml" --out "$work/any48-2" --jobs 2
add aot_400 "$aot" contour --norm l1 --lambda 0.5 --path --grid 400 --out "$work/g400.png"
add aot_2000 "$aot" contour --norm l1 --lambda 0.5 --path --grid 2000 --out "$work/g2000.png"
add aot_blog "$aot" batch "$root/samples/blog/figures.yaml" --out "$work/blog-aot" --jobs 2
add any_blog "$any" batch "$root/samples/blog/figures.yaml" --out "$work/blog-any" --jobs 2
if [ -n "$base" ]; then
  add base_one "$base" contour --norm l1 --lambda 0.5 --path --out "$work/base1.png"
  add base_48_2 "$base" batch "$here/figures48.yaml" --out "$work/base48-2" --jobs 2
  add base_blog "$base" batch "$root/samples/blog/figures.yaml" --out "$work/blog-base" --jobs 2
fi

# wall time and CPU time (user + sys, of the process and its children) of one command, in ms: "WALL CPU"
cat >"$work/measure.py" <<'PY'
import resource, subprocess, sys, time
before = resource.getrusage(resource.RUSAGE_CHILDREN)
t0 = time.perf_counter()
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
wall = time.perf_counter() - t0
after = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
print(f"{wall * 1000:.0f} {cpu * 1000:.0f}")
sys.exit(code)
PY
declare -A times cpus
for i in "${!names[@]}"; do eval "${commands[$i]}" >/dev/null 2>&1; done # warm-up: file cache, font cache, nothing timed
for round in $(seq "$rounds"); do
  for i in "${!names[@]}"; do
    out=$(eval "$(printf '%q %q ' "$py" "$work/measure.py")${commands[$i]}") || { echo "error: ${names[$i]} failed: ${commands[$i]}" >&2; exit 1; }
    read -r wall cpu <<<"$out"
    times[${names[$i]}]+="$wall "
    cpus[${names[$i]}]+="$cpu "
  done
  echo "round $round of $rounds done" >&2
done
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
peak_mb() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%.0f", $1/1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a/b}'; }
declare -A m c
for n in "${names[@]}"; do m[$n]=$(median "${times[$n]}"); c[$n]=$(median "${cpus[$n]}"); done

mem_aot_one=$(peak_mb "$aot" contour --norm l1 --lambda 0.5 --path --out "$work/aot1.png")
mem_any_one=$(peak_mb "$any" contour --norm l1 --lambda 0.5 --path --out "$work/any1.png")
mem_py_one=$(peak_mb "$py" "$here/contour_figure.py" --out "$work/py1")
mem_aot_2000=$(peak_mb "$aot" contour --norm l1 --lambda 0.5 --path --grid 2000 --out "$work/g2000.png")
mem_aot_48=$(peak_mb "$aot" batch "$here/figures48.yaml" --out "$work/aot48-2" --jobs 2)
mem_py_48=$(peak_mb "$py" "$here/contour_figure.py" --count 48 --out "$work/py48")
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
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "dotnet SDK $(dotnet --version); $("$py" --version); numpy $("$py" -c 'import numpy; print(numpy.__version__)'), scikit-learn $("$py" -c 'import sklearn; print(sklearn.__version__)'), matplotlib $("$py" -c 'import matplotlib; print(matplotlib.__version__)')"
echo "installed: regviz -> $(readlink "$aot" | grep -o 'regviz\.[a-z0-9-]*' | head -n 1) (AOT); regviz.any (JIT)${base:+; baseline: regviz as packed at $BASELINE}"
echo "packages: $(cd "$work/packages" && for f in *.nupkg; do printf '%s %s  ' "$f" "$(wc -c <"$f" | awk '{printf ($1 < 1048576 ? "%.0f KB" : "%.1f MB"), ($1 < 1048576 ? $1/1024 : $1/1048576)}')"; done)"
echo "medians of $rounds interleaved rounds: wall time, and CPU time (user + sys), which a busy machine inflates less"
echo
echo "| workload | python | regviz (AOT) | ratio | CPU time: python, regviz, ratio | target |"
echo "|---|---|---|---|---|---|"
row() { # label, python key, regviz key, target
  echo "| $1 | ${m[$2]} ms | ${m[$3]} ms | **$(ratio "${m[$3]}" "${m[$2]}")** | ${c[$2]} ms, ${c[$3]} ms, $(ratio "${c[$3]}" "${c[$2]}") | $4 |"
}
row "one \`contour --norm l1 --lambda 0.5 --path\`, cold process" py_one aot_one "≤ 0.06"
row "48 figures (\`batch figures48.yaml --jobs 1\`)" py_48 aot_48_1 "≤ 0.10"
row "48 figures (\`batch figures48.yaml --jobs 2\`)" py_48 aot_48_2 "≤ 0.10"
echo "| peak memory, one figure | ${mem_py_one} MB | ${mem_aot_one} MB | | | ≤ 40 MB |"
echo "| peak memory, 48 figures (\`--jobs 2\`) | ${mem_py_48} MB | ${mem_aot_48} MB | | | |"
echo
echo "| workload | regviz (AOT) | regviz.any (JIT) |${base:+ baseline (JIT) | any / baseline, wall and CPU |}"
echo "|---|---|---|${base:+---|---|}"
row2() { # label, key suffix
  local a=aot_$2 j=any_$2 b=base_$2
  echo "| $1 | ${m[$a]} ms | ${m[$j]} ms |${base:+ ${m[$b]:-} ms | $(ratio "${m[$j]}" "${m[$b]:-1}"), $(ratio "${c[$j]}" "${c[$b]:-1}") |}"
}
row2 "one figure, cold process" one
row2 "48 figures, \`--jobs 2\`" 48_2
row2 "blog manifest (13 figures), \`--jobs 2\`" blog
echo "| peak memory, one figure | ${mem_aot_one} MB | ${mem_any_one} MB |${base:+ | |}"
echo
echo "regviz (AOT) --grid 2000 vs --grid 400: ${m[aot_2000]} ms / ${m[aot_400]} ms = $(ratio "${m[aot_2000]}" "${m[aot_400]}") (target < 3); peak memory at --grid 2000: ${mem_aot_2000} MB (target < 400)"
echo "numpy grid evaluation of the penalised quadratic: ${np_rate} M points/s (one core)"
if [ "${WITH_BDN:-0}" = 1 ]; then
  (cd "$root" && dotnet run -c Release --project "$here" -- --filter '*GridBenchmarks.LossGridOneCore*' --job short --artifacts "$work/bdn" >/dev/null)
  csv="$work/bdn/results/Regviz.Benchmarks.GridBenchmarks-report.csv"
  mean_us=$(grep '^LossGridOneCore,' "$csv" | grep ',400,' | sed -E 's/.*,400,([0-9.]+) μs.*/\1/')
  echo "regviz grid evaluation (BenchmarkDotNet, JIT, one core, 401x401): ${mean_us} us = $(awk -v u="$mean_us" 'BEGIN {printf "%.0f", 401*401/u}') M points/s"
fi

#!/usr/bin/env bash
# Records the libraries' current public API in src/<project>/PublicAPI.Unshipped.txt, from the analyzer's own
# diagnostics: RS0016 names a public symbol the files do not declare (added), RS0017 one they declare that no
# longer exists (removed). Run it after a deliberate API change and review the diff of the .txt files: that diff
# is the API change.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in Regviz.Core Regviz.Plotting; do
  dir="src/$project"
  log="$(mktemp)"
  # the analyzer reports each symbol once per build; a failed build is expected while the files are behind.
  # grep exits 1 when it selects nothing (a project with no API change): that is not a failure here
  dotnet build "$dir" --no-incremental -p:TreatWarningsAsErrors=false >"$log" 2>&1 || true
  added="$(grep -oP "RS0016: Symbol '\K.*(?=' is not part of the declared public API)" "$log" | sort -u || true)"
  removed="$(grep -oP "RS0017: Symbol '\K.*(?=' is part of the declared API, but)" "$log" | sort -u || true)"
  unshipped="$dir/PublicAPI.Unshipped.txt"
  {
    echo '#nullable enable'
    { grep -v '^#nullable' "$unshipped" || true; if [ -n "$added" ]; then printf '%s\n' "$added"; fi; } \
      | { grep -vxF -f <(printf '%s\n' "$removed" | sed '/^$/d') || true; } | sed '/^$/d' | LC_ALL=C sort -u
  } >"$unshipped.new"
  mv "$unshipped.new" "$unshipped"
  echo "$project: $(printf '%s' "$added" | grep -c . || true) added, $(printf '%s' "$removed" | grep -c . || true) removed"
  rm -f "$log"
done

#!/usr/bin/env bash
# Makes the regviz tool packages with the standard commands, one `dotnet pack` each, and checks what is in them:
#
#   pointer   dotnet pack src/Regviz.Cli -c Release            regviz.VERSION.nupkg (lists the packages below)
#   any       dotnet pack src/Regviz.Cli -c Release -r any     regviz.any.VERSION.nupkg (portable JIT fallback)
#   RID       dotnet pack src/Regviz.Cli -c Release -r RID     regviz.RID.VERSION.nupkg (Native AOT executable)
#   libraries dotnet pack src/Regviz.Core and src/Regviz.Plotting  Regviz.Core/Regviz.Plotting.VERSION.nupkg
#
# Usage: scripts/pack.sh [-o DIR] [PART ...]
#   PART is pointer, any, libraries, or a RID (linux-x64, linux-arm64, osx-arm64, osx-x64, win-x64); default: pointer, any
#   and this machine's RID. DIR defaults to nupkg/ in the repository. An AOT package can only be made on its own
#   platform (Native AOT does not compile across operating systems): the release workflow
#   (.github/workflows/release.yml) runs this script once per OS. Native AOT on Linux needs clang and zlib's
#   headers (Debian/Ubuntu: apt-get install clang zlib1g-dev); on macOS Xcode's command-line tools; on Windows
#   Visual Studio's C++ build tools.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
project="$root/src/Regviz.Cli"
out="$root/nupkg"
parts=()
while [ $# -gt 0 ]; do
  case "$1" in
    -o) out=$2; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "error: unknown option '$1' (see --help)" >&2; exit 2 ;;
    *) parts+=("$1"); shift ;;
  esac
done
host_rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)
if [ ${#parts[@]} -eq 0 ]; then parts=(pointer any "$host_rid"); fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -n 1)
rids=$(sed -n 's:.*<ToolPackageRuntimeIdentifiers>\(.*\)</ToolPackageRuntimeIdentifiers>.*:\1:p' "$project/Regviz.Cli.csproj" | tr ';' ' ')

# the entries of a .nupkg (a zip file), one a line
entries() {
  if command -v unzip >/dev/null 2>&1; then unzip -Z1 "$1"
  else
    local python
    for python in python3 python; do
      if command -v "$python" >/dev/null 2>&1; then
        "$python" -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$1"
        return
      fi
    done
    echo "error: neither unzip nor python is here to list $1" >&2; return 1
  fi
}

fail() { echo "error: $*" >&2; exit 1; }

# what each package must (and must not) hold
check() {
  local part=$1 package=$2 list
  [ -f "$package" ] || fail "dotnet pack did not write $package"
  list=$(entries "$package")
  case "$part" in
    libraries)
      # a library package carries its readme and XML docs; Plotting its fonts, copied next to the caller's program
      for f in README.md lib/net10.0/$(basename "$package" ".$version.nupkg").dll lib/net10.0/$(basename "$package" ".$version.nupkg").xml; do
        grep -qx "$f" <<<"$list" || fail "$package lacks $f"
      done
      if [[ "$package" == *Plotting* ]]; then
        grep -qx 'contentFiles/any/net10.0/Fonts/DejaVuSans.ttf' <<<"$list" || fail "$package lacks the shipped fonts"
      fi
      ;;
    pointer)
      # the pointer holds no program: only the settings that name one package per RID
      ! grep -qiE '\.(dll|so|dylib|exe)$' <<<"$list" || fail "$package holds binaries; it should only point to the RID packages"
      ;;
    any)
      for f in regviz.dll Fonts/DejaVuSans.ttf Fonts/DejaVuSans-Bold.ttf runtimes/linux-x64/native/libSkiaSharp.so \
               runtimes/osx/native/libSkiaSharp.dylib runtimes/win-x64/native/libSkiaSharp.dll; do
        grep -q "/any/$f\$" <<<"$list" || fail "$package lacks $f"
      done
      ;;
    *)
      local exe=regviz lib=so
      case "$part" in win-*) exe=regviz.exe; lib=dll ;; osx-*) lib=dylib ;; esac
      for f in "$exe" Fonts/DejaVuSans.ttf Fonts/DejaVuSans-Bold.ttf Fonts/LICENSE-DejaVu.txt; do
        grep -q "/$part/$f\$" <<<"$list" || fail "$package lacks $f"
      done
      grep -qE "/$part/(lib)?SkiaSharp\.$lib\$" <<<"$list" || fail "$package lacks the native SkiaSharp library"
      grep -qE "/$part/(lib)?HarfBuzzSharp\.$lib\$" <<<"$list" || fail "$package lacks the native HarfBuzzSharp library"
      # a Native AOT package is one executable and its native libraries: no IL, no symbols
      ! grep -qiE '\.(dll\.config|pdb|dbg|dwarf)$|\.dSYM/|/regviz\.dll$' <<<"$list" \
        || fail "$package holds symbols or managed assemblies: $(grep -iE '\.(pdb|dbg|dwarf)$|\.dSYM/|/regviz\.dll$' <<<"$list" | tr '\n' ' ')"
      ;;
  esac
}

for part in "${parts[@]}"; do
  if [ "$part" = libraries ]; then
    for lib in Regviz.Core Regviz.Plotting; do
      echo "== libraries: dotnet pack src/$lib -c Release -o $out"
      rm -f "$out/$lib.$version.nupkg"
      dotnet pack "$root/src/$lib" -c Release -o "$out"
      check libraries "$out/$lib.$version.nupkg"
    done
    continue
  fi
  case "$part" in
    pointer) args=(); package="$out/regviz.$version.nupkg" ;;
    *)
      [[ " $rids " == *" $part "* ]] || fail "'$part' is not one of the tool's RIDs ($rids) nor 'pointer'"
      args=(-r "$part"); package="$out/regviz.$part.$version.nupkg"
      # the tool package is globbed from the publish folder: leave nothing of an earlier publish in it
      rm -rf "$project/bin/Release/net10.0/$part/publish"
      ;;
  esac
  echo "== $part: dotnet pack src/Regviz.Cli -c Release ${args[*]+${args[*]} }-o $out"
  rm -f "$package"
  dotnet pack "$project" -c Release "${args[@]}" -o "$out"
  check "$part" "$package"
  echo "== $part: $(basename "$package"), $(wc -c <"$package" | awk '{printf ($1 < 1048576 ? "%.0f KB" : "%.1f MB"), ($1 < 1048576 ? $1/1024 : $1/1048576)}')"
done

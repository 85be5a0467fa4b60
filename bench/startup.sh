#!/usr/bin/env bash
# Cold start to the first successful page and idle memory of the published server (with every in-tree module and the
# test module "notes" enabled, on SQLite), against a bare ASP.NET Core app on the same machine: the floor.
# Usage: bench/startup.sh [runs]    Writes bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

echo "Publishing (Release)..."
dotnet publish host/Crm.Host.csproj -c Release -r linux-x64 --self-contained false -o "$work/server" -v quiet -nologo >/dev/null
dotnet build tests/Modules/Notes -c Release -p:CrmModulesDir="$work/server/modules/" -v quiet -nologo >/dev/null
dotnet publish bench/StartupFloor -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/floor" -v quiet -nologo >/dev/null

data="$work/data"
(cd "$work/server" && dotnet Crm.Host.dll users create-admin --email bench@example.test --password bench-passw0rd \
   --Crm:DataDirectory="$data" >/dev/null && dotnet Crm.Host.dll modules enable notes --Crm:DataDirectory="$data" >/dev/null)

now_ms() { date +%s%3N; }

# Starts a server, waits for the first 200 from $url, prints "<ms> <idle RSS MB>" and stops it.
measure() {
  local dir=$1 dll=$2 url=$3; shift 3
  local start pid ms rss
  start=$(now_ms)
  (cd "$dir" && exec dotnet "$dll" --urls http://127.0.0.1:5099 "$@" >/dev/null 2>&1) &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)" = 200 ]; do sleep 0.02; done
  ms=$(( $(now_ms) - start ))
  sleep 5
  rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ms $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

crm=(); floor=()
for _ in $(seq "$runs"); do
  crm+=("$(measure "$work/server" Crm.Host.dll http://127.0.0.1:5099/Account/Login --Crm:DataDirectory="$data" --Serilog:MinimumLevel:Default=Warning)")
  floor+=("$(measure "$work/floor" StartupFloor.dll http://127.0.0.1:5099/)")
done
crm_ms=$(printf '%s\n' "${crm[@]}" | cut -d' ' -f1 | median); crm_rss=$(printf '%s\n' "${crm[@]}" | cut -d' ' -f2 | median)
fl_ms=$(printf '%s\n' "${floor[@]}" | cut -d' ' -f1 | median); fl_rss=$(printf '%s\n' "${floor[@]}" | cut -d' ' -f2 | median)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }

table="| measure | CRM server | floor (bare ASP.NET Core) | ratio | target |
|---|---|---|---|---|
| cold start to first 200 (median of $runs) | ${crm_ms} ms | ${fl_ms} ms | $(ratio "$crm_ms" "$fl_ms") | ≤ 2000 ms |
| idle RSS 5 s after start | ${crm_rss} MB | ${fl_rss} MB | $(ratio "$crm_rss" "$fl_rss") | ≤ 250 MB |"
echo "$table"
{
  echo "# Benchmark results"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); .NET $(dotnet --version); commit $(git rev-parse --short HEAD); $(date -u +%Y-%m-%d)."
  echo
  echo "## Start-up (bench/startup.sh)"
  echo
  echo "Published Release build (ReadyToRun, as build.ps1 publish makes it; the floor too) on SQLite with the in-tree modules and the test module \"notes\" enabled; the first"
  echo "successful page is the sign-in page (it opens the database, runs the startup checks and renders the shell)."
  echo
  echo "$table"
} > bench/RESULTS.md

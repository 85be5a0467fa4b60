#!/usr/bin/env bash
# The benchmark in one command: publishes the host (Release, ReadyToRun, as build.ps1 publish does) and the bare floor
# app, generates the scale's data unless the same data is already there, runs every measurement against the published
# server and writes bench/RESULTS.md.
# Usage: bench/run.sh [S|M|L] [--seed N] [--mysql "<connection string>"] [--regenerate] [-- <more Crm.Bench run options>]
# The whole run holds the shared build lock (/tmp/crm-build.lock): it keeps both cores busy for minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${CRM_BENCH_LOCKED:-}" ]; then exec env CRM_BENCH_LOCKED=1 flock /tmp/crm-build.lock "$0" "$@"; fi

scale=M; seed=42; mysql=""; regenerate=0; extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    S|M|L|s|m|l) scale=${1^^} ;;
    --seed) seed=$2; shift ;;
    --mysql) mysql=$2; shift ;;
    --regenerate) regenerate=1 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "unknown argument $1" >&2; exit 1 ;;
  esac
  shift
done
out=/tmp/crm-bench
started=$(date +%s)

echo "Publishing the host, the floor app and the benchmark tool (Release)..."
dotnet publish host/Crm.Host.csproj -c Release -r linux-x64 --self-contained false -o "$out/server" -v quiet -nologo >/dev/null
dotnet publish bench/StartupFloor -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/floor" -v quiet -nologo >/dev/null
dotnet build bench/Crm.Bench -c Release -o "$out/tool" -v quiet -nologo >/dev/null
tool=(dotnet "$out/tool/Crm.Bench.dll")

if [ -n "$mysql" ]; then
  "${tool[@]}" generate --scale "$scale" --seed "$seed" --mysql "$mysql" --force
  "${tool[@]}" run --server "$out/server" --floor "$out/floor" --scale "$scale" --seed "$seed" --mysql "$mysql" "${extra[@]}"
  exit
fi

# Data is generated again only when the schema or the generator changed (or with --regenerate).
data="$out/${scale,,}-$seed"
stamp=$(git ls-files -s host/Data/Migrations bench/Crm.Bench/Generate 'modules/*/Data/Migrations' | sha1sum | cut -c1-12)
if [ $regenerate = 1 ] || [ ! -f "$data/crm.db" ] || [ "$(cat "$data/stamp" 2>/dev/null)" != "$stamp" ]; then
  "${tool[@]}" generate --scale "$scale" --seed "$seed" --data "$data" --force
  echo "$stamp" > "$data/stamp"
else
  echo "Using the data generated before in $data (same schema and generator)."
fi
# A partial run (-- --only "...") writes its table to /tmp/crm-bench/RESULTS-only.md, never over bench/RESULTS.md.
results=bench/RESULTS.md
for a in "${extra[@]}"; do [ "$a" = --only ] && results="$out/RESULTS-only.md"; done
CRM_BENCH_COMMIT=$(git rev-parse --short HEAD) "${tool[@]}" run --server "$out/server" --floor "$out/floor" --scale "$scale" --seed "$seed" \
  --data "$data" --results "$results" "${extra[@]}"
echo "Whole run: $(( $(date +%s) - started )) s"

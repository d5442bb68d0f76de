#!/bin/bash
# The web host's peak memory around exports of every account: bench/export-memory.sh DB [PORT] [QUERY], from the
# repository root, after a Release build of src/Rapport.Web; DB a SQLite file seeded with seed-demo and filled by the
# import (see docs/benchmarks.md, "Exports"). LIMIT=0x3000000 caps the managed heap at 48 MB.
set -e
db=$1; port=${2:-5099}; jar=$(mktemp)
DOTNET_GCHeapHardLimit=${LIMIT:-0} ASPNETCORE_ENVIRONMENT=Production dotnet src/Rapport.Web/bin/Release/net10.0/Rapport.Web.dll --urls http://127.0.0.1:$port \
  --ConnectionStrings:Rapport="Data Source=$db" > "${TMPDIR:-/tmp}/rapport-export-web.log" 2>&1 &
pid=$!
trap "kill $pid" EXIT
for _ in $(seq 120); do curl -sf http://127.0.0.1:$port/health/live > /dev/null && break; sleep 1; done
token=$(curl -s -c $jar -b $jar http://127.0.0.1:$port/account/login | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -s -c $jar -b $jar -o /dev/null -X POST http://127.0.0.1:$port/account/login \
  --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "_handler=login" \
  --data-urlencode "Input.Email=admin@demo.rapport.example" --data-urlencode "Input.Password=Rapport-demo-2026"
curl -s -b $jar -o /dev/null http://127.0.0.1:$port/accounts
echo "after sign-in and the list: $(grep VmHWM /proc/$pid/status)"
for f in csv xlsx; do
  /usr/bin/time -f "$f: %es wall" curl -s -b $jar -o "${TMPDIR:-/tmp}/accounts.$f" "http://127.0.0.1:$port/accounts/export.$f$3"
  echo "$f: $(stat -c %s "${TMPDIR:-/tmp}/accounts.$f") bytes, $(grep VmHWM /proc/$pid/status), now $(grep VmRSS /proc/$pid/status)"
done

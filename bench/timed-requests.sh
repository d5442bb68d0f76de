#!/usr/bin/env bash
# Times requests one after another (no concurrency) against Rapport on a dataset that bench/load.sh's generator left in
# WORK, for requests too slow for wrk's load to say anything about a single user's wait: the server on core 0, curl on
# core 1, two warm-up calls per kind, then N timed calls; prints min, median, p95 and max. See docs/benchmarks.md.
#
#   bench/timed-requests.sh WORK N KIND...                      # SQLite: WORK/rapport-m.db
#   CONNECTION='Host=…;Database=…' PROVIDER=Postgres bench/timed-requests.sh WORK N KIND...
#
# A KIND is the name of a file in WORK/urls/ (its first path is used); html-* kinds are pages behind the admin's
# sign-in cookie, the others API calls with the admin's token. Run `dotnet build -c Release src/Rapport.Web` first.
set -euo pipefail
[[ $# -ge 3 ]] || { sed -n '2,11p' "$0" >&2; exit 2; }
work=$1 n=$2
shift 2
provider=${PROVIDER:-Sqlite} connection=${CONNECTION:-"Data Source=$work/rapport-m.db"}
port=${PORT:-5081} base=http://127.0.0.1:${PORT:-5081}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck disable=SC1091 # written by the generator
source "$work/tokens.env"
if [[ $(nproc) -ge 2 ]]; then pin_server=(taskset -c 0); pin_client=(taskset -c 1); else pin_server=(); pin_client=(); fi

Database__Provider=$provider ConnectionStrings__Rapport=$connection \
  setsid "${pin_server[@]}" dotnet run -c Release --no-build --no-launch-profile --project src/Rapport.Web -- \
  --urls "$base" >"$work/server-timed.log" 2>&1 &
server=$!
trap 'kill -- "-$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "$base/health/ready" >/dev/null && break; sleep 1; done
curl -sf "$base/health/ready" >/dev/null || { echo "The server did not get ready; see $work/server-timed.log" >&2; exit 1; }

jar="$work/timed.cookies"
form=$(curl -sf -c "$jar" "$base/account/login")
antiforgery=$(grep -o '<input[^>]*__RequestVerificationToken[^>]*>' <<<"$form" | head -n 1 | sed 's/.*value="\([^"]*\)".*/\1/')
curl -sf -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_handler=login" --data-urlencode "__RequestVerificationToken=$antiforgery" \
  --data-urlencode "Input.Email=admin@bench.rapport.example" --data-urlencode "Input.Password=Bench-load-2026" "$base/account/login"
cookie=$(awk '$6 == "rapport.auth" { print $6 "=" $7 }' "$jar")
[[ -n $cookie ]] || { echo "Could not sign in as admin" >&2; exit 1; }

echo "$provider; $n calls each, one at a time; $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for kind in "$@"; do
  path=$(head -n 1 "$work/urls/$kind.txt")
  if [[ $kind == html-* ]]; then auth="Cookie: $cookie"; else auth="Authorization: Bearer $ADMIN_TOKEN"; fi
  for _ in 1 2; do curl -s -o /dev/null -H "$auth" "$base$path"; done
  for _ in $(seq 1 "$n"); do
    "${pin_client[@]}" curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "$auth" "$base$path"
  done | sort -k2 -n | awk -v kind="$kind" '
    { code[NR] = $1; t[NR] = $2; if ($1 !~ /^2/) bad++ }
    END { p = int(NR * 0.95); if (p < NR * 0.95) p++;
          printf "%s: min %.3f s, median %.3f s, p95 %.3f s, max %.3f s, %d not 2xx\n", kind, t[1], t[int((NR + 1) / 2)], t[p], t[NR], bad }'
done

#!/usr/bin/env bash
# Load test of the client base on dataset M: generate the data, start Rapport on it, measure the account page, lists
# and type-ahead with wrk, stop. See docs/benchmarks.md ("Client base, dataset M") for the method and the results.
#
#   bench/load.sh                                  # full dataset M on SQLite, 3 runs of 30 s per request kind
#   bench/load.sh --provider postgres --scale 0.1  # the 10 % set on PostgreSQL
#   bench/load.sh --scale 0.1 --smoke              # generate the 10 % set, call every path a few times, fail on non-2xx
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: bench/load.sh [options]
  --scale F          fraction of dataset M (100,000 accounts at 1; default 1)
  --provider P       sqlite (default) or postgres
  --pg CONN          PostgreSQL server, without a database (default Host=127.0.0.1;Port=55432;Username=rapport)
  --database NAME    PostgreSQL database to create, and drop at the end (default rapport_bench)
  --duration D       length of one wrk run (default 30s)
  --connections N    concurrent connections (default 4)
  --runs N           runs per request kind; the table shows medians (default 3)
  --only A,B         measure only these request kinds (names of the files in urls/, without .txt)
  --port N           port of the server (default 5080)
  --work DIR         folder for the database, tokens, paths and results (default: a new temporary folder)
  --reuse            use the dataset already generated in --work
  --keep             keep the work folder (and the PostgreSQL database) at the end
  --no-build         use the Release builds as they are
  --smoke            call every path a few times with curl and fail on a non-2xx answer, instead of measuring
EOF
}

scale=1 provider=sqlite pg='Host=127.0.0.1;Port=55432;Username=rapport' database=rapport_bench
duration=30s connections=4 runs=3 only='' port=5080 work='' reuse=0 keep=0 build=1 smoke=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --scale) scale=$2; shift 2 ;;
    --provider) provider=$2; shift 2 ;;
    --pg) pg=$2; shift 2 ;;
    --database) database=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --reuse) reuse=1; shift ;;
    --keep) keep=1; shift ;;
    --no-build) build=0; shift ;;
    --smoke) smoke=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
started=$SECONDS
[[ -n $work ]] || work=$(mktemp -d "${TMPDIR:-/tmp}/rapport-load.XXXXXX")
mkdir -p "$work"

case $provider in
  sqlite) db_provider=Sqlite; connection="Data Source=$work/rapport-m.db" ;;
  postgres) db_provider=Postgres; connection="$pg;Database=$database" ;;
  *) echo "--provider is sqlite or postgres" >&2; exit 2 ;;
esac

# On two cores or more the server gets core 0 and the load generator core 1, so that they do not take turns.
if [[ $(nproc) -ge 2 ]]; then pin_server=(taskset -c 0); pin_client=(taskset -c 1); else pin_server=(); pin_client=(); fi

server=''
cleanup() {
  local status=$?
  if [[ -n $server ]]; then
    kill -- "-$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  if [[ $keep == 0 ]]; then
    if [[ $provider == postgres ]]; then
      dotnet run -c Release --no-build --project bench/Rapport.Benchmarks -- drop --provider Postgres --connection "$connection" || true
    fi
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT

if [[ $build == 1 ]]; then
  dotnet build -c Release bench/Rapport.Benchmarks -v quiet -nologo
  dotnet build -c Release src/Rapport.Web -v quiet -nologo
fi

if [[ $reuse == 0 ]]; then
  dotnet run -c Release --no-build --project bench/Rapport.Benchmarks -- \
    generate --provider "$db_provider" --connection "$connection" --scale "$scale" --out "$work" | tee "$work/generate.log"
fi
# shellcheck disable=SC1091 # written by the generator: ADMIN_TOKEN, MANAGER_TOKEN, HEAD_TOKEN, ...
source "$work/tokens.env"

# The server in a session of its own, so that stopping it stops the process dotnet run starts as well.
Database__Provider=$db_provider ConnectionStrings__Rapport=$connection \
  setsid "${pin_server[@]}" dotnet run -c Release --no-build --no-launch-profile --project src/Rapport.Web -- \
  --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
  curl -sf "$base/health/ready" >/dev/null && break
  kill -0 "$server" 2>/dev/null || { echo "The server stopped; see $work/server.log" >&2; cat "$work/server.log" >&2; exit 1; }
  sleep 1
done
curl -sf "$base/health/ready" >/dev/null || { echo "The server did not get ready in 2 minutes" >&2; exit 1; }

# The pages behind the sign-in cookie: sign in through the login form (antiforgery token included), as a browser does.
sign_in() {
  local jar="$work/$1.cookies" form
  form=$(curl -sf -c "$jar" "$base/account/login")
  local antiforgery
  antiforgery=$(grep -o '<input[^>]*__RequestVerificationToken[^>]*>' <<<"$form" | head -n 1 | sed 's/.*value="\([^"]*\)".*/\1/')
  curl -sf -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_handler=login" \
    --data-urlencode "__RequestVerificationToken=$antiforgery" --data-urlencode "Input.Email=$1@bench.rapport.example" \
    --data-urlencode "Input.Password=Bench-load-2026" "$base/account/login"
  local cookie
  cookie=$(awk '$6 == "rapport.auth" { print $6 "=" $7 }' "$jar")
  [[ -n $cookie ]] || { echo "Could not sign in as $1" >&2; exit 1; }
  echo "$cookie"
}
ADMIN_COOKIE=$(sign_in admin)
MANAGER_COOKIE=$(sign_in manager)
HEAD_COOKIE=$(sign_in head)

# The header that authenticates a request kind: a bearer token for the API, the cookie for pages.
auth_for() {
  case $1 in
    manager-html-*) echo "Cookie: $MANAGER_COOKIE" ;;
    head-html-*) echo "Cookie: $HEAD_COOKIE" ;;
    html-*) echo "Cookie: $ADMIN_COOKIE" ;;
    manager-*) echo "Authorization: Bearer $MANAGER_TOKEN" ;;
    head-*) echo "Authorization: Bearer $HEAD_TOKEN" ;;
    *) echo "Authorization: Bearer $ADMIN_TOKEN" ;;
  esac
}

if [[ $smoke == 1 ]]; then
  calls=0 failures=0
  for file in "$work"/urls/*.txt; do
    kind=$(basename "$file" .txt)
    auth=$(auth_for "$kind")
    while IFS= read -r line; do
      read -r -a paths <<<"$line" # a page file has several paths on a line
      for path in "${paths[@]}"; do
        code=$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "$base$path")
        calls=$((calls + 1))
        if [[ $code != 2?? ]]; then
          failures=$((failures + 1))
          echo "FAIL $code $kind $path" >&2
        fi
      done
    done < <(head -n 3 "$file")
  done
  echo "Smoke: $calls calls, $failures not 2xx, $((SECONDS - started)) s in all"
  [[ $failures == 0 ]]
  exit
fi

command -v wrk >/dev/null || { echo "wrk is needed (apt-get install -y wrk)" >&2; exit 1; }
# The default kinds need only `generate`. Those of the layers added on top are asked for with --only once their command
# has run on --work: `staffing` (staffing-*, html-staffing-*) and `service` (cases-*, html-cases-*, manager-cases,
# manager-html-cases, renewals, renewals-deep, html-renewals*, manager-renewals, health-list-*, html-health-list*) and
# `deals` (deals-board, manager-deals-board, html-deals-board, manager-html-deals-board, head-html-deals-board, deal,
# deal-page, html-deal, manager-deal, manager-deal-page, manager-html-deal, team-forecast, head-team-forecast,
# head-html-forecast, html-forecast, ranking, html-ranking) and `pay`, after `deals` (manager-ledger, manager-html-pay).
kinds=(account contacts coverage interactions account-page list-first list-deep list-owner search
       manager-account-page manager-list-first manager-list-deep manager-search head-list-first
       html-account html-list-first html-list-deep html-list-sorted html-list-going-cold html-suggest manager-html-account
       manager-html-list-deep head-html-home head-html-list-first)
[[ -z $only ]] || IFS=, read -r -a kinds <<<"$only"

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p"; }

# Warm-up: the first minute or so after start-up runs slower (the JIT's tiers, caches), whichever request comes first:
# measured after a 30 s warm-up, the first kind's three runs went 70, 89 and 115 pages a second.
"${pin_client[@]}" wrk -t"$connections" -c"$connections" -d90s --timeout 30s -H "Authorization: Bearer $ADMIN_TOKEN" \
  -s bench/load/page.lua "$base" -- "$work/urls/account-page.txt" >/dev/null

results="$work/results.md"
{
  echo "Dataset M × $scale on $db_provider; wrk: $connections connections, $duration, median of $runs runs (*-page: whole pages); $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| request | user | p50 ms | p95 ms | p99 ms | requests/s | non-2xx |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
} >"$results"
for kind in "${kinds[@]}"; do
  file="$work/urls/$kind.txt"
  auth=$(auth_for "$kind")
  user=admin
  [[ $kind == manager-* ]] && user=manager
  [[ $kind == head-* ]] && user='head of sales'
  # A page is its requests one after another on one connection, so page files get a thread per connection.
  if [[ $kind == *-page ]]; then script=page.lua threads=$connections; else script=rotate.lua threads=1; fi
  wrk_run() {
    "${pin_client[@]}" wrk -t"$threads" -c"$connections" -d"$1" --timeout 30s -H "$auth" \
      -s "bench/load/$script" "$base" -- "$file" | grep '^RESULT'
  }
  wrk_run 5s >/dev/null # warm-up of this kind's queries
  : >"$work/$kind.runs"
  for _ in $(seq 1 "$runs"); do
    wrk_run "$duration" | tee -a "$work/$kind.runs" | sed "s/^/$kind /"
  done
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$kind" "$user" \
    "$(field p50_ms <"$work/$kind.runs" | median)" "$(field p95_ms <"$work/$kind.runs" | median)" \
    "$(field p99_ms <"$work/$kind.runs" | median)" "$(field rps <"$work/$kind.runs" | median)" \
    "$(field non2xx <"$work/$kind.runs" | awk '{ s += $1 } END { print s }')" >>"$results"
done
echo
cat "$results"
echo "Finished in $((SECONDS - started)) s; raw runs and server log in $work"

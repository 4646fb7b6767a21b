#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Evaluation benchmark (not a test; no timed assertions).
#
#   benchmarks/rules/bench_evaluate.sh BUILD_DIR [WORK_DIR] [SCALE...]
#
# SCALE is "full" (100,000 accounts, 10 campaigns each, 2,000,000 evidence rows, 20,000 messages) and/or
# "tenth" (10x smaller); default: tenth. For each scale: generates the bundle with abusedesk-gen and
# imports it once (both untimed here; benchmarks/import measures the import), then in the same run
#   (a) `abusedesk-cli evaluate --json --db STORE > /dev/null` — every rule, the cross-account overlap
#       index (multi-account-overlap, suspension-evasion) and the write of the evaluation cache — under
#       /usr/bin/time -v (wall, CPU = user + system, peak RSS);
#   (b) the floor: one SQL aggregate in the sqlite3 shell over the same store computing only the four
#       rate flags per account: complaints/delivered > 0.002, bounces/sent > 0.05,
#       unsubscribes/delivered > 0.01, opens/delivered < 0.03, each raised by any campaign with at least
#       min_volume = 500 delivered (sent for bounces) sent no later than the as-of (the newest import's
#       exported_at) — per campaign, as ../shared/spec/policy-rules.md defines the four rate rules. The
#       flag counts it prints can be checked against the rate findings of the evaluation;
# and prints accounts/s for both and the ratio (the target is evaluation within 5x the floor).
# Set ABUSEDESK_BENCH_STORE=/path/store.sqlite to benchmark an existing store instead (nothing generated
# or imported; the store is evaluated in place, so its evaluation cache is rewritten).
# Needs: /usr/bin/time (Debian package "time") and sqlite3 (package "sqlite3").
set -eu

BUILD=$(cd "${1:?usage: bench_evaluate.sh BUILD_DIR [WORK_DIR] [SCALE...]}" && pwd)
WORK=${2:-/tmp/abusedesk-bench-evaluate}
shift
if [ $# -gt 0 ]; then shift; fi
SCALES=${*:-tenth}
GEN="$BUILD/tools/gen/abusedesk-gen"
CLI="$BUILD/app/cli/abusedesk-cli"
for tool in "$CLI" /usr/bin/time sqlite3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench_evaluate: missing $tool" >&2; exit 2; }
done
mkdir -p "$WORK"

wall() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$1"; }
cpu()  { awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$1"; }
rss()  { awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$1"; }

for scale in $SCALES; do
  if [ -n "${ABUSEDESK_BENCH_STORE:-}" ]; then
    STORE=$ABUSEDESK_BENCH_STORE
    [ -f "$STORE" ] || { echo "bench_evaluate: no store $STORE" >&2; exit 2; }
    echo "== existing store $STORE"
  else
    case $scale in
      full)  A=100000; C=10; E=2000000; M=20000 ;;
      tenth) A=10000;  C=10; E=200000;  M=2000 ;;
      *) echo "bench_evaluate: unknown scale $scale" >&2; exit 2 ;;
    esac
    command -v "$GEN" >/dev/null 2>&1 || { echo "bench_evaluate: missing $GEN" >&2; exit 2; }
    B="$WORK/bundle-$scale"
    STORE="$WORK/store-$scale.sqlite"
    rm -rf "$B" "$STORE"*
    echo "== $scale: $A accounts, $C campaigns/account, $E evidence rows, $M messages"
    "$GEN" "$B" --accounts $A --campaigns-per-account $C --evidence $E --messages $M --seed 1 > "$WORK/gen-$scale.out"
    ABUSEDESK_REVIEWER=bench "$CLI" import --db "$STORE" --json "$B" > "$WORK/import-$scale.json"
  fi
  ACCOUNTS=$(sqlite3 "$STORE" "SELECT count(*) FROM accounts;")

  # ---- (a) abusedesk-cli evaluate --json
  if /usr/bin/time -v "$CLI" evaluate --json --db "$STORE" > /dev/null 2> "$WORK/evaluate-$scale.time"; then :; else
    echo "abusedesk-cli evaluate failed:"; tail -5 "$WORK/evaluate-$scale.time"; exit 3
  fi
  EW=$(wall "$WORK/evaluate-$scale.time"); EC=$(cpu "$WORK/evaluate-$scale.time"); ER=$(rss "$WORK/evaluate-$scale.time")

  # ---- (b) the floor: the four rate flags in one SQL aggregate
  cat > "$WORK/floor.sql" <<'SQL'
WITH asof AS (SELECT exported_at AS t FROM imports ORDER BY id DESC LIMIT 1),
flags AS (
  SELECT c.account_id,
    max(c.delivered >= 500 AND c.complaints * 1.0 / c.delivered > 0.002)   AS cf,
    max(c.sent >= 500 AND c.bounces * 1.0 / c.sent > 0.05)                 AS bf,
    max(c.delivered >= 500 AND c.unsubscribes * 1.0 / c.delivered > 0.01)  AS uf,
    max(c.delivered >= 500 AND c.unique_opens * 1.0 / c.delivered < 0.03)  AS of
  FROM campaigns c, asof
  WHERE c.sent_at IS NULL OR c.sent_at <= asof.t
  GROUP BY c.account_id)
SELECT count(*), sum(cf), sum(bf), sum(uf), sum(of)
FROM accounts a LEFT JOIN flags f ON f.account_id = a.account_id;
SQL
  /usr/bin/time -v sqlite3 "$STORE" < "$WORK/floor.sql" > "$WORK/floor-$scale.out" 2> "$WORK/floor-$scale.time"
  FW=$(wall "$WORK/floor-$scale.time"); FC=$(cpu "$WORK/floor-$scale.time"); FR=$(rss "$WORK/floor-$scale.time")
  echo "floor    (accounts|complaint|bounce|unsubscribe|open flags): $(cat "$WORK/floor-$scale.out")"
  echo "evaluate (accounts|complaint|bounce|unsubscribe|open rules) : $(sqlite3 "$STORE" "SELECT (SELECT count(*) FROM evaluations) || '|' || (SELECT group_concat(n, '|') FROM (SELECT count(*) AS n FROM evaluation_rules WHERE rule IN ('complaint-rate','bounce-rate','unsubscribe-rate','open-rate') GROUP BY rule ORDER BY CASE rule WHEN 'complaint-rate' THEN 1 WHEN 'bounce-rate' THEN 2 WHEN 'unsubscribe-rate' THEN 3 ELSE 4 END));")"
  # Wall time depends on the machine's load (2 shared cores); CPU time is printed too.
  awk -v n="$ACCOUNTS" -v ew="$EW" -v ec="$EC" -v er="$ER" -v fw="$FW" -v fc="$FC" -v fr="$FR" 'BEGIN {
    if (fw < 0.01) fw = 0.01; if (fc < 0.01) fc = 0.01;
    printf "accounts: %d\n", n;
    printf "abusedesk-cli evaluate --json: %8.2f s wall, %9.0f accounts/s; %8.2f s CPU, %9.0f accounts/s; peak RSS %8.1f MiB\n", ew, n/ew, ec, n/ec, er;
    printf "sqlite3 rate-flag floor      : %8.2f s wall, %9.0f accounts/s; %8.2f s CPU, %9.0f accounts/s; peak RSS %8.1f MiB\n", fw, n/fw, fc, n/fc, fr;
    printf "ratio evaluate/floor: %.1fx wall time, %.1fx CPU time (target: 5x)\n", ew/fw, ec/fc }'
done

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Import benchmark (not a test; no timed assertions).
#
#   benchmarks/import/bench_import.sh BUILD_DIR [WORK_DIR] [SCALE...]
#
# SCALE is "full" (100,000 accounts, 1,000,000 campaigns, 2,000,000 evidence rows, 20,000 messages,
# 1,000,000 imported-list rows) and/or "tenth" (10x smaller); default: tenth full.
# For each scale: generates the bundle with abusedesk-gen, imports it with
# `abusedesk-cli import --db … --json` under /usr/bin/time -v (wall time, peak RSS), then imports the same
# CSV files with the sqlite3 shell (`.import --csv --skip 1` into tables created first with the same
# columns; the imported-list files are concatenated into one file beforehand, outside the timing) as the
# baseline. Prints rows/s for both and the ratio. The importer's time also covers what the baseline does
# not do: validation, the list screening, 20,000 MIME messages and ARF reports, the audit entry.
# Needs: /usr/bin/time (Debian package "time") and sqlite3 (package "sqlite3").
set -eu

BUILD=$(cd "${1:?usage: bench_import.sh BUILD_DIR [WORK_DIR] [SCALE...]}" && pwd)
WORK=${2:-/tmp/abusedesk-bench-import}
shift
if [ $# -gt 0 ]; then shift; fi
SCALES=${*:-tenth full}
GEN="$BUILD/tools/gen/abusedesk-gen"
CLI="$BUILD/app/cli/abusedesk-cli"
for tool in "$GEN" "$CLI" /usr/bin/time sqlite3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench_import: missing $tool" >&2; exit 2; }
done
mkdir -p "$WORK"

# "h:mm:ss.ss" or "m:ss.ss" -> seconds
wall() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$1"; }
cpu()  { awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$1"; }
rss()  { awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$1"; }

for scale in $SCALES; do
  case $scale in
    full)  A=100000; C=10; E=2000000; M=20000; L=1000000 ;;
    tenth) A=10000;  C=10; E=200000;  M=2000;  L=100000 ;;
    *) echo "bench_import: unknown scale $scale" >&2; exit 2 ;;
  esac
  B="$WORK/bundle-$scale"
  rm -rf "$B" "$WORK/store-$scale.sqlite"* "$WORK/baseline-$scale.sqlite"*
  echo "== $scale: $A accounts, $C campaigns/account, $E evidence rows, $M messages, $L list rows"
  /usr/bin/time -v "$GEN" "$B" --accounts $A --campaigns-per-account $C --evidence $E --messages $M \
      --list-rows $L --seed 1 > "$WORK/gen-$scale.out" 2> "$WORK/gen-$scale.time"
  cat "$WORK/gen-$scale.out"
  echo "generate: $(wall "$WORK/gen-$scale.time") s, peak RSS $(rss "$WORK/gen-$scale.time") MiB, $(du -sh "$B" | cut -f1) on disk"

  # ---- AbuseDesk importer
  if ABUSEDESK_REVIEWER=bench /usr/bin/time -v "$CLI" import --db "$WORK/store-$scale.sqlite" --json "$B" \
       > "$WORK/import-$scale.json" 2> "$WORK/import-$scale.time"; then :; else
    echo "abusedesk-cli import failed:"; tail -5 "$WORK/import-$scale.time"; exit 3
  fi
  head -c 300 "$WORK/import-$scale.json"; echo
  IW=$(wall "$WORK/import-$scale.time"); IR=$(rss "$WORK/import-$scale.time"); IC=$(cpu "$WORK/import-$scale.time")

  # ---- sqlite3 shell baseline
  LR="$WORK/listrows-$scale.csv"
  echo "email,first_name,last_name,city,note" > "$LR"
  find "$B/lists" -name '*.csv' | sort | while read -r f; do tail -n +2 "$f"; done >> "$LR"
  S="$WORK/baseline-$scale.sql"
  {
    echo ".bail on"
    for t in accounts campaigns lists evidence history; do
      echo "CREATE TABLE $t($(head -1 "$B/$t.csv" | tr -d '\r'));"
    done
    echo "CREATE TABLE complaints($(head -1 "$B/complaints/complaints.csv" | tr -d '\r'));"
    echo "CREATE TABLE list_rows(email,first_name,last_name,city,note);"
    for t in accounts campaigns lists evidence history; do echo ".import --csv --skip 1 '$B/$t.csv' $t"; done
    echo ".import --csv --skip 1 '$B/complaints/complaints.csv' complaints"
    echo ".import --csv --skip 1 '$LR' list_rows"
  } > "$S"
  /usr/bin/time -v sqlite3 "$WORK/baseline-$scale.sqlite" < "$S" > /dev/null 2> "$WORK/baseline-$scale.time"
  BW=$(wall "$WORK/baseline-$scale.time"); BR=$(rss "$WORK/baseline-$scale.time"); BC=$(cpu "$WORK/baseline-$scale.time")
  ROWS=$(sqlite3 "$WORK/baseline-$scale.sqlite" "SELECT (SELECT count(*) FROM accounts)+(SELECT count(*) FROM campaigns)+(SELECT count(*) FROM lists)+(SELECT count(*) FROM evidence)+(SELECT count(*) FROM history)+(SELECT count(*) FROM complaints)+(SELECT count(*) FROM list_rows);")
  echo "CSV data rows: $ROWS (+ $M messages for the importer)"
  # Wall time depends on the machine's load; CPU time (user + system) is printed too.
  awk -v r="$ROWS" -v iw="$IW" -v ir="$IR" -v ic="$IC" -v bw="$BW" -v br="$BR" -v bc="$BC" 'BEGIN {
    printf "abusedesk-cli import : %8.2f s wall, %10.0f rows/s; %8.2f s CPU, %10.0f rows/s; peak RSS %8.1f MiB\n", iw, r/iw, ic, r/ic, ir;
    printf "sqlite3 .import      : %8.2f s wall, %10.0f rows/s; %8.2f s CPU, %10.0f rows/s; peak RSS %8.1f MiB\n", bw, r/bw, bc, r/bc, br;
    printf "ratio importer/sqlite3: %.2fx wall time, %.2fx CPU time\n", iw/bw, ic/bc }'
  echo "store: $(du -h "$WORK/store-$scale.sqlite" | cut -f1), baseline db: $(du -h "$WORK/baseline-$scale.sqlite" | cut -f1)"
done

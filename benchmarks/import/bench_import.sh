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
# CSV files with the sqlite3 shell (`.import --csv --skip 1`; the imported-list files are concatenated into
# one file beforehand, outside the timing) as the baseline, twice:
#  - "plain": into tables created with the CSV's column names only (no types, keys, indexes; the shell's
#    default rollback journal): the cheapest possible load, the figure the issue first asked about;
#  - "keyed": into tables with the case store's file settings (16 KiB pages, WAL, synchronous=NORMAL, 32 MiB
#    cache, foreign_keys=ON) and, on the columns the CSV files have, the store's keys, foreign keys to
#    accounts(account_id) and secondary indexes (accounts: unique id, name/status/flagged_at; campaigns:
#    WITHOUT ROWID primary key (account, campaign) and (account, sent_at); lists: unique (account, list);
#    evidence/history/complaints: by account). Still no validation, no type conversion (timestamps stay
#    text), no FTS, no evaluation-column indexes, no messages: the comparison stays in the shell's favour.
# Prints rows/s for the importer and both baselines, and the ratios. The importer's time also covers what
# the baselines do not do: validation, the list screening, 20,000 MIME messages and ARF reports, the file
# hashes, the full-text index, the audit entry.
# Needs: /usr/bin/time (Debian package "time") and sqlite3 (package "sqlite3").
# BENCH_REUSE=1 keeps a bundle generated earlier in WORK_DIR with the same parameters (the generator's
# command line is kept next to it) instead of generating it again.
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
  GENARGS="--accounts $A --campaigns-per-account $C --evidence $E --messages $M --list-rows $L --seed 1"
  rm -rf "$WORK/store-$scale.sqlite"*
  echo "== $scale: $A accounts, $C campaigns/account, $E evidence rows, $M messages, $L list rows"
  if [ "${BENCH_REUSE:-0}" = 1 ] && [ -f "$B/manifest.json" ] && [ "$(cat "$B.args" 2>/dev/null)" = "$GENARGS" ]; then
    echo "generate: reusing $B (BENCH_REUSE=1), $(du -sh "$B" | cut -f1) on disk"
  else
    rm -rf "$B" "$B.args"
    # shellcheck disable=SC2086 # GENARGS is a list of options
    /usr/bin/time -v "$GEN" "$B" $GENARGS > "$WORK/gen-$scale.out" 2> "$WORK/gen-$scale.time"
    echo "$GENARGS" > "$B.args"
    cat "$WORK/gen-$scale.out"
    echo "generate: $(wall "$WORK/gen-$scale.time") s, peak RSS $(rss "$WORK/gen-$scale.time") MiB, $(du -sh "$B" | cut -f1) on disk"
  fi

  # ---- AbuseDesk importer
  if ABUSEDESK_REVIEWER=bench /usr/bin/time -v "$CLI" import --db "$WORK/store-$scale.sqlite" --json "$B" \
       > "$WORK/import-$scale.json" 2> "$WORK/import-$scale.time"; then :; else
    echo "abusedesk-cli import failed:"; tail -5 "$WORK/import-$scale.time"; exit 3
  fi
  head -c 300 "$WORK/import-$scale.json"; echo
  IW=$(wall "$WORK/import-$scale.time"); IR=$(rss "$WORK/import-$scale.time"); IC=$(cpu "$WORK/import-$scale.time")

  # ---- sqlite3 shell baselines (see the header): "plain" and "keyed"
  LR="$WORK/listrows-$scale.csv"
  echo "email,first_name,last_name,city,note" > "$LR"
  find "$B/lists" -name '*.csv' | sort | while read -r f; do tail -n +2 "$f"; done >> "$LR"
  cols() { head -1 "$1" | tr -d '\r'; }
  for kind in plain keyed; do
    S="$WORK/baseline-$kind-$scale.sql"
    {
      echo ".bail on"
      if [ $kind = plain ]; then
        for t in accounts campaigns lists evidence history; do echo "CREATE TABLE $t($(cols "$B/$t.csv"));"; done
        echo "CREATE TABLE complaints($(cols "$B/complaints/complaints.csv"));"
      else
        # The case store's file settings (core/store/schema.cpp) and, on the columns the CSV files have,
        # its keys, foreign keys and secondary indexes.
        echo "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32768; PRAGMA foreign_keys=ON;"
        FK="FOREIGN KEY(account_id) REFERENCES accounts(account_id) ON DELETE CASCADE"
        echo "CREATE TABLE accounts($(cols "$B/accounts.csv"), UNIQUE(account_id));"
        echo "CREATE INDEX accounts_by_name ON accounts(name COLLATE NOCASE, account_id);"
        echo "CREATE INDEX accounts_by_status ON accounts(status, account_id);"
        echo "CREATE INDEX accounts_by_flagged_at ON accounts(flagged_at, account_id);"
        echo "CREATE TABLE campaigns($(cols "$B/campaigns.csv"), PRIMARY KEY(account_id, campaign_id), $FK) WITHOUT ROWID;"
        echo "CREATE INDEX campaigns_by_sent_at ON campaigns(account_id, sent_at);"
        echo "CREATE TABLE lists($(cols "$B/lists.csv"), UNIQUE(account_id, list_id), $FK);"
        echo "CREATE TABLE evidence($(cols "$B/evidence.csv"), $FK);"
        echo "CREATE INDEX evidence_by_account ON evidence(account_id);"
        echo "CREATE TABLE history($(cols "$B/history.csv"), $FK);"
        echo "CREATE INDEX history_by_account ON history(account_id, at);"
        echo "CREATE TABLE complaints($(cols "$B/complaints/complaints.csv"), $FK);"
        echo "CREATE INDEX complaints_by_account ON complaints(account_id, received_at);"
      fi
      echo "CREATE TABLE list_rows(email,first_name,last_name,city,note);"
      for t in accounts campaigns lists evidence history; do echo ".import --csv --skip 1 '$B/$t.csv' $t"; done
      echo ".import --csv --skip 1 '$B/complaints/complaints.csv' complaints"
      echo ".import --csv --skip 1 '$LR' list_rows"
    } > "$S"
    rm -f "$WORK/baseline-$kind-$scale.sqlite"*
    /usr/bin/time -v sqlite3 "$WORK/baseline-$kind-$scale.sqlite" < "$S" > /dev/null 2> "$WORK/baseline-$kind-$scale.time"
  done
  ROWS=$(sqlite3 "$WORK/baseline-plain-$scale.sqlite" "SELECT (SELECT count(*) FROM accounts)+(SELECT count(*) FROM campaigns)+(SELECT count(*) FROM lists)+(SELECT count(*) FROM evidence)+(SELECT count(*) FROM history)+(SELECT count(*) FROM complaints)+(SELECT count(*) FROM list_rows);")
  echo "CSV data rows: $ROWS (+ $M messages for the importer)"
  # Wall time depends on the machine's load; CPU time (user + system) is printed too.
  for kind in plain keyed; do
    T="$WORK/baseline-$kind-$scale.time"
    awk -v k="$kind" -v r="$ROWS" -v iw="$IW" -v ir="$IR" -v ic="$IC" -v bw="$(wall "$T")" -v br="$(rss "$T")" -v bc="$(cpu "$T")" 'BEGIN {
      if (k == "plain")
        printf "abusedesk-cli import   : %8.2f s wall, %10.0f rows/s; %8.2f s CPU, %10.0f rows/s; peak RSS %8.1f MiB\n", iw, r/iw, ic, r/ic, ir;
      printf "sqlite3 .import %-6s : %8.2f s wall, %10.0f rows/s; %8.2f s CPU, %10.0f rows/s; peak RSS %8.1f MiB\n", k, bw, r/bw, bc, r/bc, br;
      printf "  ratio importer/%s: %.2fx wall time, %.2fx CPU time (importer rate = %.1f%% of the shell'"'"'s, by CPU)\n", k, iw/bw, ic/bc, 100*bc/ic }'
  done
  echo "store: $(du -h "$WORK/store-$scale.sqlite" | cut -f1), baselines: $(du -h "$WORK/baseline-plain-$scale.sqlite" | cut -f1) plain, $(du -h "$WORK/baseline-keyed-$scale.sqlite" | cut -f1) keyed"
done

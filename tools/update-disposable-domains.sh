#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Merges the community-maintained, public-domain (CC0) disposable-domain list into
# resources/lists/disposable-domains.txt, keeping the file's header comment and never adding a domain that
# is on resources/lists/real-provider-domains.txt or mailbox-domains.txt.
#
#   tools/update-disposable-domains.sh [URL-or-FILE]
#
# Default source: https://raw.githubusercontent.com/disposable-email-domains/disposable-email-domains/main/disposable_email_blocklist.conf
# Review the diff (git diff resources/lists/disposable-domains.txt) before committing.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LIST="$ROOT/resources/lists/disposable-domains.txt"
SRC=${1:-https://raw.githubusercontent.com/disposable-email-domains/disposable-email-domains/main/disposable_email_blocklist.conf}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

case $SRC in
  http://*|https://*) curl -fsSL "$SRC" -o "$TMP/new" ;;
  *) cp "$SRC" "$TMP/new" ;;
esac

# Entries only: lower-case, no comments, no blanks, plausible domain syntax.
clean() { sed -e 's/#.*//' -e 's/[[:space:]]//g' "$1" | tr 'A-Z' 'a-z' | grep -E '^[a-z0-9-]+(\.[a-z0-9-]+)+$' || true; }
clean "$ROOT/resources/lists/real-provider-domains.txt" > "$TMP/never"
clean "$ROOT/resources/lists/mailbox-domains.txt" >> "$TMP/never"
sort -u -o "$TMP/never" "$TMP/never"
{ clean "$LIST"; clean "$TMP/new"; } | sort -u | comm -23 - "$TMP/never" > "$TMP/entries"

grep -E '^#' "$LIST" > "$TMP/header"
before=$(clean "$LIST" | wc -l)
cat "$TMP/header" "$TMP/entries" > "$LIST"
after=$(wc -l < "$TMP/entries")
echo "disposable-domains.txt: $before -> $after domains (source: $SRC)"

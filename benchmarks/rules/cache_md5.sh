#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# md5 of a store's evaluation cache in a fixed order: every column of evaluations and evaluation_rules, the
# evaluated (queue) columns of accounts and the schema. Two stores evaluated alike print the same sum.
#
#   benchmarks/rules/cache_md5.sh STORE
set -eu
sqlite3 "${1:?usage: cache_md5.sh STORE}" "SELECT * FROM evaluations ORDER BY account_id;
SELECT * FROM evaluation_rules ORDER BY 1, 2;
SELECT account_id, recommended, worst_severity, worst_rule, complaint_count, complaint_rate, bounce_rate,
       unsubscribe_rate, open_rate FROM accounts ORDER BY account_id;
SELECT type, name, sql FROM sqlite_master ORDER BY name;" | md5sum

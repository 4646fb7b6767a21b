# SPDX-License-Identifier: GPL-3.0-or-later
# median.py N LABEL CMD... \; LABEL2 CMD2... [\; floor sqlite3 STORE \< floor.sql]
# Runs the commands alternately N times and prints the median, minimum and maximum wall time of each (ms)
# and, when one is labelled "floor", every median as a ratio to the floor's. "<" redirects a file to stdin.
import subprocess, sys, time, statistics
n = int(sys.argv[1]); specs = []; cur = []
for a in sys.argv[2:]:
    if a == ';':
        specs.append(cur); cur = []
    else:
        cur.append(a)
if cur: specs.append(cur)
res = {s[0]: [] for s in specs}
for i in range(n):
    for s in specs:
        label, cmd = s[0], s[1:]
        stdin = None
        if '<' in cmd:
            k = cmd.index('<'); stdin = open(cmd[k+1]); cmd = cmd[:k]
        t = time.perf_counter()
        subprocess.run(cmd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        res[label].append((time.perf_counter() - t) * 1000)
for label, v in res.items():
    print(f"{label:8s} median {statistics.median(v):8.1f} ms  min {min(v):8.1f}  max {max(v):8.1f}  (n={len(v)})")
meds = {l: statistics.median(v) for l, v in res.items()}
if 'floor' in meds:
    for l, m in meds.items():
        if l != 'floor': print(f"{l} / floor = {m / meds['floor']:.2f}x (medians)")

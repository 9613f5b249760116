#!/usr/bin/env bash
# Whole-command benchmark of the document reader: `gongkai audit` of every PDF of the corpus
# against `pdftotext -layout` of the same file, timed in the same run (target, issue 13: at most
# 1.5 × pdftotext for every document), then the whole corpus directory on 2 threads.
#   bench/audit_batch.sh [BUILD_DIR] [CORPUS_DIR]       (RUNS=5 bench/audit_batch.sh … for more)
#
# Each file is timed RUNS times (default 3), pdftotext then audit, and the medians are compared:
# on a shared machine one run of a 50 ms command can take three times as long as the next. The
# CPU time of each command (user + system, from wait4's resource usage, in microseconds) is
# compared too, in the last columns: the time the command itself took, whatever else the
# machine runs, and so the steadier measure on a busy machine.
set -euo pipefail
BUILD=${1:-build}
CORPUS=${2:-../shared/corpus}
if [ ! -d "$CORPUS" ]; then echo "audit_batch: $CORPUS is absent, skipped"; exit 0; fi
exec python3 - "$BUILD/gongkai" "$CORPUS" "${RUNS:-3}" <<'EOF'
import os, statistics, subprocess, sys, time

gongkai, corpus, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])

def timed(command):
    """Wall-clock and CPU seconds of one run of `command`, its output discarded."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime

files = sorted(os.path.join(d, f) for d, _, names in os.walk(corpus)
               for f in names if f.lower().endswith(".pdf"))
print(f"load average at the start: {' '.join(open('/proc/loadavg').read().split()[:3])}; "
      f"median of {runs} runs")
print(f"{'audit':>8}  {'pdftotext':>9}  {'ratio':>6}  {'CPU audit':>9}  {'CPU ref':>8}  "
      f"{'ratio':>6}  file")
totals = [0.0, 0.0, 0.0, 0.0]
worst = worst_cpu = 0.0
for path in files:
    ref, aud = [], []
    for _ in range(runs):
        ref.append(timed(["pdftotext", "-layout", path, "-"]))
        aud.append(timed([gongkai, "audit", path]))
    row = [statistics.median(x[k] for x in series) for series in (aud, ref) for k in (0, 1)]
    aud_wall, aud_cpu, ref_wall, ref_cpu = row
    ratio, ratio_cpu = aud_wall / ref_wall, aud_cpu / ref_cpu
    worst, worst_cpu = max(worst, ratio), max(worst_cpu, ratio_cpu)
    for i, v in enumerate((aud_wall, ref_wall, aud_cpu, ref_cpu)):
        totals[i] += v
    print(f"{aud_wall:6.3f} s  {ref_wall:7.3f} s  {ratio:4.2f} ×  {aud_cpu:7.3f} s  {ref_cpu:6.3f} s  "
          f"{ratio_cpu:4.2f} ×  {os.path.basename(path)}", flush=True)
start = time.perf_counter()
subprocess.run([gongkai, "audit", corpus, "--jobs", "2"], stdout=subprocess.DEVNULL,
               stderr=subprocess.DEVNULL)
whole = time.perf_counter() - start
print(f"all: audit {totals[0]:.2f} s, pdftotext -layout {totals[1]:.2f} s "
      f"({totals[0] / totals[1]:.2f} ×); worst file {worst:.2f} ×")
print(f"CPU time: audit {totals[2]:.2f} s, pdftotext -layout {totals[3]:.2f} s "
      f"({totals[2] / totals[3]:.2f} ×); worst file {worst_cpu:.2f} ×")
print(f"whole directory, --jobs 2: {whole:.2f} s")
print(f"load average at the end: {' '.join(open('/proc/loadavg').read().split()[:3])}")
EOF

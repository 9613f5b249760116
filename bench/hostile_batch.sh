#!/usr/bin/env bash
# Hostile inputs of about 1 MB through every reading command (render, check, convert, audit),
# each timed with its peak memory (GNU time). Target (issue 12): under 2 s and 500 MB each, or
# a located refusal. Prints one line per input and command.
#   bench/hostile_batch.sh [BUILD_DIR]
set -uo pipefail
BUILD=${1:-build}
GK="$(cd "$BUILD" && pwd)/gongkai"
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
python3 - "$W" <<'PY'
import os, random, sys, zipfile
w = sys.argv[1]; random.seed(1)
open(f"{w}/random-bytes.yaml", "wb").write(os.urandom(1 << 20))
open(f"{w}/deep-flow.yaml", "w").write("gongkai: 1\ndepartment: " + "[" * 200000 + "]" * 200000 + "\n")
lines = ["gongkai: 1", "department:", "  name: 示例局", "  year: 2023", "  units:", "    - {id: 机关, name: 示例局, kind: 行政单位}", "basic:"]
while sum(len(l) for l in lines) < (1 << 20):
    lines.append('  - {function: "2010301", economic: "30101", amount: %d.%02d}' % (random.randint(1, 999), random.randint(0, 99)))
open(f"{w}/many-lines.yaml", "w").write("\n".join(lines) + "\n")
open(f"{w}/long-key.yaml", "w").write("gongkai: 1\n" + "k" * (1 << 20) + ": 1\n")
open(f"{w}/many-keys.yaml", "w").write("gongkai: 1\nnotes:\n" + "".join(f"  x{i}: y\n" for i in range(60000)))
with zipfile.ZipFile(f"{w}/shared-strings.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("xl/workbook.xml", "<workbook><sheets/></workbook>")
    z.writestr("xl/sharedStrings.xml", "<sst>" + "<si><t>x</t></si>" * 400000 + "</sst>")
open(f"{w}/random.pdf", "wb").write(b"%PDF-1.7\n" + os.urandom(1 << 20))
open(f"{w}/random.txt", "w").write("\n".join("\t".join(str(random.randint(0, 10**9)) for _ in range(12)) for _ in range(12000)))
PY
for f in "$W"/*; do
  name=$(basename "$f")
  case "$name" in
    *.pdf|*.txt) cmds=("audit") ;;
    *) cmds=("render" "check" "convert") ;;
  esac
  for c in "${cmds[@]}"; do
    if [ "$c" = audit ]; then args=("$f"); else args=("$f" -o "$W/out.x"); fi
    [ "$c" = convert ] && args=("$f" -o "$W/out.yaml")
    /usr/bin/time -o "$W/time" -f "%e %M" "$GK" $c "${args[@]}" > /dev/null 2> "$W/err"
    rc=$(grep -c '' "$W/err")
    set -- $(tail -1 "$W/time")
    printf "%-22s %-8s %5.2f s %7.1f MB  (%s lines of messages)\n" "$name" "$c" "$1" "$(echo "$2 / 1024" | bc -l)" "$rc"
  done
done

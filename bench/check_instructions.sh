#!/usr/bin/env bash
# Instruction counts of `check` by stage, with callgrind: deterministic where wall-clock time is
# not (a shared or busy machine). Checks COUNT generated departments with declared figures on one
# thread and prints, per department, the whole command and its stages (inclusive counts).
#   bench/check_instructions.sh [BUILD_DIR] [COUNT]      (COUNT 200 takes about two minutes)
set -euo pipefail
BUILD=${1:-build}
COUNT=${2:-200}
GK="$BUILD/gongkai"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$GK" generate --count "$COUNT" --declared -o "$WORK/declared" > /dev/null
valgrind --tool=callgrind --callgrind-out-file="$WORK/out" "$GK" check "$WORK/declared" --jobs 1 \
  --quiet > /dev/null 2> "$WORK/log" || true
callgrind_annotate --inclusive=yes --threshold=100 "$WORK/out" 2> /dev/null | grep -v "=>" |
  awk -v n="$COUNT" '
  # The first (largest) line of each function, under its own source file.
  function take(key, count) {
    if (key in m) return
    gsub(",", "", count)
    m[key] = count / n / 1e6
  }
  /PROGRAM TOTALS/ { take("whole command, per department", $1) }
  /src\/engine\/engine.cc:gongkai::Engine::Load\(/ { take("  load", $1) }
  /src\/source\/yaml_tree.cc:gongkai::YamlTree::Parse\(/ { take("    YAML tree", $1) }
  /\?\?\?:fy_parser_parse / { take("      libfyaml (fy_parser_parse)", $1) }
  /src\/source\/source_loader.cc:.*Loader::LoadDeclared\(/ { take("    declared figures", $1) }
  /src\/engine\/engine.cc:gongkai::Engine::Disclose\(/ { take("  disclosure", $1) }
  /src\/review\/checker.cc:gongkai::RunChecks\(/ { take("  review", $1) }
  END {
    split("whole command, per department|  load|    YAML tree|      libfyaml (fy_parser_parse)|" \
          "    declared figures|  disclosure|  review", order, "|")
    for (i = 1; i in order; ++i) printf "%-40s %8.2f M instructions\n", order[i], m[order[i]]
  }'

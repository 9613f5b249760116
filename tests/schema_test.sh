#!/usr/bin/env bash
# The JSON Schema accepts every example converted to JSON, and rejects a broken one.
set -euo pipefail
GK=$1; SRC=$2
python3 -c "import jsonschema" 2>/dev/null || { echo "python3-jsonschema missing (run scripts/bootstrap.sh)"; exit 1; }
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
for f in "$SRC"/examples/*.yaml; do
  "$GK" convert "$f" --to json -o "$TMP/$(basename "$f" .yaml).json"
done
python3 - "$SRC/docs/schema/department.schema.json" "$TMP" <<'PY'
import json, sys, glob, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
files = sorted(glob.glob(sys.argv[2] + "/*.json"))
assert files, "no examples converted"
for f in files:
    doc = json.load(open(f))
    errors = list(v.iter_errors(doc))
    assert not errors, f"{f}: {errors[0].message} at {list(errors[0].path)}"
    broken = dict(doc, unexpected_key=1)
    assert list(v.iter_errors(broken)), f"{f}: schema accepted an unknown key"
print(f"{len(files)} examples valid against the schema, unknown keys rejected")
PY

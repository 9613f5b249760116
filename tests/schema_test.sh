#!/usr/bin/env bash
# One description of the source format, held equal in three places by this test: the JSON
# Schema (docs/schema/department.schema.json) accepts every example converted to JSON, every
# example with its declared figures, generated departments and a published document read back
# (audit --extract), and rejects unknown keys; every key the schema names is documented in
# docs/source-format.md and read by the loader (src/source/ and the model's key lists), so that
# none of the three can change alone.
set -euo pipefail
GK=$1; SRC=$2
python3 -c "import jsonschema" 2>/dev/null || { echo "python3-jsonschema missing (run scripts/bootstrap.sh)"; exit 1; }
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
for f in "$SRC"/examples/*.yaml; do
  "$GK" convert "$f" --to json -o "$TMP/$(basename "$f" .yaml).json"
  "$GK" declare "$f" -o "$TMP/$(basename "$f" .yaml).declared.json"
done
"$GK" generate --count 20 --declared -o "$TMP/gen" > /dev/null
"$GK" generate --count 5 --declared --kind 决算 -o "$TMP/genf" > /dev/null
for f in "$TMP"/gen/*.yaml; do "$GK" convert "$f" --to json -o "$TMP/gen-$(basename "$f" .yaml).json"; done
for f in "$TMP"/genf/*.yaml; do "$GK" convert "$f" --to json -o "$TMP/genf-$(basename "$f" .yaml).json"; done
# A published document read back (audit --extract, published-document mode); audit exits 1 on
# the document's own error.
"$GK" audit "$SRC/tests/reader/synthetic_budget.txt" --extract "$TMP/extract" > /dev/null || [ $? -eq 1 ]
"$GK" convert "$TMP/extract/synthetic_budget.yaml" --to json -o "$TMP/extract-synthetic.json"
python3 - "$SRC/docs/schema/department.schema.json" "$TMP" "$SRC" <<'PY'
import json, sys, glob, jsonschema, re, pathlib
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
# A 决算 declares its tables and 情况说明 figures: the budget's sections are refused, as the loader
# refuses them.
finals = [f for f in files if json.load(open(f)).get("kind") in ("决算", "final-accounts")]
assert finals, "no 决算 converted"
for f in finals:
    doc = json.load(open(f))
    doc.setdefault("declared", {})["sections"] = []
    assert list(v.iter_errors(doc)), f"{f}: schema accepted declared.sections in a 决算"
# Every property the schema names is documented and read by the loader.
def names(node, out):
    if isinstance(node, dict):
        for k, v in node.get("properties", {}).items():
            out.add(k)
        for v in node.values():
            names(v, out)
    elif isinstance(node, list):
        for v in node:
            names(v, out)
    return out
# Section numbers (notes: 一 … 九) are documented as a range.
keys = {k for k in names(schema, set()) if k not in "一二三四五六七八九"}
src = pathlib.Path(sys.argv[3])
docs = (src / "docs/source-format.md").read_text()
# The loader, and the key lists of the model it reads with (ThreePublicKeys, …).
loader = "".join(p.read_text() for d in ("src/source", "src/model") for p in (src / d).glob("*.cc"))
undocumented = sorted(k for k in keys if not re.search(r"(?<![A-Za-z_])" + re.escape(k) + r"(?![A-Za-z_])", docs))
unread = sorted(k for k in keys if f'"{k}"' not in loader)
assert not undocumented, f"schema keys not in docs/source-format.md: {undocumented}"
assert not unread, f"schema keys the loader (src/source/, src/model/) never reads: {unread}"
print(f"{len(files)} sources valid against the schema, unknown keys rejected; "
      f"{len(keys)} keys documented and read")
PY

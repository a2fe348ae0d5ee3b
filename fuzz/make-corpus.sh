#!/usr/bin/env bash
# Seeds fuzz/corpus/load_render/ from the test fixtures: each fixture folder
# as one input (its files after `==> PATH` lines), and each of its files
# alone. Run from the repository root. The corpus is not committed.
set -euo pipefail
out=fuzz/corpus/load_render
mkdir -p "$out"
for dir in tests/fixtures/valid tests/fixtures/bad/*/ tests/fixtures/fuzz/*/; do
  [ -d "$dir" ] || continue
  dir=${dir%/}
  name=$(echo "$dir" | tr '/' '-')
  whole="$out/$name"
  : > "$whole"
  while IFS= read -r -d '' f; do
    rel=${f#"$dir"/}
    # Files the walk would skip (hidden ones) are left out.
    case "/$rel" in */.*) continue ;; esac
    { printf '==> %s\n' "$rel"; cat "$f"; printf '\n'; } >> "$whole"
    { printf '==> %s\n' "$rel"; cat "$f"; } > "$out/$name-$(echo "$rel" | tr '/' '-')"
  done < <(find "$dir" -type f -print0 | sort -z)
done
ls "$out" | wc -l

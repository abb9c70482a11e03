#!/usr/bin/env bash
# Gold scores and gold facts of an older commit next to a later one.
#   benchmarks/before_after.sh [BEFORE [AFTER]]
#   BEFORE defaults to f33e081 (before the speed work), AFTER to the working tree.
# Needs the package's dependencies installed in the python on PATH (or $PY).
set -euo pipefail
cd "$(dirname "$0")/.."
rev="${1:-f33e081}"
after="${2:-}"
py="${PY:-python}"
tmp="$(mktemp -d)"
trap 'git worktree remove --force "$tmp/before" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git worktree add -q --detach "$tmp/before" "$rev"
run() {  # $1 = source folder, $2 = output prefix
    PYTHONPATH="$1" "$py" -m danvan_extract.views.cli evaluate gold > "$2.txt"
    PYTHONPATH="$1" "$py" -m danvan_extract.views.cli extract gold -o "$2.jsonl" --no-progress 2>/dev/null || true
}
(cd "$tmp/before" && run "$tmp/before/src" "$tmp/before_out")
if [ -n "$after" ]; then
    git worktree add -q --detach "$tmp/after" "$after"
    (cd "$tmp/after" && run "$tmp/after/src" "$tmp/after_out")
    git worktree remove --force "$tmp/after" >/dev/null 2>&1 || true
else
    run "$PWD/src" "$tmp/after_out"
fi
echo "== before ($rev)"; cat "$tmp/before_out.txt"
echo; echo "== after (${after:-working tree})"; cat "$tmp/after_out.txt"
echo
if cmp -s "$tmp/before_out.txt" "$tmp/after_out.txt"; then echo "score tables: identical"; else echo "score tables: DIFFER"; fi
if cmp -s "$tmp/before_out.jsonl" "$tmp/after_out.jsonl"; then echo "facts on gold: byte-identical"; else echo "facts on gold: DIFFER"; fi

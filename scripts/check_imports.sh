#!/usr/bin/env bash
# Imports every saved page (*.html, *.htm) under a corpus folder with the
# command line, one new workspace each, and runs `factbench check` on it:
# prints each page refused or whose workspace fails the check, then the
# counts. Issue 22 asks that every imported workspace pass `check`.
#
#   cargo build --release && scripts/check_imports.sh CORPUS_DIR [FACTBENCH]
#
# FACTBENCH defaults to the release binary in the cargo target folder.
set -u
corpus=${1:?usage: scripts/check_imports.sh CORPUS_DIR [FACTBENCH]}
target=${CARGO_TARGET_DIR:-$(dirname "$0")/../target}
factbench=${2:-$target/release/factbench}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pages=0 refused=0 failing=0
while IFS= read -r -d '' page; do
    pages=$((pages + 1))
    workspace="$work/page.ron"
    rm -f "$workspace" "$workspace.bak"
    if ! timeout 30 "$factbench" import "$page" --into "$workspace" >/dev/null 2>"$work/err"; then
        refused=$((refused + 1))
        echo "refused: $(head -c 300 "$work/err")"
        continue
    fi
    if ! timeout 30 "$factbench" check "$workspace" >"$work/out" 2>&1; then
        failing=$((failing + 1))
        echo "fails check: $page: $(head -c 300 "$work/out")"
    fi
done < <(find "$corpus" -type f \( -name '*.html' -o -name '*.htm' \) -print0 | sort -z)
echo "pages: $pages; refused: $refused; imported workspaces failing check: $failing"

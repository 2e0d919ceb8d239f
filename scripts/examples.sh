#!/usr/bin/env bash
# Installs the packages, builds thaidoc and renders every shipped example into output/.
#
#   data/text/*.txt                       ->  thaidoc text   FILE -o output/NAME.pdf
#   data/*/*.yaml (not batch/, ita/)      ->  thaidoc render FILE -o output/NAME.pdf
#   data/*.yaml (multi-part documents)    ->  thaidoc render FILE -o output/NAME.pdf
#   data/batch/*-template.yaml x orgs.csv ->  thaidoc batch  -> output/batch/PROVINCE/ORG-TEMPLATE.pdf
#   data/report/ita-report-template.yaml x example-org.csv -> output/report-batch/ORG.pdf
# (data/ita holds ITA data sections, not documents: the reports include them.)
#
# Prints each PDF written and a summary; exits non-zero if any example failed.
# Environment: BUILD_DIR (default build), OUT_DIR (default output), SKIP_SETUP=1 to skip setup.sh.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

BUILD_DIR=${BUILD_DIR:-build}
OUT_DIR=${OUT_DIR:-output}
THAIDOC="$BUILD_DIR/thaidoc"

if [[ ${SKIP_SETUP:-0} != 1 ]]; then
  scripts/setup.sh
fi
[[ -x "$THAIDOC" ]] || { echo "examples.sh: $THAIDOC not found (run scripts/setup.sh)" >&2; exit 1; }
mkdir -p "$OUT_DIR"

# ---- Collect jobs: one line per example, "COMMAND<TAB>INPUT<TAB>OUTPUT". ----
# To add a new kind of example, write another add_* function and call it below.
JOBS=()
SKIPPED=()

# add_job COMMAND INPUT OUTPUT; an OUTPUT already taken gets the input's folder name as prefix.
declare -A TAKEN=()
add_job() {
  local out=$3
  if [[ -n ${TAKEN[$out]:-} ]]; then
    out="$(dirname "$out")/$(basename "$(dirname "$2")")-$(basename "$out")"
  fi
  TAKEN[$out]=1
  JOBS+=("$1"$'\t'"$2"$'\t'"$out")
}

# True if `thaidoc NAME` exists: its --help must succeed and be that subcommand's own help
# (CLI11 answers `thaidoc unknown --help` with the main help and exit code 0).
has_command() {
  local help
  help=$("$THAIDOC" "$1" --help 2>&1) || return 1
  grep -Eq "^Usage: [^ ]+ $1( |\$)" <<<"$help"
}

add_text_examples() {
  local f
  for f in data/text/*.txt; do
    [[ -e "$f" ]] || continue
    add_job text "$f" "$OUT_DIR/$(basename "$f" .txt).pdf"
  done
}

add_yaml_examples() {
  local files=() f
  # Every folder of data/ but batch/ (batch inputs) and ita/ (ITA data sections): one per
  # document kind, plus tables and reports.
  # data/*.yaml are multi-part documents made of examples of those folders.
  mapfile -t files < <(find data -mindepth 1 -maxdepth 2 -type f -name '*.yaml' ! -name '*-template.yaml' \
                         ! -path 'data/batch/*' ! -path 'data/ita/*' 2>/dev/null | LC_ALL=C sort)
  ((${#files[@]} > 0)) || return 0
  if ! has_command render; then
    SKIPPED+=("${#files[@]} YAML example(s): '$THAIDOC render' is not available yet")
    return 0
  fi
  for f in "${files[@]}"; do
    local name
    name=$(basename "$f")
    add_job render "$f" "$OUT_DIR/${name%.*}.pdf"
  done
}

add_text_examples
add_yaml_examples

# ---- Run them. ----
show_stderr() { if [[ -n $1 ]]; then printf '%s\n' "$1" | sed 's/^/       | /'; fi; }

ok=0
failed=()
pages_total=0
start=$(date +%s.%N)
for job in "${JOBS[@]}"; do
  IFS=$'\t' read -r cmd in out <<<"$job"
  if err=$("$THAIDOC" "$cmd" "$in" -o "$out" 2>&1 >/dev/null) && [[ -s "$out" ]]; then
    pages=$(pdfinfo "$out" 2>/dev/null | awk '/^Pages:/ {print $2}') || pages=""
    if [[ -z "$pages" ]]; then
      failed+=("$in (pdfinfo cannot read $out)")
      printf 'FAIL   %-34s  %s is not a readable PDF\n' "$in" "$out"
      continue
    fi
    size=$(du -h "$out" | cut -f1)
    printf 'wrote  %-34s  %3s page(s)  %5s  <- %s %s\n' "$out" "$pages" "$size" "$cmd" "$in"
    show_stderr "$err"
    ok=$((ok + 1))
    pages_total=$((pages_total + pages))
  else
    failed+=("$in")
    printf 'FAIL   %-34s  thaidoc %s %s\n' "$in" "$cmd" "$in"
    show_stderr "$err"
  fi
done
# ---- Batches: templates with {{placeholders}}, one document set per data record. ----
run_batch() {  # NAME DATA PATTERN TEMPLATE...
  local name=$1 data=$2 pattern=$3 out
  shift 3
  [[ -f $data ]] || return 0
  if out=$("$THAIDOC" batch "$@" --data "$data" -o "$pattern" -q --report "$OUT_DIR/$name-report.json" 2>&1); then
    printf 'batch  %-34s  %s\n' "$name" "$(tail -n 1 <<<"$out")"
  else
    failed+=("batch $name")
    printf 'FAIL   batch %s\n' "$name"
    show_stderr "$out"
  fi
}
if has_command batch; then
  run_batch batch data/batch/orgs.csv "$OUT_DIR/batch/{province}/{org}-{template}.pdf" \
    data/batch/memo-template.yaml data/batch/report-template.yaml data/batch/measures-template.yaml \
    data/batch/announcement-template.yaml
  run_batch report-batch data/report/example-org.csv "$OUT_DIR/report-batch/{org}.pdf" \
    data/report/ita-report-template.yaml
fi
elapsed=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')

echo
echo "examples: ${#JOBS[@]} run, $ok written ($pages_total pages) in ${elapsed}s, ${#failed[@]} failed"
for s in "${SKIPPED[@]}"; do echo "skipped: $s"; done
for f in "${failed[@]}"; do echo "failed:  $f"; done
((${#JOBS[@]} > 0)) || { echo "examples.sh: no examples found under data/" >&2; exit 1; }
((${#failed[@]} == 0))

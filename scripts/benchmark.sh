#!/usr/bin/env bash
# shellcheck disable=SC2317 # scenario functions are called indirectly as "prepare_$name"
# Benchmarks thaidoc (not a test: it only measures). Builds first, then runs each scenario
# RUNS times under /usr/bin/time and prints documents, pages, seconds, documents/s, pages/s and
# peak RSS.
#
#   scripts/benchmark.sh                 # all scenarios
#   scripts/benchmark.sh text-100p       # only the named scenario(s)
#   scripts/benchmark.sh --list
#
# Scenarios: text-100p (a ~100-page text), memo-cold (one memo, a fresh process: start-up, font
# loading and all), batch-1000-j1 and batch-1000-j2 (`thaidoc batch` of BATCH_RECORDS memos from
# data/batch/memo-template.yaml and organisations made by scripts/gen_orgs.py, 1 and 2 workers),
# table-200p (a ~200-page landscape results table, scripts/gen_table.py), batch-7850-all,
# table-10k-rows and table-100k-rows (one table of 10,000 / 100,000 short rows: memory and time
# must grow in proportion to the rows; targets 10k < 300 MB and 2 s, 100k < 1 GB), check-cost,
# serve-200-concurrent (`thaidoc serve` on loopback: 200 memo renders at once, scripts/serve_load.py;
# prints the errors, which must be 0, the renders/s and the p50/p95/p99 latency).
#
# Environment:
#   RUNS=3              runs per scenario (time measured around /usr/bin/time, which adds ~1 ms)
#   BENCH_PAGES=100     approximate size of the generated Thai text, in pages
#   BENCH_CHARS=N       use exactly N characters instead (no calibration run)
#   BATCH_RECORDS=1000  records (memos) in the batch scenarios
#   SERVE_REQUESTS=200  concurrent requests of serve-200-concurrent
#   TABLE_ROWS=115      rows of the table-200p scenario
#   KEEP=1              keep the temporary directory (inputs and PDFs)
#   SKIP_SETUP=1        skip scripts/setup.sh
#
# Adding a scenario (e.g. tables, batches): write prepare_NAME (dashes become underscores), which
# creates its input under $WORK and sets the CMD array writing the PDF "$OUT"; append NAME to
# SCENARIOS. A scenario writing many PDFs also defines before_NAME (run before each run, not
# timed) and count_NAME (prints "PAGES DOCUMENTS" of the last run).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

BUILD_DIR=${BUILD_DIR:-build}
THAIDOC="$BUILD_DIR/thaidoc"
[[ $THAIDOC == /* ]] || THAIDOC="$ROOT/$THAIDOC"
RUNS=${RUNS:-3}
BENCH_PAGES=${BENCH_PAGES:-100}
BENCH_CHARS=${BENCH_CHARS:-}
BATCH_RECORDS=${BATCH_RECORDS:-1000}
export LC_ALL=C.UTF-8 # wc -m counts UTF-8 characters, awk prints "." decimals

SCENARIOS=(text-100p table-200p memo-cold batch-1000-j1 batch-1000-j2 batch-7850-all table-10k-rows table-100k-rows
           check-cost serve-200-concurrent)

# ---- helpers for scenarios ----

pdf_pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}' || true; }

# make_text FILE CHARS: the data/text/*.txt documents repeated until FILE has >= CHARS characters.
make_text() {
  local out=$1 target=$2 sources=() f chars=0 i=0
  for f in data/text/*.txt; do
    if [[ -s $f ]]; then sources+=("$f"); fi
  done
  ((${#sources[@]} > 0)) || { echo "benchmark.sh: no data/text/*.txt to build the input from" >&2; return 1; }
  : >"$out"
  while ((chars < target)); do
    f=${sources[i++ % ${#sources[@]}]}
    cat "$f" >>"$out"
    printf '\n' >>"$out"
    chars=$(wc -m <"$out")
  done
}

# ---- scenarios ----

# ~BENCH_PAGES pages of running Thai text made of the example documents. Starts from 2,000
# characters a page, renders once to measure the real density, and resizes the text to match.
# BENCH_CHARS=N skips the calibration and uses exactly N characters.
prepare_text_100p() {
  local in="$WORK/big.txt" chars pages
  CMD=("$THAIDOC" text "$in" -o "$OUT")
  if [[ -n $BENCH_CHARS ]]; then
    make_text "$in" "$BENCH_CHARS" || return 1
  else
    chars=$((BENCH_PAGES * 2000))
    make_text "$in" "$chars" || return 1
    "${CMD[@]}" >/dev/null 2>&1 || { echo "calibration run failed: ${CMD[*]}"; return 1; }
    pages=$(pdf_pages "$OUT")
    [[ -n $pages && $pages -gt 0 ]] || { echo "calibration run wrote no readable PDF"; return 1; }
    chars=$(wc -m <"$in")
    if ((pages * 20 < BENCH_PAGES * 19 || pages * 20 > BENCH_PAGES * 21)); then
      chars=$((chars * BENCH_PAGES / pages))
      echo "calibration: $pages pages at $(wc -m <"$in") characters; resizing to $chars characters"
      make_text "$in" "$chars" || return 1
    fi
  fi
  echo "input: $in, $(wc -m <"$in") characters, $(wc -l <"$in") lines, $(du -h "$in" | cut -f1)"
}

# A ~200-page landscape results table (seed 001 style: 2-level header repeated on every page,
# rows split across pages), from scripts/gen_table.py; TABLE_ROWS rows (default 115 ~ 200 pages).
prepare_table_200p() {
  local in="$WORK/big-table.yaml"
  command -v python3 >/dev/null || { echo "python3 missing (needed by scripts/gen_table.py)"; return 1; }
  python3 scripts/gen_table.py --rows "${TABLE_ROWS:-115}" -o "$in" || return 1
  CMD=("$THAIDOC" render "$in" -o "$OUT")
  echo "input: $in, ${TABLE_ROWS:-115} rows"
}

# One memo (data/memo/taneun-ita-results.yaml) in a fresh process: what a single `thaidoc render`
# costs, start-up and font loading included.
prepare_memo_cold() {
  CMD=("$THAIDOC" render data/memo/taneun-ita-results.yaml -o "$OUT")
}

# `thaidoc batch` of BATCH_RECORDS memos (data/batch/memo-template.yaml) with 1 or 2 workers;
# the organisations come from scripts/gen_orgs.py (fixed seed).
prepare_batch() {
  local jobs=$1
  command -v python3 >/dev/null || { echo "python3 missing (needed by scripts/gen_orgs.py)"; return 1; }
  [[ -s $WORK/orgs.csv ]] || python3 scripts/gen_orgs.py --count "$BATCH_RECORDS" --seed 2568 -o "$WORK/orgs.csv" || return 1
  CMD=("$THAIDOC" batch data/batch/memo-template.yaml --data "$WORK/orgs.csv" -o "$WORK/batch/{province}/{org}-memo.pdf"
       -j "$jobs" -q --report "$WORK/batch-report.json")
  echo "input: $BATCH_RECORDS records ($WORK/orgs.csv), $jobs worker(s)"
}
prepare_batch_1000_j1() { prepare_batch 1; }
prepare_batch_1000_j2() { prepare_batch 2; }
before_batch() { rm -rf "$WORK/batch" "$WORK/batch-report.json"; }
before_batch_1000_j1() { before_batch; }
before_batch_1000_j2() { before_batch; }
count_batch() {
  sed -n 's/.*"summary": {.*"done": \([0-9]*\),.*"pages": \([0-9]*\),.*/\2 \1/p' "$WORK/batch-report.json"
}
count_batch_1000_j1() { count_batch; }
count_batch_1000_j2() { count_batch; }

# Every administration's documents: 7,850 organisations x (memo, ITA report, measures table)
# = 23,550 PDFs with 2 workers. The target is 60 s or less on 2 cores.
prepare_batch_7850_all() {
  command -v python3 >/dev/null || { echo "python3 missing (needed by scripts/gen_orgs.py)"; return 1; }
  [[ -s $WORK/orgs-7850.csv ]] || python3 scripts/gen_orgs.py --count 7850 --seed 2568 -o "$WORK/orgs-7850.csv" || return 1
  CMD=("$THAIDOC" batch data/batch/memo-template.yaml data/batch/report-template.yaml data/batch/measures-template.yaml
       --data "$WORK/orgs-7850.csv" -o "$WORK/batch/{province}/{org}-{template}.pdf" -j 2 -q --report "$WORK/batch-report.json")
  echo "input: 7850 records x 3 templates, 2 workers"
}
before_batch_7850_all() { before_batch; }
count_batch_7850_all() { count_batch; }

# One long table of TABLE_LONG_ROWS short rows (4 columns, one line each): memory and time
# must grow in proportion to the rows (targets: 10k rows < 300 MB and < 2 s; 100k < 1 GB).
make_long_table() {
  python3 - "$1" "$2" <<'PY'
import sys
rows, out = int(sys.argv[1]), sys.argv[2]
with open(out, "w", encoding="utf-8") as f:
    f.write("kind: document\ndigits: arabic\nblocks:\n  - table:\n      columns: [2cm, 1, 3cm, 3cm]\n")
    f.write("      header:\n        - [ลำดับ, หน่วยงาน, คะแนน, ระดับ]\n      rows:\n")
    for r in range(1, rows + 1):
        f.write(f"        - [{r}, องค์การบริหารส่วนตำบลที่ {r}, {80 + r % 20}.{r % 100:02d}, ผ่าน]\n")
PY
}
prepare_table_10k_rows() {
  make_long_table 10000 "$WORK/long-10k.yaml" || return 1
  CMD=("$THAIDOC" render "$WORK/long-10k.yaml" -o "$OUT")
  echo "input: one table of 10,000 rows"
}
prepare_table_100k_rows() {
  make_long_table 100000 "$WORK/long-100k.yaml" || return 1
  CMD=("$THAIDOC" render "$WORK/long-100k.yaml" -o "$OUT")
  echo "input: one table of 100,000 rows"
}

# What the layout invariants (layout/verify.h) cost: the share of the check in the
# stage timings (THAIDOC_TIMINGS=1) of the ~100-page text, the ~200-page table and the
# nakhonpathom report; the target is under 5 %. Prints one line per document.
prepare_check_cost() {
  local in="$WORK/check-text.txt" table="$WORK/check-table.yaml" f
  make_text "$in" 200000 || return 1
  python3 scripts/gen_table.py --rows 115 -o "$table" || return 1
  for f in "text $in" "render $table" "render data/report/nakhonpathom-ita-2565.yaml"; do
    # shellcheck disable=SC2086
    THAIDOC_TIMINGS=1 "$THAIDOC" $f -o "$WORK/check.pdf" 2>&1 | sed -n "s|^thaidoc: timings:|  ${f##*/}:|p"
  done
  CMD=("$THAIDOC" text "$in" -o "$OUT")
}

# `thaidoc serve` under load (issue 17): scripts/serve_load.py starts the server on 127.0.0.1
# (port 0, default workers = cores), renders the example memo once to warm it up, then sends
# SERVE_REQUESTS renders at once (one connection and thread each) and checks every answer is
# the same PDF. The table times the whole run (server start and stop, warm-up included); the
# line printed above it times the burst alone: errors, renders/s, latency p50/p95/p99/max.
prepare_serve_200_concurrent() {
  command -v python3 >/dev/null || { echo "python3 missing (needed by scripts/serve_load.py)"; return 1; }
  CMD=(python3 scripts/serve_load.py "$THAIDOC" data/memo/taneun-ita-results.yaml --requests "${SERVE_REQUESTS:-200}"
       --counts "$WORK/serve-counts")
  echo "input: data/memo/taneun-ita-results.yaml, ${SERVE_REQUESTS:-200} concurrent renders over loopback"
}
before_serve_200_concurrent() { rm -f "$WORK/serve-counts"; }
count_serve_200_concurrent() { sed -n 's/^serve-200-concurrent: /  /p' "$WORK/log" >&2; cat "$WORK/serve-counts"; }

# ---- driver ----

usage() { awk 'NR > 1 && /^# shellcheck/ { next } NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

if [[ ${1:-} == --list ]]; then printf '%s\n' "${SCENARIOS[@]}"; exit 0; fi
if [[ ${1:-} == -h || ${1:-} == --help ]]; then usage; exit 0; fi
selected=("$@")
((${#selected[@]} > 0)) || selected=("${SCENARIOS[@]}")
for s in "${selected[@]}"; do
  declare -F "prepare_${s//-/_}" >/dev/null || { echo "benchmark.sh: unknown scenario '$s' (try --list)" >&2; exit 2; }
done
for v in RUNS BENCH_PAGES; do
  [[ ${!v} =~ ^[1-9][0-9]*$ ]] || { echo "benchmark.sh: $v must be a positive integer" >&2; exit 2; }
done
[[ -z $BENCH_CHARS || $BENCH_CHARS =~ ^[1-9][0-9]*$ ]] || { echo "benchmark.sh: BENCH_CHARS must be a positive integer" >&2; exit 2; }
[[ $BATCH_RECORDS =~ ^[1-9][0-9]*$ ]] || { echo "benchmark.sh: BATCH_RECORDS must be a positive integer" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "benchmark.sh: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }
command -v pdfinfo >/dev/null || { echo "benchmark.sh: pdfinfo missing (apt-get install poppler-utils)" >&2; exit 1; }

if [[ ${SKIP_SETUP:-0} != 1 ]]; then
  scripts/setup.sh
fi
[[ -x "$THAIDOC" ]] || { echo "benchmark.sh: $THAIDOC not found" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/thaidoc-bench.XXXXXX")
if [[ ${KEEP:-0} == 1 ]]; then
  echo "keeping $WORK"
else
  trap 'rm -rf "$WORK"' EXIT
fi

echo "thaidoc benchmark: $(nproc) CPU(s), $RUNS run(s) per scenario"
status=0
for s in "${selected[@]}"; do
  echo
  echo "== $s"
  OUT="$WORK/$s.pdf"
  CMD=()
  "prepare_${s//-/_}" || { status=1; continue; }
  name=${s//-/_}
  printf '%-6s %6s %7s %9s %8s %9s %12s\n' run docs pages seconds docs/s pages/s "peak RSS MB"
  results=()
  for ((i = 1; i <= RUNS; i++)); do
    rm -f "$OUT"
    if declare -F "before_$name" >/dev/null; then "before_$name"; fi
    # /usr/bin/time gives the peak RSS (and %e, only to 10 ms); the wall time comes from date.
    t0=$(date +%s%N)
    if ! /usr/bin/time -f '%e %M' -o "$WORK/time" "${CMD[@]}" >"$WORK/log" 2>&1; then
      echo "run $i failed: ${CMD[*]}"
      sed 's/^/  | /' "$WORK/log" | tail -n 20
      status=1
      break
    fi
    t1=$(date +%s%N)
    read -r _ kb <"$WORK/time"
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    if declare -F "count_$name" >/dev/null; then
      read -r pages docs < <("count_$name") || true
    else
      pages=$(pdf_pages "$OUT")
      docs=1
    fi
    [[ -n $pages && -n $docs ]] || { echo "run $i: no readable output"; status=1; break; }
    awk -v r="$i" -v d="$docs" -v p="$pages" -v t="$secs" -v m="$kb" 'BEGIN {
      printf "%-6s %6d %7d %9.3f %8s %9s %12.1f\n", r, d, p, t, (t > 0 ? sprintf("%.1f", d / t) : "inf"),
        (t > 0 ? sprintf("%.1f", p / t) : "inf"), m / 1024 }'
    results+=("$pages $secs $kb $docs")
  done
  # Median time and the largest peak RSS over the runs that succeeded.
  if ((${#results[@]} > 1)); then
    printf '%s\n' "${results[@]}" | sort -k2,2g | awk '
      { p[NR] = $1; t[NR] = $2; d[NR] = $4; if ($3 > m) m = $3 }
      END {
        k = int((NR + 1) / 2); tm = (NR % 2 ? t[k] : (t[k] + t[k + 1]) / 2)
        printf "%-6s %6d %7d %9.3f %8s %9s %12.1f\n", "median", d[k], p[k], tm, (tm > 0 ? sprintf("%.1f", d[k] / tm) : "inf"),
          (tm > 0 ? sprintf("%.1f", p[k] / tm) : "inf"), m / 1024 }'
  fi
  if [[ -s $OUT ]]; then echo "pdf: $(du -h "$OUT" | cut -f1)"; fi
done
exit "$status"

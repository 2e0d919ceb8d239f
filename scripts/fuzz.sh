#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz, clang with -fsanitize=fuzzer,address,undefined) in
# their own build directory and runs each for a while. Not part of the normal build or tests.
#
#   scripts/fuzz.sh                     # every target for 60 s
#   scripts/fuzz.sh 600                 # every target for 10 minutes
#   scripts/fuzz.sh 300 document image  # only these targets (fuzz_document, fuzz_image)
#   scripts/fuzz.sh --list
#
# Targets: document (YAML -> model -> layout -> PDF in memory), inline (the markup parser),
# text_engine (shaping and line breaking of random text and styles), image (PNG/JPEG files
# through reading, layout and LibHaru), yaml_structured (input bytes choose a well-formed document:
# kind, style, blocks, tables, lists, anchors; so nearly every input reaches layout and PDF),
# batch (a CSV or YAML data file read as `batch --data` does, its first records filled into a
# template with placeholders everywhere, laid out and written).
#
# The corpus of each target grows in $FUZZ_CORPUS_DIR/TARGET across runs; it is seeded
# each run from the repository (data/, templates/, tests/bad_input/, tests/fuzz/assets/).
# Crashes, leaks, timeouts and out-of-memory inputs land in $FUZZ_BUILD_DIR/artifacts/TARGET/;
# reproduce one with `$FUZZ_BUILD_DIR/tests/fuzz/fuzz_TARGET FILE`. Logs are in
# $FUZZ_BUILD_DIR/logs/. Prints executions, executions/s, coverage and findings per target;
# exits 1 if any target found something.
#
# Environment:
#   FUZZ_SANITIZERS address,undefined (default) or undefined: without AddressSanitizer the
#                   targets run about 6 times the executions a second (yaml_structured 374/s
#                   against 65/s on its mature corpus); memory errors then show only as crashes,
#                   so replay the grown corpus under the default build afterwards:
#                   FUZZ_REPLAY=1 scripts/fuzz.sh TARGET... (every corpus input once, no mutation)
#   FUZZ_BUILD_DIR  build directory (default build-fuzz, build-fuzz-undefined for undefined)
#   FUZZ_CORPUS_DIR where the corpora grow (default $FUZZ_BUILD_DIR/corpus; give both builds the
#                   same one)
#   FUZZ_JOBS       targets run at the same time (default 2, at most the number of cores)
#   FUZZ_TIMEOUT    seconds one input may take before it counts as a finding (default 25)
#   FUZZ_ARGS       extra libFuzzer arguments, e.g. FUZZ_ARGS="-only_ascii=1"
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

ALL_TARGETS=(document inline text_engine image yaml_structured batch)
declare -A MAX_LEN=([document]=16384 [inline]=4096 [text_engine]=4096 [image]=16384 [yaml_structured]=4096
                    [batch]=16384)

if [[ ${1:-} == --list ]]; then printf '%s\n' "${ALL_TARGETS[@]}"; exit 0; fi
if [[ ${1:-} == -h || ${1:-} == --help ]]; then
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
  exit 0
fi

SECONDS_PER_TARGET=60
if [[ ${1:-} =~ ^[0-9]+$ ]]; then
  SECONDS_PER_TARGET=$1
  shift
fi
TARGETS=("$@")
((${#TARGETS[@]} > 0)) || TARGETS=("${ALL_TARGETS[@]}")
for t in "${TARGETS[@]}"; do
  [[ -n ${MAX_LEN[$t]:-} ]] || { echo "fuzz.sh: unknown target '$t' (try --list)" >&2; exit 2; }
done

FUZZ_SANITIZERS=${FUZZ_SANITIZERS:-address,undefined}
case $FUZZ_SANITIZERS in
  address,undefined) default_build=build-fuzz ;;
  undefined) default_build=build-fuzz-undefined ;;
  *) echo "fuzz.sh: FUZZ_SANITIZERS must be address,undefined or undefined" >&2; exit 2 ;;
esac
FUZZ_BUILD_DIR=${FUZZ_BUILD_DIR:-$default_build}
[[ $FUZZ_BUILD_DIR == /* ]] || FUZZ_BUILD_DIR="$ROOT/$FUZZ_BUILD_DIR"
FUZZ_CORPUS_DIR=${FUZZ_CORPUS_DIR:-$FUZZ_BUILD_DIR/corpus}
[[ $FUZZ_CORPUS_DIR == /* ]] || FUZZ_CORPUS_DIR="$ROOT/$FUZZ_CORPUS_DIR"
FUZZ_REPLAY=${FUZZ_REPLAY:-0}
CORES=$(nproc 2>/dev/null || echo 2)
FUZZ_JOBS=${FUZZ_JOBS:-2}
((FUZZ_JOBS <= CORES)) || FUZZ_JOBS=$CORES
((FUZZ_JOBS >= 1)) || FUZZ_JOBS=1
FUZZ_TIMEOUT=${FUZZ_TIMEOUT:-25}
read -r -a EXTRA_ARGS <<<"${FUZZ_ARGS:-}"

log() { printf '==> %s\n' "$*" >&2; }

# ---- build ----
if ! command -v clang >/dev/null || ! command -v clang++ >/dev/null; then
  echo "fuzz.sh: clang and clang++ are needed (apt-get install clang libclang-rt-dev)" >&2
  exit 1
fi
log "building the fuzz targets in $FUZZ_BUILD_DIR/ (clang, -fsanitize=fuzzer,$FUZZ_SANITIZERS)"
build_log="$FUZZ_BUILD_DIR/build.log"
mkdir -p "$FUZZ_BUILD_DIR"
if ! { CC=clang CXX=clang++ cmake -S . -B "$FUZZ_BUILD_DIR" -DTHAIDOC_FUZZ=ON -DTHAIDOC_TESTS=OFF \
         -DTHAIDOC_FUZZ_SANITIZERS="$FUZZ_SANITIZERS" \
         -DCMAKE_BUILD_TYPE=RelWithDebInfo &&
       cmake --build "$FUZZ_BUILD_DIR" -j"$CORES" --target "${TARGETS[@]/#/fuzz_}"; } >"$build_log" 2>&1; then
  { grep -E '(error|Error)[: ]' "$build_log" | head -n 20 || true; } >&2
  tail -n 30 "$build_log" >&2
  echo "fuzz.sh: build failed (log: $build_log)" >&2
  exit 1
fi

# ---- seeds ----
SEEDS="$FUZZ_BUILD_DIR/seeds"
rm -rf "$SEEDS"
mkdir -p "$SEEDS"/{document,inline,text_engine,image,yaml_structured,batch}

# seed_paragraphs FILE... : each paragraph (blank-line separated, at most 2000 bytes) of the
# files as its own seed, for the inline and text_engine targets.
seed_paragraphs() {
  awk -v dir1="$SEEDS/inline" -v dir2="$SEEDS/text_engine" '
    function flush() {
      if (para != "" && length(para) <= 2000) { n++; printf "%s", para > (dir1 "/p" n); close(dir1 "/p" n)
                                                 printf "%s", para > (dir2 "/p" n); close(dir2 "/p" n) }
      para = ""
    }
    /^[[:space:]]*$/ { flush(); next }
    { para = (para == "" ? $0 : para "\n" $0) }
    END { flush() }' "$@"
}

mapfile -t yaml_files < <(find data templates tests/bad_input -name '*.yaml' -type f | LC_ALL=C sort)
for f in "${yaml_files[@]}"; do cp "$f" "$SEEDS/document/$(echo "$f" | tr '/' '_')"; done
# The examples in templates/README.md (```yaml blocks).
awk -v dir="$SEEDS/document" '/^```yaml/ { n++; out = dir "/readme" n ".yaml"; on = 1; next }
  /^```/ { on = 0; next } on { print > out }' templates/README.md
seed_paragraphs data/text/*.txt
# Markup from the YAML examples (the values of lines with markup characters).
grep -hE '\*\*|__|\]\(|\\\*' "${yaml_files[@]}" templates/README.md 2>/dev/null | head -n 200 |
  awk -v dir="$SEEDS/inline" '{ sub(/^[[:space:]]*(- )?("|[a-z_]+: )?/, ""); n++; printf "%s", $0 > (dir "/m" n); close(dir "/m" n) }'
i=0
for f in tests/bad_input/files/*.png tests/bad_input/files/*.jpg tests/fuzz/assets/*.png tests/fuzz/assets/*.jpg; do
  [[ -f $f ]] || continue
  for choice in 0 1 2 3; do
    i=$((i + 1))
    { printf '%b' "\\x0$choice"; cat "$f"; } >"$SEEDS/image/seed$i"
  done
done

# batch: the shipped CSV (its first rows) and small CSV/YAML data, first byte 0 = CSV, 1 = YAML.
{ printf '\x00'; head -n 4 data/batch/orgs.csv; } >"$SEEDS/batch/orgs"
for f in tests/fuzz/regressions/batch/* tests/fuzz/assets/batch/*; do
  [[ -f $f ]] && cp "$f" "$SEEDS/batch/seed-$(basename "$f")"
done
# yaml_structured: a plain document of each kind and a report with a chart and an ITA table
# (tests/fuzz/seeds/), its regressions, and random bytes of a few lengths (any bytes are a document).
for f in tests/fuzz/seeds/yaml_structured/* tests/fuzz/regressions/yaml_structured/*; do
  [[ -f $f ]] && cp "$f" "$SEEDS/yaml_structured/seed-$(basename "$f")"
done
for n in 16 64 256 1024; do head -c "$n" /dev/urandom >"$SEEDS/yaml_structured/random$n"; done

# ---- run ----
mkdir -p "$FUZZ_BUILD_DIR/logs"
run_target() {
  local t=$1 bin="$FUZZ_BUILD_DIR/tests/fuzz/fuzz_$1" dict_args=()
  mkdir -p "$FUZZ_CORPUS_DIR/$t" "$FUZZ_BUILD_DIR/artifacts/$t"
  [[ -f tests/fuzz/$t.dict ]] && dict_args=(-dict="tests/fuzz/$t.dict")
  # fontconfig's process-lifetime configuration is no leak (tests/lsan.supp, as scripts/test.sh);
  # without this, LeakSanitizer reported it at the end of a run as a crash on an empty input.
  # FUZZ_REPLAY=1: every corpus input once (-runs=0 runs the corpus and stops), no time limit
  # but the outer one of an hour.
  local run_args=(-max_total_time="$SECONDS_PER_TARGET") limit=$((SECONDS_PER_TARGET + 120))
  if [[ $FUZZ_REPLAY == 1 ]]; then run_args=(-runs=0); limit=3600; fi
  LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$ROOT/tests/lsan.supp:print_suppressions=0} \
    timeout --kill-after=30 "$limit" "$bin" \
    "${run_args[@]}" -timeout="$FUZZ_TIMEOUT" -rss_limit_mb=2048 \
    -max_len="${MAX_LEN[$t]}" -print_final_stats=1 "${dict_args[@]}" \
    -artifact_prefix="$FUZZ_BUILD_DIR/artifacts/$t/" "${EXTRA_ARGS[@]}" \
    "$FUZZ_CORPUS_DIR/$t" "$SEEDS/$t" >"$FUZZ_BUILD_DIR/logs/$t.log" 2>&1
}

if [[ $FUZZ_REPLAY == 1 ]]; then
  log "replaying the corpora of ${TARGETS[*]} ($FUZZ_CORPUS_DIR), $FUZZ_JOBS at a time"
else
  log "running ${TARGETS[*]} for ${SECONDS_PER_TARGET}s each, $FUZZ_JOBS at a time"
fi
pids=()
names=()
for t in "${TARGETS[@]}"; do
  while ((${#pids[@]} >= FUZZ_JOBS)); do
    wait -n || true
    alive_pids=() alive_names=()
    for k in "${!pids[@]}"; do
      if kill -0 "${pids[k]}" 2>/dev/null; then alive_pids+=("${pids[k]}"); alive_names+=("${names[k]}"); fi
    done
    pids=("${alive_pids[@]}") names=("${alive_names[@]}")
  done
  log "fuzz_$t started (log: $FUZZ_BUILD_DIR/logs/$t.log)"
  run_target "$t" &
  pids+=($!) names+=("$t")
done
wait || true

# ---- report ----
status=0
printf '\n%-12s %6s %12s %8s %7s %7s %8s  %s\n' target secs executions exec/s cov ft corpus findings
for t in "${TARGETS[@]}"; do
  lf="$FUZZ_BUILD_DIR/logs/$t.log"
  execs=$(awk '/stat::number_of_executed_units/ { print $2 }' "$lf" | tail -n 1)
  rate=$(awk '/stat::average_exec_per_sec/ { print $2 }' "$lf" | tail -n 1)
  last=$(grep -E '^#[0-9]+' "$lf" | tail -n 1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corpus=$(sed -n 's/.* corp: \([0-9]*\/[0-9a-zA-Z]*\).*/\1/p' <<<"$last")
  # A slow-unit-* file is an input that took over 10 s (wall clock: a loaded machine makes them
  # too); it is listed to be rerun alone, not counted as a finding.
  mapfile -t found < <(find "$FUZZ_BUILD_DIR/artifacts/$t" -type f -newer "$build_log" ! -name 'slow-unit-*' |
                         LC_ALL=C sort)
  mapfile -t slow < <(find "$FUZZ_BUILD_DIR/artifacts/$t" -type f -newer "$build_log" -name 'slow-unit-*' |
                        LC_ALL=C sort)
  if grep -qE '^==[0-9]+==ERROR|^SUMMARY: |deadly signal|Test unit written to .*/(crash|leak|timeout|oom)-' "$lf" ||
    ((${#found[@]} > 0)); then
    status=1
  fi
  printf '%-12s %6s %12s %8s %7s %7s %8s  %s\n' "$t" "$([[ $FUZZ_REPLAY == 1 ]] && echo replay || echo "$SECONDS_PER_TARGET")" "${execs:-?}" "${rate:-?}" \
    "${cov:-?}" "${ft:-?}" "${corpus:-?}" "${#found[@]}"
  for f in "${found[@]}"; do echo "    $f"; done
  for f in "${slow[@]}"; do echo "    slow (rerun it alone: $FUZZ_BUILD_DIR/tests/fuzz/fuzz_$t $f): $f"; done
done
if ((status != 0)); then
  echo "fuzz.sh: findings; see the logs in $FUZZ_BUILD_DIR/logs/ and the artifacts above" >&2
fi
exit "$status"

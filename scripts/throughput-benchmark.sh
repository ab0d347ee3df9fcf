#!/usr/bin/env bash
# End-to-end throughput benchmark: Sluice against the SageMaker SDK way (numpy + one protobuf Record
# per row, ../shared/bench/sdk_way.py), whole processes, alternating on the same inputs, medians of
# REPEAT runs. Inputs come from ../shared/bench/gen_dense.py: 50 gaussian features and a 0/1 label
# per row, as `g6` (%.6g: signed, varying magnitude, exponents) or `repr17` (pandas' float64 text).
# A benchmark, not a test: it prints figures and asserts nothing about speed.
#
# Usage: scripts/throughput-benchmark.sh [--no-sdk] [--profile jfr] [CASE ...]
#   CASE                STYLE:ROWS:OBJECTS; default the issue's inputs:
#                       g6:1000000:1 g6:10000000:1 g6:10000000:40 repr17:1000000:1 repr17:10000000:1
#   --no-sdk            run Sluice only
#   --profile jfr       record Sluice with Java Flight Recorder and print the top frames
# Environment:
#   WORK_DIR            inputs, outputs and logs (default ${TMPDIR:-/tmp}/sluice-throughput);
#                       generated inputs are kept and reused (10M rows: 4.8 GB g6, 9.5 GB repr17)
#   REPEAT              runs per case and side (default 3)
#   PARALLELISM         job.parallelism (default 2)
#   JAR                 the job jar (default jobs/target/sluice.jar, built if missing)
#   SDK_WAY, GEN_DENSE  the baseline and the generator (default ../shared/bench/*.py)
#   PYTHON              the baseline's interpreter (default /usr/bin/python3, with python3-numpy
#                       and python3-protobuf)
#   JAVA_OPTS           extra JVM options for Sluice (default none, as in the README)
#   SHUFFLE             sink.shuffle for Sluice: true or false (default: the job's, on for bounded
#                       runs); run the script once with each to see what the shuffle costs
set -euo pipefail
cd "$(dirname "$0")/.."

profile=""
sdk=1
cases=()
while (($#)); do
  case "$1" in
    --profile) profile="${2:?--profile needs jfr}"; shift 2 ;;
    --no-sdk) sdk=0; shift ;;
    -h|--help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) cases+=("$1"); shift ;;
  esac
done
((${#cases[@]})) || cases=(g6:1000000:1 g6:10000000:1 g6:10000000:40 repr17:1000000:1 repr17:10000000:1)
[[ -z "$profile" || "$profile" == jfr ]] || { echo "--profile is jfr, not $profile" >&2; exit 2; }

work="${WORK_DIR:-${TMPDIR:-/tmp}/sluice-throughput}"
repeat="${REPEAT:-3}"
parallelism="${PARALLELISM:-2}"
jar="${JAR:-jobs/target/sluice.jar}"
sdk_way="${SDK_WAY:-../shared/bench/sdk_way.py}"
gen_dense="${GEN_DENSE:-../shared/bench/gen_dense.py}"
python="${PYTHON:-/usr/bin/python3}"
[[ -x /usr/bin/time ]] || { echo "needs GNU time for peak RSS (apt-get install time)" >&2; exit 2; }
"$python" -c 'import numpy, google.protobuf' 2>/dev/null \
  || { echo "$python needs numpy and protobuf (apt-get install python3-numpy python3-protobuf)" >&2; exit 2; }
mkdir -p "$work"
if [[ -z "${JAR:-}" && ! -f "$jar" ]]; then
  echo "building $jar" >&2
  mvn -B -q -ntp -DskipTests package
fi

now_ms() { date +%s%3N; }

# Inputs are deterministic (fixed seed), so one generated for an earlier run is as good as new.
input_for() {
  local style=$1 rows=$2 objects=$3 dir="$work/in-$1-$2-$3"
  if [[ ! -f "$dir/.complete" ]]; then
    echo "generating $rows $style rows in $objects objects under $dir" >&2
    rm -rf "$dir"
    "$python" "$gen_dense" --out "$dir" --rows "$rows" --dim 50 --files "$objects" --style "$style" >&2
    touch "$dir/.complete"
  fi
  echo "$dir"
}

# One Sluice run; prints "wall_s cpu_s rss_mb startup_s flow_s shutdown_s".
run_sluice() {
  local input=$1 rows=$2 tag=$3 out="$work/out-sluice" log="$work/sluice-$3.log"
  rm -rf "$out"
  sync
  local opts=(${JAVA_OPTS:-} "-Dlog4j2.configurationFile=scripts/bench/log4j2-timing.xml")
  [[ "$profile" == jfr ]] && opts+=("-XX:StartFlightRecording=filename=$work/profile-$tag.jfr,settings=profile")
  local start end
  start=$(now_ms)
  /usr/bin/time -o "$work/time" -f '%e %M %U %S' \
    java "${opts[@]}" -jar "$jar" \
    --source.path "file://$input/" --source.format csv --schema.label label \
    --sink.path "file://$out" --job.parallelism "$parallelism" \
    ${SHUFFLE:+--sink.shuffle "$SHUFFLE"} >"$log" 2>&1 \
    || { echo "the Sluice run failed; see $log" >&2; exit 1; }
  end=$(now_ms)
  local read_rows
  read_rows=$(grep -m1 'done: ' "$log" | sed -E 's/.*done: ([0-9]+) rows read.*/\1/')
  [[ "$read_rows" == "$rows" ]] || { echo "Sluice read $read_rows rows, expected $rows; see $log" >&2; exit 1; }
  # The first range opened and the last range read: what lies outside them is fixed cost.
  local first last
  first=$(grep -m1 'range opened' "$log" | cut -d' ' -f1)
  last=$(grep 'range read' "$log" | tail -1 | cut -d' ' -f1)
  read -r wall rss_kb user sys <"$work/time"
  awk -v w="$wall" -v u="$user" -v s="$sys" -v k="$rss_kb" -v a="$start" -v f="$first" -v l="$last" -v e="$end" \
    'BEGIN { printf "%.2f %.1f %.0f %.2f %.2f %.2f\n", w, u + s, k / 1024, (f - a) / 1000, (l - f) / 1000, (e - l) / 1000 }'
  if [[ "$profile" == jfr ]]; then
    java scripts/bench/ProfileSummary.java "$work/profile-$tag.jfr" >&2
  fi
}

# One SDK-way run: one process per object, one after the other, as a Python loop over files would;
# prints "wall_s cpu_s rss_mb" (wall and CPU summed, RSS the largest).
run_sdk() {
  local input=$1 tag=$2 out="$work/out-sdk" log="$work/sdk-$2.log"
  rm -rf "$out"
  sync
  : >"$log"
  local total_wall=0 total_cpu=0 max_rss=0 f
  for f in "$input"/*.csv; do
    /usr/bin/time -o "$work/time" -f '%e %M %U %S' \
      "$python" "$sdk_way" "$f" --out "$out/$(basename "$f" .csv)" >>"$log" 2>&1 \
      || { echo "the SDK-way run failed; see $log" >&2; exit 1; }
    read -r wall rss_kb user sys <"$work/time"
    total_wall=$(awk -v a="$total_wall" -v b="$wall" 'BEGIN { print a + b }')
    total_cpu=$(awk -v a="$total_cpu" -v u="$user" -v s="$sys" 'BEGIN { print a + u + s }')
    max_rss=$(awk -v a="$max_rss" -v b="$rss_kb" 'BEGIN { print (b > a ? b : a) }')
  done
  awk -v w="$total_wall" -v c="$total_cpu" -v k="$max_rss" 'BEGIN { printf "%.2f %.1f %.0f\n", w, c, k / 1024 }'
}

# The median of the numbers on stdin.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# CPU seconds the rest of the machine used while a run ran: runs with much of it are suspect.
busy_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '/^cpu / { print ($2 + $3 + $4 + $7 + $8 + $9) / hz }' /proc/stat
}

rows_out=()
for spec in "${cases[@]}"; do
  IFS=: read -r style rows objects <<<"$spec"
  input=$(input_for "$style" "$rows" "$objects")
  sl_wall=() sl_cpu=() sl_rss=() sl_start=() sl_flow=() sl_stop=() sdk_wall=() sdk_cpu=() sdk_rss=()
  for ((run = 1; run <= repeat; run++)); do
    tag="$style-$rows-$objects-$run"
    echo "case $spec, run $run of $repeat: Sluice" >&2
    busy_before=$(busy_seconds)
    read -r w c r s f e < <(run_sluice "$input" "$rows" "$tag") || true
    [[ -n "${e:-}" ]] || exit 1
    echo "  wall ${w}s cpu ${c}s rss ${r}MB start-up ${s}s rows flowing ${f}s shut-down ${e}s" \
      "(the rest of the machine: $(awk -v a="$busy_before" -v b="$(busy_seconds)" -v c="$c" 'BEGIN { printf "%.1f", b - a - c }') CPU s)" >&2
    sl_wall+=("$w") sl_cpu+=("$c") sl_rss+=("$r") sl_start+=("$s") sl_flow+=("$f") sl_stop+=("$e")
    if ((sdk)); then
      echo "case $spec, run $run of $repeat: SDK way" >&2
      read -r w c r < <(run_sdk "$input" "$tag") || true
      [[ -n "${r:-}" ]] || exit 1
      echo "  wall ${w}s cpu ${c}s rss ${r}MB" >&2
      sdk_wall+=("$w") sdk_cpu+=("$c") sdk_rss+=("$r")
    fi
  done
  m() { printf '%s\n' "$@" | median; }
  slw=$(m "${sl_wall[@]}") flow=$(m "${sl_flow[@]}")
  if ((sdk)); then
    sdw=$(m "${sdk_wall[@]}") sdc=$(m "${sdk_cpu[@]}") sdr=$(m "${sdk_rss[@]}")
  else
    sdw=0 sdc=0 sdr=0
  fi
  rows_out+=("$(awk -v st="$style" -v n="$rows" -v o="$objects" -v slw="$slw" -v sdw="$sdw" \
    -v slc="$(m "${sl_cpu[@]}")" -v sdc="$sdc" -v slr="$(m "${sl_rss[@]}")" -v sdr="$sdr" \
    -v fl="$flow" -v su="$(m "${sl_start[@]}")" -v sd="$(m "${sl_stop[@]}")" 'BEGIN {
      printf "%-7s %9d %4d %8.1f %8.1f %6s %8.1f %8.1f %7.0f %7.0f %10.0f %7.2f %7.2f",
        st, n, o, slw, sdw, (sdw > 0 ? sprintf("%.1fx", sdw / slw) : "-"), slc, sdc, slr, sdr,
        (fl > 0 ? n / fl : 0), su, sd }')")
done

echo
echo "medians of $repeat runs, alternating, whole processes; parallelism $parallelism on $(nproc) cores"
echo "ratio: SDK-way wall / Sluice wall; rows/s: Sluice's rows over the time between its first range"
echo "opened and its last range read; start-up: JVM start to the first range opened; shut-down: the"
echo "last range read to the process's exit"
printf '%-7s %9s %4s %8s %8s %6s %8s %8s %7s %7s %10s %7s %7s\n' \
  style rows objs sluice_s sdk_s ratio sl_cpu sdk_cpu sl_MB sdk_MB rows/s start_s stop_s
printf '%s\n' "${rows_out[@]}"

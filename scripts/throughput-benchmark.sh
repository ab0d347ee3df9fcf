#!/usr/bin/env bash
# End-to-end throughput benchmark: CSV objects of 50 float features and a 0/1 label through the
# local job jar at parallelism 2, the way the README runs it. Prints rows/s, input MB/s, output
# bytes, wall and job time and peak RSS for each size; a second, larger size shows whether memory
# stays flat as the input grows. A benchmark, not a test: it asserts nothing about speed.
#
# Usage: scripts/throughput-benchmark.sh [--profile jfr|async] [--shuffle on|off|both] [ROWS ...]
#   ROWS                default 5000000 10000000
#   --shuffle on|off    sink.shuffle for every run (default on, a bounded run's default: the
#                       full shuffle sorts every channel's records with Flink's BATCH sort)
#   --shuffle both      each run twice, shuffle on and off, so the table shows what it costs
#   --profile jfr       record each run with Java Flight Recorder and print the top frames
#   --profile async     the same with async-profiler, which also sees system calls and the JIT;
#                       ASYNC_PROFILER_LIB must point at libasyncProfiler.so (Maven Central
#                       publishes it as tools.profiler:async-profiler, linux-x64/ in the jar)
# Environment:
#   WORK_DIR            inputs, outputs and logs (default ${TMPDIR:-/tmp}/sluice-throughput);
#                       generated inputs are kept and reused
#   ROWS_PER_OBJECT     rows per CSV object (default 125000: 40 objects of ~56 MB for 5M rows)
#   PARALLELISM         job.parallelism (default 2)
#   REPEAT              runs per size (default 1); each run is a row of the table
#   JAVA_OPTS           extra JVM options for the job (default none, as in the README)
#   JAR                 the job jar (default jobs/target/sluice.jar, built if missing); another
#                       build's jar compares two versions on the same inputs
set -euo pipefail
cd "$(dirname "$0")/.."

profile=""
shuffle_modes="on"
sizes=()
while (($#)); do
  case "$1" in
    --profile) profile="${2:?--profile needs jfr or async}"; shift 2 ;;
    --shuffle) shuffle_modes="${2:?--shuffle needs on, off or both}"; shift 2 ;;
    -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
((${#sizes[@]})) || sizes=(5000000 10000000)
case "$profile" in
  ""|jfr) ;;
  async) [[ -f "${ASYNC_PROFILER_LIB:-}" ]] || { echo "set ASYNC_PROFILER_LIB to libasyncProfiler.so" >&2; exit 2; } ;;
  *) echo "--profile is jfr or async, not $profile" >&2; exit 2 ;;
esac
case "$shuffle_modes" in
  on) shuffles=(true) ;;
  off) shuffles=(false) ;;
  both) shuffles=(true false) ;;
  *) echo "--shuffle is on, off or both, not $shuffle_modes" >&2; exit 2 ;;
esac

work="${WORK_DIR:-${TMPDIR:-/tmp}/sluice-throughput}"
rows_per_object="${ROWS_PER_OBJECT:-125000}"
parallelism="${PARALLELISM:-2}"
repeat="${REPEAT:-1}"
jar="${JAR:-jobs/target/sluice.jar}"
[[ -x /usr/bin/time ]] || { echo "needs GNU time for peak RSS (apt-get install time)" >&2; exit 2; }
mkdir -p "$work"

if [[ -z "${JAR:-}" && ! -f "$jar" ]]; then
  echo "building $jar"
  mvn -B -q -ntp -DskipTests package
fi

# CPU seconds the whole machine has spent busy since boot (all cores, from /proc/stat).
busy_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '/^cpu / { print ($2 + $3 + $4 + $7 + $8 + $9) / hz }' /proc/stat
}

# Inputs are deterministic, so one generated for an earlier run is as good as a new one.
input_for() {
  local rows=$1 objects=$2 dir="$work/in-$1-$2"
  if [[ ! -f "$dir/.complete" ]]; then
    echo "generating $rows rows in $objects objects under $dir" >&2
    rm -rf "$dir"
    java scripts/bench/GenerateCsv.java "$dir" "$rows" "$objects"
    touch "$dir/.complete"
  fi
  echo "$dir"
}

results=()
declare -A fastest  # rows and shuffle -> the shortest job time of its runs
for rows in "${sizes[@]}"; do
  objects=$(((rows + rows_per_object - 1) / rows_per_object))
  input=$(input_for "$rows" "$objects")
  input_bytes=$(find "$input" -name '*.csv' -printf '%s\n' | awk '{s += $1} END {print s}')
  for shuffle in "${shuffles[@]}"; do
  for ((run = 1; run <= repeat; run++)); do
    out="$work/out"
    log="$work/run-$rows-$shuffle-$run.log"
    rm -rf "$out"
    sync  # the previous run's dirty pages are flushed now, not during this run
    gc_log="$work/gc-$rows-$run.log"
    # A GC log, for the live heap: what stays after each collection, whatever the heap has grown to.
    opts=(${JAVA_OPTS:-} "-Xlog:gc:file=$gc_log")
    case "$profile" in
      jfr) opts+=("-XX:StartFlightRecording=filename=$work/profile-$rows.jfr,settings=profile") ;;
      async) opts+=("-agentpath:$ASYNC_PROFILER_LIB=start,event=cpu,interval=1ms,threads,collapsed,file=$work/profile-$rows.collapsed") ;;
    esac
    echo "run $run of $rows rows, sink.shuffle $shuffle: log in $log" >&2
    busy_before=$(busy_seconds)
    /usr/bin/time -o "$work/time" -f '%e %M %U %S' \
      java "${opts[@]}" -jar "$jar" \
      --source.path "file://$input/" --source.format csv --schema.label label \
      --sink.path "file://$out" --job.parallelism "$parallelism" --sink.shuffle "$shuffle" >"$log" 2>&1 \
      || { echo "the run failed; see $log" >&2; exit 1; }
    read -r wall rss_kb user sys <"$work/time"
    # Another process busy during the run slows it: report the CPU time that was not the job's.
    other=$(awk -v a="$busy_before" -v b="$(busy_seconds)" -v u="$user" -v s="$sys" \
      'BEGIN { o = b - a - u - s; printf "%.1f", o < 0 ? 0 : o }')
    done_line=$(grep -m1 'done: ' "$log")
    read_rows=$(sed -E 's/.*done: ([0-9]+) rows read.*/\1/' <<<"$done_line")
    job_s=$(sed -E 's/.* in ([0-9.]+) s;.*/\1/' <<<"$done_line")
    [[ "$read_rows" == "$rows" ]] || { echo "read $read_rows rows, expected $rows" >&2; exit 1; }
    output_bytes=$(du -sb --exclude=_sluice --exclude=_rejected "$out" | cut -f1)
    live_mb=$(grep -oE -- '->[0-9]+[KMG]\(' "$gc_log" | tr -d '>(-' | awk '
      /K$/ { v = $0 / 1024 } /M$/ { v = $0 + 0 } /G$/ { v = $0 * 1024 } v > max { max = v }
      END { printf "%.0f", max }')
    results+=("$(awk -v sh="$([[ $shuffle == true ]] && echo on || echo off)" -v r="$rows" -v o="$objects" -v ib="$input_bytes" -v ob="$output_bytes" \
      -v w="$wall" -v j="$job_s" -v k="$rss_kb" -v u="$user" -v s="$sys" -v x="$other" -v l="$live_mb" 'BEGIN {
        printf "%7s %11.0f %7d %14.0f %14.0f %7.1f %6.1f %10.0f %8.1f %7.0f %7.0f %6.1f %5.1f %7.1f",
          sh, r, o, ib, ob, w, j, r / j, ib / 1e6 / j, k / 1024, l, u, s, x }')")
    if [[ -z "${fastest[$rows-$shuffle]:-}" ]] || awk -v a="$job_s" -v b="${fastest[$rows-$shuffle]}" 'BEGIN { exit !(a < b) }'; then
      fastest[$rows-$shuffle]=$job_s
    fi
    if [[ "$profile" == jfr ]]; then
      java scripts/bench/ProfileSummary.java "$work/profile-$rows.jfr"
    elif [[ "$profile" == async ]]; then
      java scripts/bench/ProfileSummary.java "$work/profile-$rows.collapsed"
    fi
  done
  done
done

echo
echo "parallelism $parallelism, $(nproc) cores; rows/s and MB/s over the job time (the 'done:' line);"
echo "output_bytes: the channels' shards; rss_MB: peak resident set; live_MB: the most heap left"
echo "after a garbage collection; other_s: CPU time the rest of the machine used meanwhile"
printf '%7s %11s %7s %14s %14s %7s %6s %10s %8s %7s %7s %6s %5s %7s\n' \
  shuffle rows objects input_bytes output_bytes wall_s job_s rows/s in_MB/s rss_MB live_MB user_s sys_s other_s
printf '%s\n' "${results[@]}"

# The job time holds a fixed part (the mini-cluster's start, the commit); the difference between
# two sizes is the rate once records flow.
for shuffle in "${shuffles[@]}"; do
  for ((i = 1; i < ${#sizes[@]}; i++)); do
    a=${sizes[i - 1]} b=${sizes[i]}
    awk -v s="$shuffle" -v a="$a" -v b="$b" -v ta="${fastest[$a-$shuffle]}" -v tb="${fastest[$b-$shuffle]}" 'BEGIN {
      if (tb > ta) printf "sink.shuffle %s, %d to %d rows (fastest runs): %.0f rows/s once records flow, %.1f s fixed\n",
        s, a, b, (b - a) / (tb - ta), ta - a * (tb - ta) / (b - a) }'
  done
done
# The shuffle's cost: the same size's fastest job time with the shuffle on against off.
if [[ "$shuffle_modes" == both ]]; then
  for rows in "${sizes[@]}"; do
    awk -v r="$rows" -v on="${fastest[$rows-true]}" -v off="${fastest[$rows-false]}" 'BEGIN {
      printf "%d rows: job %.1f s with the shuffle, %.1f s without (%+.0f%%)\n", r, on, off, (on / off - 1) * 100 }'
  done
fi

#!/usr/bin/env bash
# The profiler's cost on a real program: javac compiling monitoring-api's sources in a fresh JVM, run with no
# agent, with the monitoring agent alone, under the profiler (both agents), and under JFR's default recording
# (which samples execution every 20 ms); interleaved, REPS rounds. Prints one line per run and the medians.
# Needs `mvn -B -q -DskipTests package` first. Usage: benchmarks/scripts/profiler-javac.sh [REPS] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
reps=${1:-3}
out=${2:-$(mktemp -d)}
agent=monitoring-instrument/target/monitoring-agent.jar
tools=monitoring-tools/target/lowimpact-tools-agent.jar
mapfile -t sources < <(find monitoring-api/src/main/java -name '*.java' ! -name module-info.java | sort)
mkdir -p "$out"

run() { # name, java options...
  local name=$1; shift
  rm -rf "$out/classes-$name"
  local t0 t1
  t0=$(date +%s%N)
  java -Xshare:off "$@" com.sun.tools.javac.Main -proc:none -d "$out/classes-$name" "${sources[@]}" \
    > "$out/$name.log" 2>&1
  t1=$(date +%s%N)
  echo "$name $(( (t1 - t0) / 1000000 ))"
}

for r in $(seq 1 "$reps"); do
  run none
  run agent "-javaagent:$agent=include=com.sun.tools.javac.**"
  run profiler "-javaagent:$agent=include=com.sun.tools.javac.**" "-javaagent:$tools=profile=$out/profile-$r"
  run jfr "-XX:StartFlightRecording=filename=$out/jfr-$r.jfr"
done | tee "$out/times.txt"

echo "medians (ms) over $reps rounds, ${#sources[@]} files; outputs in $out:"
for name in none agent profiler jfr; do
  grep "^$name " "$out/times.txt" | awk '{print $2}' | sort -n | awk -v n="$name" \
    '{a[NR]=$1} END {printf "%-9s %d\n", n, a[int((NR+1)/2)]}'
done

#!/usr/bin/env bash
# Runs the performance comparison (JMH, one run, about 12 minutes on 2 cores) and writes the
# table of ratios into docs/PERFORMANCE.md. Run from anywhere; extra arguments go to Compare:
#   scripts/bench.sh                      # the full run, the figures to publish
#   scripts/bench.sh --quick              # one short iteration each: a smoke test
#   scripts/bench.sh --include 'Write.*'  # only some benchmarks (a regex of JMH's)
#   scripts/bench.sh --no-gc              # without the allocation profiler
#   scripts/bench.sh --no-jmh             # only the interleaved (paired) ratios and the tool's start-up
#   scripts/bench.sh --no-jmh --include ToolStartup   # only the tool's start-up (a minute)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q package -pl library,cli,benchmarks -am -DskipTests
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)" >&2
exec java -Xms3g -Xmx3g -cp benchmarks/target/benchmarks.jar io.hydralogger.fallbacks.benchmarks.Compare \
    --command "scripts/bench.sh${*:+ $*}" "$@"

#!/usr/bin/env bash
# The logging comparison of docs/PERFORMANCE-APPEND.md, about 8 minutes on 2 cores: one JMH run
# (LoggingBenchmark: hydra's Logback appender sync/async/batch, Logback's prudent FileAppender,
# Log4j2's FileAppender with locking="true", 1/4/8 threads; AsyncAcceptBenchmark; AppendBenchmark's
# appendJsonLines with one record per call vs Logback prudent), then the same loggers from two
# processes (AppendProcesses). Runs from the class path: Log4j2's plugin lists cannot be shaded.
# Output: the JMH table and target/logging-jmh.json, then the process table, with the load.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q package -pl benchmarks -am -DskipTests
CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$CP" org.openjdk.jmh.Main 'LoggingBenchmark|AsyncAcceptBenchmark|AppendBenchmark' \
    -p durability=NONE -p recordsPerCall=1 -f 1 -wi 2 -i 3 -w 2s -r 2s \
    -rf json -rff benchmarks/target/logging-jmh.json "$@"
echo "load between: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$CP" io.hydralogger.fallbacks.benchmarks.AppendProcesses 2 5 NONE \
    hydra-1,logback,hydra,hydra-async,logback-prudent,log4j2-locking
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

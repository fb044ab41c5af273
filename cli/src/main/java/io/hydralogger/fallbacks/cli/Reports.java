package io.hydralogger.fallbacks.cli;

import io.hydralogger.fallbacks.recovery.CorruptionReport;
import io.hydralogger.fallbacks.recovery.Problem;
import io.hydralogger.fallbacks.recovery.ProblemKind;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Corruption reports as the tool prints them: JSON objects or lines of text. */
final class Reports {
    private Reports() {
    }

    /** {@return the problems as JSON-ready maps: kind, offset, line, message} */
    static List<Map<String, Object>> problems(CorruptionReport report) {
        List<Map<String, Object>> problems = new ArrayList<>();
        for (Problem problem : report.problems()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", problem.kind().label());
            entry.put("offset", problem.offset());
            entry.put("line", problem.line());
            entry.put("message", problem.message());
            problems.add(entry);
        }
        return problems;
    }

    /** {@return the report as {@code verify --json} prints it} */
    static Map<String, Object> toMap(CorruptionReport report) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("path", report.path().toString());
        map.put("format", report.format().label());
        map.put("intact", report.intact());
        map.put("records", report.validRecords());
        map.put("skipped", report.skippedRecords());
        map.put("problems", problems(report));
        return map;
    }

    /** {@return whether the report says the file could not be read at all (missing, unreadable)} */
    static boolean unreadable(CorruptionReport report) {
        if (report.intact()) {
            return false;
        }
        ProblemKind kind = report.problems().get(0).kind();
        return kind == ProblemKind.MISSING || kind == ProblemKind.UNREADABLE;
    }

    /** Prints the problems of a report, one indented line each. */
    static void printProblems(PrintWriter out, CorruptionReport report) {
        for (Problem problem : report.problems()) {
            StringBuilder line = new StringBuilder("  ").append(problem.kind().label());
            if (problem.offset() >= 0) {
                line.append(" at byte ").append(problem.offset());
            }
            if (problem.line() >= 0) {
                line.append(", line ").append(problem.line());
            }
            out.println(line.append(": ").append(problem.message()));
        }
    }
}

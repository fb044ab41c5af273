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

    /**
     * Puts the counts of the damage into a JSON-ready map: {@code skipped} (kept from earlier
     * versions) and {@code damaged_stretches} are the stretches skipped; {@code records_lost} is
     * how many records they held, or null when that cannot be counted.
     */
    static void putDamage(Map<String, Object> map, CorruptionReport report) {
        map.put("skipped", report.skippedRecords());
        map.put("damaged_stretches", report.damagedStretches());
        map.put("records_lost", report.recordsLost().isPresent() ? report.recordsLost().getAsLong() : null);
    }

    /**
     * {@return the damage in words that say which count is which, e.g. "3 damaged lines skipped,
     * 3 records lost" or "1 damaged stretch skipped, records lost: not countable (at least 1)"}
     */
    static String damage(CorruptionReport report) {
        long stretches = report.damagedStretches();
        String unit = switch (report.format()) {
            case JSON_LINES -> stretches == 1 ? "line" : "lines";
            case CSV, TSV -> stretches == 1 ? "row" : "rows";
            default -> stretches == 1 ? "stretch" : "stretches";
        };
        String lost = report.recordsLost().isPresent()
                ? report.recordsLost().getAsLong() + (report.recordsLost().getAsLong() == 1 ? " record" : " records")
                        + " lost"
                : "records lost: not countable (at least " + Math.min(stretches, 1) + ")";
        return stretches + " damaged " + unit + " skipped, " + lost;
    }

    /** {@return the report as {@code verify --json} prints it} */
    static Map<String, Object> toMap(CorruptionReport report) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("path", report.path().toString());
        map.put("format", report.format().label());
        map.put("intact", report.intact());
        map.put("records", report.validRecords());
        putDamage(map, report);
        map.put("problems", problems(report));
        map.put("notes", report.notes());
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

package dev.optamigrate.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The suite's results: a Markdown table per tool, and every run as JSON. */
final class SuiteReport {
    private final Map<String, List<RunOutcome>> byTool = new LinkedHashMap<>();
    private final long seed;

    SuiteReport(long seed) {
        this.seed = seed;
    }

    void add(String tool, List<RunOutcome> outcomes) {
        byTool.put(tool, outcomes);
    }

    long violations() {
        return byTool.values().stream().flatMap(List::stream).mapToLong(outcome -> outcome.violations().size()).sum();
    }

    void print() {
        System.out.printf(Locale.ROOT, "%nSeed %d; %d cores; Java %s%n%n", seed,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.println("| tool | runs | killed at the moment aimed at | violations | longest until the lock was "
                + "free | longest until the killed run's sessions ended | median next run |");
        System.out.println("|---|---:|---|---|---:|---:|---:|");
        byTool.forEach((tool, outcomes) -> System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %d ms | %d ms | "
                + "%d ms |%n", tool, outcomes.size(), moments(outcomes), violations(outcomes),
                outcomes.stream().mapToLong(RunOutcome::lockFreeMillis).max().orElse(0),
                outcomes.stream().mapToLong(RunOutcome::sessionsMillis).max().orElse(0), medianRerun(outcomes)));
        byTool.forEach((tool, outcomes) -> outcomes.stream().filter(outcome -> !outcome.violations().isEmpty())
                .forEach(outcome -> System.out.printf(Locale.ROOT, "%n%s, killed %s (%s; last line: %s):%n  %s%n",
                        tool, outcome.moment().label(), outcome.trigger(), outcome.lastLine(),
                        outcome.violations().stream().map(v -> v.kind() + ": " + v.detail())
                                .collect(Collectors.joining("\n  ")))));
    }

    void writeJson(Path out) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("seed", seed);
        document.put("cores", Runtime.getRuntime().availableProcessors());
        document.put("java", Runtime.version().toString());
        document.put("violations", violations());
        document.put("tools", byTool);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), document);
    }

    /** How many kills landed at each kind of moment (the process was still running then). */
    private static String moments(List<RunOutcome> outcomes) {
        Map<KillMoment, Long> landed = new EnumMap<>(KillMoment.class);
        outcomes.stream().filter(RunOutcome::landed).forEach(outcome -> landed.merge(outcome.moment(), 1L, Long::sum));
        return landed.entrySet().stream().map(entry -> entry.getValue() + " " + entry.getKey().label())
                .collect(Collectors.joining(", "));
    }

    private static String violations(List<RunOutcome> outcomes) {
        Map<Violation.Kind, Long> kinds = outcomes.stream().flatMap(outcome -> outcome.violations().stream())
                .collect(Collectors.groupingBy(Violation::kind, () -> new EnumMap<>(Violation.Kind.class),
                        Collectors.counting()));
        return kinds.isEmpty() ? "0" : kinds.entrySet().stream().map(entry -> entry.getValue() + " "
                + entry.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' ')).collect(Collectors.joining(", "));
    }

    private static long medianRerun(List<RunOutcome> outcomes) {
        long[] times = outcomes.stream().mapToLong(RunOutcome::rerunMillis).sorted().toArray();
        return times.length == 0 ? 0 : times[times.length / 2];
    }
}

package dev.optamigrate.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optamigrate.core.journal.JournalEntry;
import dev.optamigrate.core.settings.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** Renders journal rows as a table for people or as one JSON object. */
public final class HistoryView {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private HistoryView() {
    }

    public static void text(List<JournalEntry> runs, String target, PrintWriter out) {
        out.println("Target: " + target);
        if (runs.isEmpty()) {
            out.println("No run recorded (that matches).");
            return;
        }
        out.printf("%-5s %-19s %-7s %-9s %-8s %-11s %-16s %-12s %-9s %s%n", "id", "started (UTC)", "action", "tool",
                "strategy", "status", "versions", "release", "duration", "operator / standby");
        for (JournalEntry run : runs) {
            out.printf("%-5d %-19s %-7s %-9s %-8s %-11s %-16s %-12s %-9s %s%n", run.id(), WHEN.format(run.startedAt()),
                    run.action(), run.tool(), run.strategy(), run.status(), versions(run),
                    Optional.ofNullable(run.release()).orElse("-"), duration(run).map(Durations::format).orElse("-"),
                    Optional.ofNullable(run.operator()).orElse("-") + (run.standby() == null ? ""
                            : " / " + run.standby()));
            if (run.attempts() != null) {
                out.println("      lock guard: " + parse(run.attempts()).size()
                        + " attempt(s) gave up waiting for a lock");
            }
            if (run.overrides() != null) {
                out.println("      let through: " + run.overrides());
            }
            if (run.fleet() != null) {
                out.println("      fleet run: " + run.fleet());
            }
            if (run.error() != null) {
                out.println("      " + run.error().lines().findFirst().orElse(""));
            }
        }
    }

    public static String json(List<JournalEntry> runs, String target) {
        ObjectNode root = Json.object().put("target", target);
        ArrayNode array = root.putArray("runs");
        for (JournalEntry run : runs) {
            ObjectNode node = array.addObject().put("id", run.id()).put("action", run.action()).put("tool", run.tool())
                    .put("strategy", run.strategy()).put("location", run.location()).put("release", run.release())
                    .put("operator", run.operator()).put("standby", run.standby()).put("host", run.host())
                    .put("pid", run.pid()).put("fromVersion", run.fromVersion()).put("toVersion", run.toVersion())
                    .put("applied", run.applied()).put("status", run.status())
                    .put("startedAt", run.startedAt().toString())
                    .put("finishedAt", run.finishedAt() == null ? null : run.finishedAt().toString());
            duration(run).ifPresentOrElse(took -> node.put("durationMs", took.toMillis()),
                    () -> node.putNull("durationMs"));
            node.set("attempts", parse(run.attempts()));
            node.set("overrides", parse(run.overrides()));
            node.put("error", run.error());
            node.put("fleet", run.fleet());
        }
        return Json.write(root);
    }

    private static String versions(JournalEntry run) {
        return Optional.ofNullable(run.fromVersion()).orElse("empty") + " -> "
                + Optional.ofNullable(run.toVersion()).orElse("?");
    }

    private static Optional<Duration> duration(JournalEntry run) {
        return run.finishedAt() == null ? Optional.empty() : Optional.of(Duration.between(run.startedAt(),
                run.finishedAt()));
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? Json.mapper().nullNode() : Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return Json.mapper().getNodeFactory().textNode(json);
        }
    }
}

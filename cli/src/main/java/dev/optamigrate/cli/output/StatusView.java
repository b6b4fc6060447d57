package dev.optamigrate.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optamigrate.core.spi.MigrationInfo;
import dev.optamigrate.core.spi.ToolStatus;
import java.io.PrintWriter;
import java.util.List;

/** Renders a {@link ToolStatus} as a table for people or as one JSON object. */
public final class StatusView {
    private StatusView() {
    }

    /**
     * {@code {"tool", "target", "current", "upToDate", "applied": [...], "pending": [...], "failed": [...]}}; each
     * migration has {@code version}, {@code description}, {@code script}, {@code state} and {@code installedOn}.
     */
    public static String json(ToolStatus status, String target) {
        ObjectNode node = Json.object().put("tool", status.tool()).put("target", target)
                .put("current", status.current()).put("upToDate", status.upToDate());
        node.set("applied", migrations(status.applied()));
        node.set("pending", migrations(status.pending()));
        node.set("failed", migrations(status.failed()));
        return Json.write(node);
    }

    public static void text(ToolStatus status, String target, PrintWriter out) {
        out.println("Target:  " + target);
        out.println("Tool:    " + status.tool());
        out.println("Current: " + (status.current() == null ? "(empty schema)" : status.current()));
        section("Applied", status.applied(), out);
        section("Pending", status.pending(), out);
        if (!status.failed().isEmpty()) {
            section("Failed", status.failed(), out);
        }
        out.println(status.upToDate() ? "Up to date." : status.pending().size() + " pending.");
    }

    private static void section(String title, List<MigrationInfo> migrations, PrintWriter out) {
        out.println(title + " (" + migrations.size() + "):");
        int width = migrations.stream().mapToInt(m -> String.valueOf(m.version()).length()).max().orElse(0);
        for (MigrationInfo migration : migrations) {
            out.printf("  %-" + width + "s  %-40s %s%n", migration.version() == null ? "-" : migration.version(),
                    migration.description(), migration.installedOn() == null ? "" : migration.installedOn());
        }
    }

    private static ArrayNode migrations(List<MigrationInfo> migrations) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (MigrationInfo migration : migrations) {
            array.add(Json.object().put("version", migration.version()).put("description", migration.description())
                    .put("script", migration.script()).put("state", migration.state().name())
                    .put("installedOn", migration.installedOn() == null ? null : migration.installedOn().toString()));
        }
        return array;
    }
}

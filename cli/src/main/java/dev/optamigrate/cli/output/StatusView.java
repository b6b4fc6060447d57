package dev.optamigrate.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optamigrate.core.analysis.MigrationPhase;
import dev.optamigrate.core.analysis.Phase;
import dev.optamigrate.core.release.Contract;
import dev.optamigrate.core.release.ReleaseStatus;
import dev.optamigrate.core.release.Retirement;
import dev.optamigrate.core.spi.MigrationInfo;
import dev.optamigrate.core.spi.ToolStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Renders a {@link ToolStatus} and its {@link ReleaseStatus} as a table for people or as one JSON object. */
public final class StatusView {
    private StatusView() {
    }

    /**
     * {@code {"tool", "target", "current", "upToDate", "applied": [...], "pending": [...], "failed": [...],
     * "retired": [...], "contractsNotReady": [...]}}; each migration has {@code version}, {@code description},
     * {@code script}, {@code state} and {@code installedOn}, and a pending one its {@code phase} and
     * {@code contracts}.
     */
    public static String json(ToolStatus status, ReleaseStatus releases, String target) {
        ObjectNode node = Json.object().put("tool", status.tool()).put("target", target)
                .put("current", status.current()).put("upToDate", status.upToDate());
        node.set("applied", migrations(status.applied(), releases));
        node.set("pending", migrations(status.pending(), releases));
        node.set("failed", migrations(status.failed(), releases));
        ArrayNode retired = node.putArray("retired");
        for (Retirement retirement : releases.retired()) {
            retired.add(Json.object().put("object", retirement.object()).put("release", retirement.release())
                    .put("migration", retirement.migration()).put("retiredAt", retirement.retiredAt().toString()));
        }
        ArrayNode notReady = node.putArray("contractsNotReady");
        for (Contract contract : releases.notReady()) {
            notReady.add(Json.object().put("migration", contract.migration()).put("object", contract.object())
                    .put("reason", contract.reason()).put("acceptedBy", contract.acceptance()));
        }
        return Json.write(node);
    }

    public static void text(ToolStatus status, ReleaseStatus releases, String target, PrintWriter out) {
        out.println("Target:  " + target);
        out.println("Tool:    " + status.tool());
        out.println("Current: " + (status.current() == null ? "(empty schema)" : status.current()));
        section("Applied", status.applied(), releases, out);
        section("Pending", status.pending(), releases, out);
        if (!status.failed().isEmpty()) {
            section("Failed", status.failed(), releases, out);
        }
        if (!releases.retired().isEmpty()) {
            out.println("Retired, not yet contracted (" + releases.retired().size() + "):");
            for (Retirement retirement : releases.retired()) {
                out.println("  " + retirement.object() + "  by release " + Optional.ofNullable(retirement.release())
                        .orElse("(none named)") + " on " + retirement.retiredAt().toString().substring(0, 10) + " ("
                        + retirement.migration() + ")");
            }
        }
        if (!releases.notReady().isEmpty()) {
            out.println("Contracts not ready (" + releases.notReady().size() + "):");
            for (Contract contract : releases.notReady()) {
                out.println("  " + contract.migration() + ": " + contract.reason() + (contract.acceptance() == null
                        ? "" : " [accepted: " + contract.acceptance() + "]"));
            }
        }
        out.println(status.upToDate() ? "Up to date." : status.pending().size() + " pending.");
    }

    private static void section(String title, List<MigrationInfo> migrations, ReleaseStatus releases,
            PrintWriter out) {
        out.println(title + " (" + migrations.size() + "):");
        int width = migrations.stream().mapToInt(m -> String.valueOf(m.version()).length()).max().orElse(0);
        for (MigrationInfo migration : migrations) {
            String phase = phase(migration, releases).map(StatusView::describe).orElse("");
            out.printf("  %-" + width + "s  %-40s %s%n", migration.version() == null ? "-" : migration.version(),
                    migration.description(), migration.installedOn() == null ? phase : migration.installedOn());
        }
    }

    private static Optional<MigrationPhase> phase(MigrationInfo migration, ReleaseStatus releases) {
        return releases.pending().stream().filter(phase -> phase.file().equals(migration.script())).findFirst();
    }

    /** "contract: orders.legacy_status", "expand, retires orders.legacy_status", or "expand". */
    private static String describe(MigrationPhase phase) {
        String objects = phase.contracts().stream().map(MigrationPhase.Contracted::object).distinct()
                .collect(Collectors.joining(", "));
        return phase.phase().label() + (objects.isEmpty() || phase.phase() == Phase.EXPAND ? ""
                : ": " + objects) + (phase.retires().isEmpty() ? "" : ", retires " + String.join(", ",
                        phase.retires()));
    }

    private static ArrayNode migrations(List<MigrationInfo> migrations, ReleaseStatus releases) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (MigrationInfo migration : migrations) {
            ObjectNode node = Json.object().put("version", migration.version())
                    .put("description", migration.description()).put("script", migration.script())
                    .put("state", migration.state().name()).put("installedOn", migration.installedOn() == null
                            ? null : migration.installedOn().toString());
            phase(migration, releases).ifPresent(phase -> {
                node.put("phase", phase.phase().label());
                ArrayNode contracts = node.putArray("contracts");
                phase.contracts().forEach(contracted -> contracts.add(contracted.object()));
                ArrayNode retires = node.putArray("retires");
                phase.retires().forEach(retires::add);
            });
            array.add(node);
        }
        return array;
    }
}

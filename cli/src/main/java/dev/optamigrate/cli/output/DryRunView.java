package dev.optamigrate.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.optamigrate.core.spi.PendingMigration;
import java.io.PrintWriter;
import java.util.List;

/** Renders the pending migrations of a dry run: their SQL in order, or one JSON object. */
public final class DryRunView {
    private DryRunView() {
    }

    /** JSON: {@code {"dryRun": true, "pending": [{"version", "description", "script", "sql"}]}}. */
    public static void print(List<PendingMigration> pending, boolean json, PrintWriter out) {
        if (json) {
            ArrayNode list = Json.mapper().createArrayNode();
            pending.forEach(migration -> list.add(Json.mapper().valueToTree(migration)));
            out.println(Json.write(Json.object().put("dryRun", true).set("pending", list)));
            return;
        }
        out.println("-- Dry run: " + pending.size() + " pending migration" + (pending.size() == 1 ? "" : "s")
                + ", in the order they would run. Nothing was changed.");
        for (PendingMigration migration : pending) {
            out.println();
            out.println("-- " + (migration.version() == null ? "repeatable" : migration.version()) + " "
                    + migration.description() + " (" + migration.script() + ")");
            out.println(migration.sql());
        }
    }
}

package dev.optamigrate.core.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optamigrate.core.analysis.AllowList;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code allow:} list of the config file (see {@link AllowList}). */
final class AllowListReader {
    private AllowListReader() {
    }

    static AllowList read(JsonNode node, String file) {
        if (node == null || node.isNull()) {
            return AllowList.NONE;
        }
        if (!node.isArray()) {
            throw malformed(file);
        }
        List<AllowList.Entry> entries = new ArrayList<>();
        for (JsonNode entry : node) {
            if (!entry.isObject()) {
                throw malformed(file);
            }
            entries.add(new AllowList.Entry(text(entry, "migration"), text(entry, "rule"), text(entry, "reason")));
        }
        return AllowList.of(entries, file);
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || !value.isValueNode() ? null : value.asText();
    }

    private static MigrateException malformed(String file) {
        return new MigrateException(CoreErrorCode.CONFIGURATION, "allow in " + file + " must be a list of entries with "
                + "migration, rule and reason.", "Write it as:\\nallow:\\n  - migration: V42__orders_index.sql\\n"
                        + "    rule: index-not-concurrent\\n    reason: orders is written once a day, at night", null);
    }
}

package dev.optamigrate.core.analysis;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Findings accepted in the config file rather than in the migration, for formats where a comment cannot go next to
 * the statement (Liquibase XML, YAML and JSON, generated SQL) or files a team does not want to touch:
 *
 * <pre>{@code
 * allow:
 *   - migration: V42__orders_index.sql   # a file name, a Flyway version (42), or a Liquibase changeset id
 *     rule: index-not-concurrent
 *     reason: orders is written once a day, at night
 * }</pre>
 *
 * A reason is required, as in a comment.
 */
public final class AllowList {
    /** No accepted findings. */
    public static final AllowList NONE = new AllowList(List.of());

    /**
     * One accepted finding.
     *
     * @param migration which migration: a file name, a Flyway version or a Liquibase changeset id
     * @param rule      the rule id it accepts there
     * @param reason    why it is safe there
     */
    public record Entry(String migration, String rule, String reason) {
    }

    private final List<Entry> entries;

    private AllowList(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * @param source names the file, for errors
     * @throws MigrateException {@link ErrorCode#CONFIGURATION} for an entry without migration or reason, or with an
     *                          unknown rule id
     */
    public static AllowList of(List<Entry> entries, String source) {
        for (Entry entry : entries) {
            if (blank(entry.migration()) || blank(entry.reason()) || Rule.byId(entry.rule()).isEmpty()) {
                throw new MigrateException(CoreErrorCode.CONFIGURATION, "An allow entry in " + source + " (migration "
                        + entry.migration() + ", rule " + entry.rule() + ") needs a migration, a known rule id and "
                        + "a reason.", "Write each entry as migration: V42__name.sql (or 42, or a changeset id), "
                        + "rule: <rule-id>, reason: <why it is safe there>.", null);
            }
        }
        return new AllowList(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The report with the findings this list accepts moved to the accepted ones, with the list's reason. */
    public CheckReport apply(CheckReport report) {
        if (entries.isEmpty()) {
            return report;
        }
        List<Finding> findings = new ArrayList<>();
        List<Suppression> suppressions = new ArrayList<>(report.suppressions());
        for (Finding finding : report.findings()) {
            Optional<Entry> entry = entries.stream().filter(candidate -> accepts(candidate, finding)).findFirst();
            if (entry.isPresent()) {
                suppressions.add(new Suppression(finding, entry.get().reason() + " (allow list)"));
            } else {
                findings.add(finding);
            }
        }
        return report.with(findings, suppressions);
    }

    private static boolean accepts(Entry entry, Finding finding) {
        if (!entry.rule().equals(finding.rule())) {
            return false;
        }
        String name = Path.of(finding.file()).getFileName().toString();
        String migration = entry.migration().strip();
        return name.equals(migration) || name.startsWith("V" + migration + "__")
                || finding.message().startsWith("Changeset " + migration + ": ");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

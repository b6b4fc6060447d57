package dev.optamigrate.core.fleet;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.error.UnexpectedFailures;
import dev.optamigrate.core.journal.JournalEntry;
import dev.optamigrate.core.spi.ToolStatus;
import dev.optamigrate.core.target.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code fleet status}: every member's version, pending and failed migrations, and its journal's last run, read
 * with bounded parallelism per server. Reads only and takes no lock.
 *
 * @param members every member, in list order
 */
public record FleetStatus(List<TargetStatus> members) {
    public FleetStatus {
        members = List.copyOf(members);
    }

    public static FleetStatus read(List<FleetTarget> targets, Function<Target, Migrator> migrators, int perServer) {
        Set<String> missing = TenantSchemas.missing(targets);
        try (PerServer servers = new PerServer(perServer)) {
            return new FleetStatus(servers.map(targets, member -> missing.contains(member.name())
                    ? new TargetStatus(member.name(), null, 0, 0, Optional.empty(), "its schema does not exist yet "
                            + "(fleet migrate creates it)")
                    : statusOf(member, migrators)));
        }
    }

    /** How many members are at each version, in version order; {@code "none"} for those before any migration. */
    public Map<String, Long> byVersion() {
        Map<String, Long> counts = new TreeMap<>();
        members.stream().filter(member -> member.error() == null).forEach(member -> counts.merge(
                member.version() == null ? "none" : member.version(), 1L, Long::sum));
        return counts;
    }

    public List<TargetStatus> behind() {
        return members.stream().filter(TargetStatus::behind).toList();
    }

    private static TargetStatus statusOf(FleetTarget member, Function<Target, Migrator> migrators) {
        try {
            ToolStatus status = migrators.apply(member.target()).status();
            List<JournalEntry> runs = Migrator.history(member.target());
            Optional<JournalEntry> last = runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
            return new TargetStatus(member.name(), status.current(), status.pending().size(), status.failed().size(),
                    last, null);
        } catch (MigrateException e) {
            return unreadable(member, e);
        } catch (RuntimeException e) {
            return unreadable(member, UnexpectedFailures.translate(e));
        }
    }

    private static TargetStatus unreadable(FleetTarget member, MigrateException e) {
        return new TargetStatus(member.name(), null, 0, 0, Optional.empty(), e.getMessage());
    }
}

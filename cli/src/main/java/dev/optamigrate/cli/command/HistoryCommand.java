package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.cli.output.HistoryView;
import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.journal.HistoryFilter;
import dev.optamigrate.core.journal.JournalEntry;
import dev.optamigrate.core.promotion.Receipt;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Durations;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.tool.MigrationTools;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Shows the journal: every run, refused ones too. Reads only. */
@Command(name = "history", description = {
    "Show the journal: each run with its action, tool, strategy, release, operator, standby, from and to version, "
            + "status, duration, lock-guard attempts, what its checks let through, and error. Reads only; takes no "
            + "lock.",
    "",
    "Examples:",
    "%n  opta-migrate history --url jdbc:postgresql://db:5432/app",
    "%n  opta-migrate history --since 7d --status FAILED,ABANDONED",
    "%n  opta-migrate history --release ghcr.io/acme/shop:1.8 --output json",
    "%n  opta-migrate history --environment staging --receipt staging-receipt.json",
    "",
    "--receipt writes what the target applied (each migration with its checksum and release, the environment and "
            + "the time; no server name, no secret) for the promotion gate of the next environment: "
            + "migrate --require-rehearsal staging --rehearsal-receipt staging-receipt.json.",
    "",
    "JSON (--output json): {\"target\", \"runs\": [{\"id\", \"action\", \"tool\", \"strategy\", \"location\", "
            + "\"release\", \"operator\", \"standby\", \"host\", \"pid\", \"fromVersion\", \"toVersion\", \"applied\", "
            + "\"status\", \"startedAt\", \"finishedAt\", \"durationMs\", \"attempts\", \"overrides\", \"error\"}]}, "
            + "oldest first.",
    ""})
public final class HistoryCommand extends DatabaseCommand implements Callable<Integer> {
    @Option(names = "--since", paramLabel = "WHEN", description = "Runs started since then: a duration back from "
            + "now (7d, 12h) or a date (2026-11-01, UTC).")
    String since;

    @Option(names = "--status", paramLabel = "STATUS", split = ",", description = "Only runs with these statuses: "
            + "SUCCEEDED, FAILED, REFUSED, ABANDONED, INTERRUPTED, RUNNING (repeat or separate with ',').")
    List<String> statuses = new ArrayList<>();

    @Option(names = "--release", paramLabel = "RELEASE", description = "Only runs of this release.")
    String release;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most the N most recent "
            + "runs; 0 for all. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--receipt", paramLabel = "FILE", description = "Also write the receipt of every migration the "
            + "target applied to FILE, for the promotion gate of the next environment.")
    Path receipt;

    @Option(names = "--environment", paramLabel = "NAME", descriptionKey = "environment")
    String environmentName;

    @Inject
    HistoryCommand(CliEnvironment environment, MigrationTools tools) {
        super(environment, tools);
    }

    @Override
    public Integer call() {
        HistoryFilter filter = new HistoryFilter(since == null ? null : since(since, Clock.systemUTC()),
                statuses(), release, Math.max(limit, 0));
        Map<Setting, String> flags = new HashMap<>();
        flags.put(CoreSetting.ENVIRONMENT, environmentName);
        Settings settings = options.settings(environment, null, flags);
        try (TargetSession session = TargetSession.configure(options.target, settings).start(environment,
                notices())) {
            List<JournalEntry> runs = filter.apply(Migrator.history(session.target()));
            String target = session.target().describe();
            if (options.output.json()) {
                out().println(HistoryView.json(runs, target));
            } else {
                HistoryView.text(runs, target, out());
            }
            if (receipt != null) {
                Receipt written = Receipt.of(settings.get(CoreSetting.ENVIRONMENT), Migrator.applied(session.target()));
                written.write(receipt);
                notices().println("Wrote the receipt " + receipt + ": " + written.migrations().size() + " migration(s) "
                        + "applied on " + written.environment() + (written.release() == null ? ""
                                : ", the latest with release " + written.release()) + ".");
                notices().flush();
            }
        }
        return 0;
    }

    private Set<String> statuses() {
        Set<String> known = Set.of("SUCCEEDED", "FAILED", "REFUSED", "ABANDONED", "INTERRUPTED", "RUNNING");
        Set<String> given = new HashSet<>();
        for (String status : statuses) {
            String upper = status.strip().toUpperCase(Locale.ROOT);
            if (!known.contains(upper)) {
                throw new MigrateException(CoreErrorCode.CONFIGURATION, "--status " + status + " is not a run "
                        + "status.", "Give one or more of " + String.join(", ", known) + ".", null);
            }
            given.add(upper);
        }
        return given;
    }

    static Instant since(String text, Clock clock) {
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
            return clock.instant().minus(Durations.parse(text, "--since"));
        }
    }
}

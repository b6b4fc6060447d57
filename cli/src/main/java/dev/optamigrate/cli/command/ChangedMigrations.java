package dev.optamigrate.cli.command;

import dev.optamigrate.core.analysis.CheckReport;
import dev.optamigrate.core.analysis.Finding;
import dev.optamigrate.core.analysis.MigrationScript;
import dev.optamigrate.core.analysis.StaticCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code check --changed-since}: the migrations added or changed since the ref are judged, after the others, which
 * are read as history applied long ago (what they created exists, with data); each migration that existed at the
 * ref and changed since gets a {@code modified-applied-migration} error as well.
 */
final class ChangedMigrations {
    private ChangedMigrations() {
    }

    static CheckReport check(StaticCheck check, List<MigrationScript> scripts, GitChanges changes, Path workingDir) {
        List<MigrationScript> unchanged = new ArrayList<>();
        List<MigrationScript> changed = new ArrayList<>();
        Set<String> modified = new LinkedHashSet<>();
        for (MigrationScript script : scripts) {
            Path file = workingDir.resolve(script.file());
            if (!changes.changed(file)) {
                unchanged.add(script);
                continue;
            }
            changed.add(script);
            if (changes.howChanged(file) != null) {
                modified.add(script.file());
            }
        }
        CheckReport report = check.checkAfter(unchanged, changed);
        List<Finding> findings = new ArrayList<>(report.findings());
        modified.forEach(file -> findings.add(Finding.changedAfterApplied(file, changes.howChanged(
                workingDir.resolve(file)))));
        findings.sort(Comparator.comparing(Finding::file).thenComparingInt(Finding::line));
        return report.with(findings, report.suppressions());
    }
}

package dev.optamigrate.cli.options;

import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The releases the contract gate compares: the one migrating, and those that serve traffic now. */
public final class ReleaseOptions {
    @Option(names = "--release", paramLabel = "RELEASE", descriptionKey = "release")
    String release;

    @Option(names = "--running-release", paramLabel = "RELEASE", descriptionKey = "running-release")
    List<String> runningReleases = new ArrayList<>();

    @Option(names = "--trust-unknown-releases", descriptionKey = "trust-unknown-releases")
    boolean trustUnknownReleases;

    public void addTo(Map<Setting, String> flags) {
        flags.put(CoreSetting.RELEASE, release);
        flags.put(CoreSetting.RUNNING_RELEASE, runningReleases.isEmpty() ? null : String.join(",", runningReleases));
        flags.put(CoreSetting.TRUST_UNKNOWN_RELEASES, trustUnknownReleases ? "true" : null);
    }
}

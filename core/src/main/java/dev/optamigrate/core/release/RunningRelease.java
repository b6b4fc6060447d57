package dev.optamigrate.core.release;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.util.ArrayList;
import java.util.List;

/**
 * A release that serves traffic now.
 *
 * @param release the release, spelled as the journal records it (an image reference, or the pipeline's name)
 * @param pods    how many pods run it, or 0 when that is not known (a release given with --running-release)
 */
public record RunningRelease(String release, int pods) {

    /**
     * The running releases in a setting's value: separated by commas (or the config file's list), each a release
     * and, from a strategy that looked at the service's pods, {@code =<pods>}.
     *
     * @param source where the value came from, for the error
     */
    public static List<RunningRelease> parse(String value, String source) {
        List<RunningRelease> running = new ArrayList<>();
        for (String part : value.split("[,;]")) {
            String[] release = part.strip().split("=", 2);
            if (release[0].isBlank() || release.length > 1 && !release[1].strip().matches("[1-9][0-9]{0,5}")) {
                throw new MigrateException(CoreErrorCode.CONFIGURATION, "The running release '" + part.strip()
                        + "' (from " + source + ") is not a release name.", "Give each release that serves traffic "
                                + "as the journal records it, e.g. --running-release ghcr.io/acme/shop:1.7 (repeat "
                                + "the flag for each one).", null);
            }
            running.add(new RunningRelease(release[0].strip(), release.length > 1
                    ? Integer.parseInt(release[1].strip()) : 0));
        }
        return List.copyOf(running);
    }

    /** The form {@link #parse} reads. */
    public String format() {
        return pods > 0 ? release + "=" + pods : release;
    }

    /** "2 pods still run app:1.7", or "app:1.7 still runs" when the count is not known. */
    String stillRuns() {
        return pods == 0 ? release + " still runs" : pods + (pods == 1 ? " pod still runs " : " pods still run ")
                + release;
    }
}

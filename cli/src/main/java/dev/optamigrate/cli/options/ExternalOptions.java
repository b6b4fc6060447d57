package dev.optamigrate.cli.options;

import dev.optamigrate.core.settings.Setting;
import java.util.Map;
import picocli.CommandLine.Option;

/** How the external strategy gets the credentials and reaches the database. */
public final class ExternalOptions {
    @Option(names = "--credentials-from-cluster", descriptionKey = "credentials-from-cluster")
    boolean credentialsFromCluster;

    @Option(names = "--tunnel", descriptionKey = "tunnel")
    boolean tunnel;

    @Option(names = "--tunnel-image", paramLabel = "IMAGE", descriptionKey = "tunnel-image")
    String tunnelImage;

    @Option(names = "--tunnel-deadline", paramLabel = "DURATION", descriptionKey = "tunnel-deadline")
    String tunnelDeadline;

    public void addTo(Map<Setting, String> flags) {
        flags.put(Setting.CREDENTIALS_FROM_CLUSTER, credentialsFromCluster ? "true" : null);
        flags.put(Setting.TUNNEL, tunnel ? "true" : null);
        flags.put(Setting.TUNNEL_IMAGE, tunnelImage);
        flags.put(Setting.TUNNEL_DEADLINE, tunnelDeadline);
    }
}

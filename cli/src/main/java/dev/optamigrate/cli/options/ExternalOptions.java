package dev.optamigrate.cli.options;

import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.strategy.external.ExternalSetting;
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
        flags.put(ExternalSetting.CREDENTIALS_FROM_CLUSTER, credentialsFromCluster ? "true" : null);
        flags.put(ExternalSetting.TUNNEL, tunnel ? "true" : null);
        flags.put(ExternalSetting.TUNNEL_IMAGE, tunnelImage);
        flags.put(ExternalSetting.TUNNEL_DEADLINE, tunnelDeadline);
    }
}

package dev.optamigrate.strategy.external;

import dev.optamigrate.core.settings.Setting;

/** The settings of the external strategy: protected targets, credentials from the cluster, and the tunnel. */
public enum ExternalSetting implements Setting {
    PROTECTED("protected", "false", Kind.BOOLEAN,
            "Marks the target as protected (production): the external strategy then shows "
            + "what will run against it and needs --yes"),
    CREDENTIALS_FROM_CLUSTER("credentials-from-cluster", "false", Kind.BOOLEAN,
            "External strategy: read host, database, user "
            + "and password from the service's Secret through the Kubernetes API (never printed)"),
    TUNNEL("tunnel", "false", Kind.BOOLEAN,
            "External strategy: reach the database through a short-lived proxy pod in the "
            + "service's namespace and a port-forward"),
    TUNNEL_IMAGE("tunnel-image", "docker.io/alpine/socat:1.8.0.3", "Image of the tunnel's proxy pod; it runs socat "
            + "with a listen and a connect address"),
    TUNNEL_DEADLINE("tunnel-deadline", "1h", Kind.DURATION, "Longest a tunnel pod lives, even if opta-migrate dies "
            + "(activeDeadlineSeconds)");

    private final Definition definition;

    ExternalSetting(String key, String defaultValue, String description) {
        this(key, defaultValue, Kind.TEXT, description);
    }

    ExternalSetting(String key, String defaultValue, Kind kind, String description) {
        this.definition = new Definition(key, defaultValue, kind, description);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}

package dev.optamigrate.kubernetes.pod;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import java.util.Map;

/**
 * What every pod opta-migrate makes or generates carries, unless it copies a Deployment's own settings:
 * <ul>
 * <li>no service-mesh sidecar: an injected proxy keeps running after the migration ends, so a Job would never
 * complete (linkerd2#1869, istio#11045);</li>
 * <li>the security settings Pod Security's {@code restricted} profile requires: a non-root user, no privilege
 * escalation, every capability dropped, the runtime's default seccomp profile.</li>
 * </ul>
 */
public final class PodShape {
    /** Linkerd reads an annotation, Istio a label (its annotation of the same name is deprecated but honoured). */
    public static final Map<String, String> MESH_OPT_OUT_ANNOTATIONS = Map.of("linkerd.io/inject", "disabled",
            "sidecar.istio.io/inject", "false");
    public static final Map<String, String> MESH_OPT_OUT_LABELS = Map.of("sidecar.istio.io/inject", "false");

    private static final String RUNTIME_DEFAULT = "RuntimeDefault";

    private PodShape() {
    }

    /** The pod-level half of {@code restricted}: a non-root user and the runtime's seccomp profile. */
    public static PodSecurityContext restrictedPod() {
        return new PodSecurityContextBuilder().withRunAsNonRoot(true).withNewSeccompProfile()
                .withType(RUNTIME_DEFAULT).endSeccompProfile().build();
    }

    /** The container-level half of {@code restricted}: no privilege escalation, no capabilities. */
    public static SecurityContext restrictedContainer() {
        return new SecurityContextBuilder().withAllowPrivilegeEscalation(false).withNewCapabilities()
                .addToDrop("ALL").endCapabilities().build();
    }
}

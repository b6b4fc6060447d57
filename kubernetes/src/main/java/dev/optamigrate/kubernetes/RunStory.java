package dev.optamigrate.kubernetes;

import dev.optamigrate.core.connect.Hosts;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A run's story as Kubernetes Events on the object that stands for it (the Job the job strategy created, the
 * service's migration Lease for the shell strategy), so that {@code kubectl describe} shows who started it, with
 * which release and person on standby, and how it ended. An Event that cannot be written is a warning, once,
 * never the run's failure.
 */
public final class RunStory {
    /** The component Events name as their source. */
    public static final String COMPONENT = "opta-migrate";
    /** Kubernetes keeps at most this much of an Event's message. */
    private static final int MESSAGE_LIMIT = 1024;

    private final KubernetesClient client;
    private final ObjectReference subject;
    private final EventListener warnings;
    private boolean warned;

    private RunStory(KubernetesClient client, ObjectReference subject, EventListener warnings) {
        this.client = client;
        this.subject = subject;
        this.warnings = warnings;
    }

    /** The story of a run told on {@code subject}, which must exist. */
    public static RunStory about(KubernetesClient client, HasMetadata subject, EventListener warnings) {
        return new RunStory(client, new ObjectReferenceBuilder().withApiVersion(subject.getApiVersion())
                .withKind(subject.getKind()).withName(subject.getMetadata().getName())
                .withNamespace(subject.getMetadata().getNamespace()).withUid(subject.getMetadata().getUid())
                .build(), warnings);
    }

    /**
     * @param what   who started what, where
     * @param labels the run's labels (release, environment, standby, overrides' reasons), named in the message;
     *               the operator is left out, as {@code what} names who
     */
    public void started(String what, Map<String, String> labels) {
        String named = labels.entrySet().stream().filter(label -> !label.getKey().equals("operator"))
                .map(label -> label.getKey() + " " + label.getValue()).collect(Collectors.joining(", "));
        tell("MigrationStarted", "Normal", what + (named.isEmpty() ? "" : " (" + named + ")"));
    }

    public void succeeded(String what) {
        tell("MigrationSucceeded", "Normal", what);
    }

    public void failed(MigrateException failure) {
        tell("MigrationFailed", "Warning", failure.getMessage() + (failure.hint() == null ? ""
                : " Next: " + failure.hint()));
    }

    private void tell(String reason, String type, String message) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Event event = new EventBuilder().withNewMetadata().withNamespace(subject.getNamespace())
                .withName(subject.getName() + "." + Long.toHexString(System.nanoTime())).endMetadata()
                .withInvolvedObject(subject).withReason(reason).withType(type)
                .withMessage(message.length() <= MESSAGE_LIMIT ? message : message.substring(0, MESSAGE_LIMIT))
                .withFirstTimestamp(now).withLastTimestamp(now).withCount(1).withNewSource()
                .withComponent(COMPONENT).endSource().withReportingComponent(COMPONENT)
                .withReportingInstance(Hosts.localName()).build();
        try {
            client.v1().events().inNamespace(subject.getNamespace()).resource(event).create();
        } catch (KubernetesClientException e) {
            if (!warned) {
                warned = true;
                warnings.on(new MigrationEvent.Warning("Could not write the Kubernetes Event " + reason + " on "
                        + subject.getKind() + " " + subject.getName() + " (" + e.getMessage() + "); the run goes on. "
                        + "Give the role `create` on events to see the run's story in `kubectl describe`."));
            }
        }
    }
}

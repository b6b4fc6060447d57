package dev.optamigrate.kubernetes.testing;

import java.util.List;
import java.util.Map;

/**
 * What a pod's container does when the {@link FakeKubelet} runs it for real: it gets the container's command,
 * with {@code $(VAR)} expanded, and its environment, resolved as the kubelet resolves it (values, Secret keys,
 * the pod's annotations), and says how it ended.
 */
@FunctionalInterface
public interface PodProgram {
    Ran run(List<String> command, Map<String, String> environment);

    /** How the container ended: its exit code, and what it printed (served as the pod's log). */
    record Ran(int exitCode, String log) {
    }
}

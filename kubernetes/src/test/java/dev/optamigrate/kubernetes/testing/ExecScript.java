package dev.optamigrate.kubernetes.testing;

import java.util.List;

/**
 * What a command run through exec does in the fake cluster: the lines it writes, then its exit status, or a
 * channel that closes without one.
 *
 * @param stdout   lines written to standard output
 * @param stderr   lines written to standard error, after standard output
 * @param exitCode the exit code reported on the status channel; null sends no exit code
 * @param failure  with no exit code: the message of a Failure status the runtime sends when the command cannot
 *                 start at all; null closes the channel without a status
 * @param during   runs while the command "runs", before its output is sent (to look at the cluster meanwhile)
 */
public record ExecScript(List<String> stdout, List<String> stderr, Integer exitCode, String failure,
        Runnable during) {

    public static ExecScript exits(int exitCode, String... stdout) {
        return new ExecScript(List.of(stdout), List.of(), exitCode, null, () -> { });
    }

    /** Writes the lines, then the connection drops: no exit status arrives. */
    public static ExecScript channelLost(String... stdout) {
        return new ExecScript(List.of(stdout), List.of(), null, null, () -> { });
    }

    /**
     * The command cannot start (e.g. the executable is not in the image): the kubelet sends a Failure status
     * with the runtime's message and no exit code.
     */
    public static ExecScript cannotStart(String message) {
        return new ExecScript(List.of(), List.of(), null, message, () -> { });
    }

    public ExecScript withStderr(String... lines) {
        return new ExecScript(stdout, List.of(lines), exitCode, failure, during);
    }

    public ExecScript whileRunning(Runnable action) {
        return new ExecScript(stdout, stderr, exitCode, failure, action);
    }
}

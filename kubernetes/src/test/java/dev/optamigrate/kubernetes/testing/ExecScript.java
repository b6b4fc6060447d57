package dev.optamigrate.kubernetes.testing;

import java.util.List;

/**
 * What a command run through exec does in the fake cluster: the lines it writes, then its exit status, or a
 * channel that closes without one.
 *
 * @param stdout   lines written to standard output
 * @param stderr   lines written to standard error, after standard output
 * @param exitCode the exit code reported on the status channel; null closes the channel without a status
 * @param during   runs while the command "runs", before its output is sent (to look at the cluster meanwhile)
 */
public record ExecScript(List<String> stdout, List<String> stderr, Integer exitCode, Runnable during) {

    public static ExecScript exits(int exitCode, String... stdout) {
        return new ExecScript(List.of(stdout), List.of(), exitCode, () -> { });
    }

    /** Writes the lines, then the connection drops: no exit status arrives. */
    public static ExecScript channelLost(String... stdout) {
        return new ExecScript(List.of(stdout), List.of(), null, () -> { });
    }

    public ExecScript withStderr(String... lines) {
        return new ExecScript(stdout, List.of(lines), exitCode, during);
    }

    public ExecScript whileRunning(Runnable action) {
        return new ExecScript(stdout, stderr, exitCode, action);
    }
}

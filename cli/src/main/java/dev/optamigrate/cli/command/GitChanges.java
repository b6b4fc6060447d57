package dev.optamigrate.cli.command;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The files that changed since a Git ref, in the working tree as it is (committed, staged, unstaged and untracked
 * files alike), read with {@code git} on the {@code PATH}: for {@code check --changed-since}.
 */
final class GitChanges {
    private static final long TIMEOUT_SECONDS = 60;

    /** What happened to each changed file (absolute path): added, or how an existing one changed. */
    private final Map<Path, String> changes;
    private final String ref;

    private GitChanges(Map<Path, String> changes, String ref) {
        this.changes = changes;
        this.ref = ref;
    }

    static GitChanges since(String ref, Path workingDir) {
        Path root = Path.of(git(workingDir, "not inside a Git repository", "rev-parse", "--show-toplevel").trim());
        git(workingDir, "Git does not know '" + ref + "'", "rev-parse", "--verify", "--quiet", ref + "^{commit}");
        Map<Path, String> changes = new HashMap<>();
        List<String> diff = fields(git(workingDir, "git diff failed", "diff", "--name-status", "-z", "-M", ref, "--"));
        for (int at = 0; at < diff.size(); at++) {
            String status = diff.get(at);
            if (status.startsWith("R")) {
                String from = diff.get(++at);
                changes.put(root.resolve(diff.get(++at)).normalize(), "renamed since " + ref + " (from " + from + ")");
            } else if (status.startsWith("C") || status.startsWith("A")) {
                at += status.startsWith("C") ? 1 : 0;
                changes.put(root.resolve(diff.get(++at)).normalize(), null);
            } else if (!status.startsWith("D")) {
                changes.put(root.resolve(diff.get(++at)).normalize(), "modified since " + ref);
            } else {
                at++;
            }
        }
        for (String untracked : fields(git(workingDir, "git ls-files failed", "ls-files", "--others",
                "--exclude-standard", "--full-name", "-z"))) {
            changes.put(root.resolve(untracked).normalize(), null);
        }
        return new GitChanges(changes, ref);
    }

    /** Whether the file (absolute) was added or changed since the ref. */
    boolean changed(Path file) {
        return changes.containsKey(file.toAbsolutePath().normalize());
    }

    /** How an existing file changed since the ref, or {@code null} when it is new or unchanged. */
    String howChanged(Path file) {
        return changes.get(file.toAbsolutePath().normalize());
    }

    String ref() {
        return ref;
    }

    private static List<String> fields(String output) {
        List<String> fields = new ArrayList<>();
        for (String field : output.split("\0")) {
            if (!field.isEmpty()) {
                fields.add(field);
            }
        }
        return fields;
    }

    private static String git(Path workingDir, String whatFailed, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workingDir.toFile()).start();
        } catch (IOException e) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "--changed-since needs git, and git is not on "
                    + "the PATH.", "Install git, or leave --changed-since out and name the new migration files "
                            + "(check $(git diff --name-only origin/main -- db/migration)).", null);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String output = read(process.getInputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new MigrateException(CoreErrorCode.CONFIGURATION, "git " + arguments[0] + " did not answer in "
                        + TIMEOUT_SECONDS + "s.", "Check the repository (a lock file, a hook) and run again.", null);
            }
            if (process.exitValue() != 0) {
                String said = errors.join().strip();
                throw new MigrateException(CoreErrorCode.CONFIGURATION, "--changed-since: " + whatFailed
                        + (said.isEmpty() ? "" : " (" + said + ")") + ".", "Run check inside the repository, with "
                                + "a ref it has: in CI, fetch the base first (git fetch origin main, with enough "
                                + "history), then --changed-since origin/main.", null);
            }
            return output;
        } catch (IOException e) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "--changed-since could not read git's answer: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrateException(CoreErrorCode.INTERRUPTED, "Interrupted while git ran.", e);
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}

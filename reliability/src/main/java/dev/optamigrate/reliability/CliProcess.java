package dev.optamigrate.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** {@code opta-migrate} as a whole process, its output read line by line as it comes, each line timed. */
final class CliProcess {
    /** One line of output, and when it came, in milliseconds since the process started. */
    record Line(long atMillis, String text) {
    }

    private final Process process;
    private final long startNanos;
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private CliProcess(Process process, long startNanos) {
        this.process = process;
        this.startNanos = startNanos;
    }

    static CliProcess start(Path cli, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", cli.toString()));
        command.addAll(args);
        long start = System.nanoTime();
        CliProcess cliProcess = new CliProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), start);
        Thread reader = new Thread(cliProcess::readOutput, "cli-output");
        reader.setDaemon(true);
        reader.start();
        return cliProcess;
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                lines.add(new Line(sinceStart(), text));
            }
        } catch (IOException e) {
            // the process was killed; what was read is kept
        }
    }

    long sinceStart() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Waits for the first line that matches, or the process's end, or the timeout. */
    Optional<Line> await(Predicate<String> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Line> found = lines.stream().filter(line -> match.test(line.text())).findFirst();
            if (found.isPresent() || !process.isAlive()) {
                return found;
            }
            Thread.sleep(1);
        }
        return Optional.empty();
    }

    /** {@code kill -9}, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** @return the exit code, or empty when it did not end in time (it is then killed) */
    Optional<Integer> waitFor(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.of(process.exitValue());
        }
        kill();
        return Optional.empty();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** The output so far. */
    List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The last lines of output, for a report. */
    String tail(int count) {
        List<Line> all = lines();
        return String.join("\n", all.subList(Math.max(0, all.size() - count), all.size()).stream().map(Line::text)
                .toList());
    }
}

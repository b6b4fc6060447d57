package dev.optamigrate.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs the CLI for tests: in this JVM with captured output, or as a separate process. */
final class Cli {
    private Cli() {
    }

    /** What one in-process run printed and returned. */
    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Result run(Map<String, String> env, Path workingDir, String... args) {
        return run(new CliEnvironment(env, workingDir), args);
    }

    /** Runs with a person at the terminal who types {@code answers}. */
    static Result answering(String answers, Map<String, String> env, Path workingDir, String... args) {
        return run(new CliEnvironment(env, workingDir, Optional.of(new BufferedReader(new StringReader(answers)))),
                args);
    }

    private static Result run(CliEnvironment environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.run(args, environment, new PrintWriter(out), new PrintWriter(err));
        return new Result(exitCode, out.toString(), err.toString());
    }

    static Result run(Path workingDir, String... args) {
        return run(Map.of(), workingDir, args);
    }

    /** {@code migrate --url URL --location LOCATION} and more arguments, in this JVM. */
    static Result migrate(Path workingDir, String url, Path location, String... more) {
        List<String> args = new ArrayList<>(List.of("migrate", "--url", url, "--location=" + location));
        args.addAll(List.of(more));
        return run(workingDir, args.toArray(String[]::new));
    }

    /** Starts {@code opta-migrate ARGS} as its own JVM, on this test's classpath, output to a file. */
    static Process start(Map<String, String> env, Path output, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }
}

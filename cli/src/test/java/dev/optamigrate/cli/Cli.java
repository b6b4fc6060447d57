package dev.optamigrate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.run(args, new CliEnvironment(env, workingDir), new PrintWriter(out), new PrintWriter(err));
        return new Result(exitCode, out.toString(), err.toString());
    }

    static Result run(Path workingDir, String... args) {
        return run(Map.of(), workingDir, args);
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

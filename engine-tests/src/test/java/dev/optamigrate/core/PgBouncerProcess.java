package dev.optamigrate.core;

import dev.optamigrate.core.target.Target;
import dev.optamigrate.core.testing.TestDatabase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PgBouncer (Debian's package) in front of a test database, started for a test: the database is offered
 * twice, as {@code session} (pool_mode = session) and {@code transaction} (pool_mode = transaction).
 */
final class PgBouncerProcess implements AutoCloseable {
    private static final List<Path> BINARIES = List.of(Path.of("/usr/sbin/pgbouncer"), Path.of("/usr/bin/pgbouncer"));

    private final Process process;
    private final Path directory;
    private final int port;
    private final Target server;

    private PgBouncerProcess(Process process, Path directory, int port, Target server) {
        this.process = process;
        this.directory = directory;
        this.port = port;
        this.server = server;
    }

    /** The installed binary, if any. */
    static Optional<Path> binary() {
        return BINARIES.stream().filter(Files::isExecutable).findFirst();
    }

    static PgBouncerProcess start(TestDatabase db) throws IOException, InterruptedException {
        Target server = db.target();
        Path directory = Files.createTempDirectory("pgbouncer");
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        int port = freePort();
        String backend = "host=127.0.0.1 port=" + server.port() + " dbname=" + server.database();
        Files.writeString(directory.resolve("users.txt"), "\"" + server.user() + "\" \"\"\n");
        Files.writeString(directory.resolve("pgbouncer.ini"), String.join("\n",
                "[databases]",
                "session = " + backend + " pool_mode=session",
                "transaction = " + backend + " pool_mode=transaction",
                "[pgbouncer]",
                "listen_addr = 127.0.0.1",
                "listen_port = " + port,
                "unix_socket_dir =",
                "auth_type = trust",
                "auth_file = " + directory.resolve("users.txt"),
                "default_pool_size = 4",
                "logfile = " + directory.resolve("pgbouncer.log"),
                "pidfile = " + directory.resolve("pgbouncer.pid"), ""));
        for (String file : List.of("users.txt", "pgbouncer.ini")) {
            Files.setPosixFilePermissions(directory.resolve(file), PosixFilePermissions.fromString("rw-r--r--"));
        }
        List<String> command = new ArrayList<>(List.of(binary().orElseThrow().toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "nobody"));
        }
        command.add(directory.resolve("pgbouncer.ini").toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("stdout.log").toFile()).start();
        PgBouncerProcess bouncer = new PgBouncerProcess(process, directory, port, server);
        bouncer.awaitListening();
        return bouncer;
    }

    /** The test database through PgBouncer, in the given pool mode ({@code session} or {@code transaction}). */
    Target target(String poolMode) {
        return server.withAddress("127.0.0.1", port).withDatabase(poolMode);
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("PgBouncer exited: " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("PgBouncer did not listen on port " + port + " within 10 s: " + log());
    }

    private String log() throws IOException {
        Path log = directory.resolve("pgbouncer.log");
        return Files.readString(directory.resolve("stdout.log")) + (Files.exists(log) ? Files.readString(log) : "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

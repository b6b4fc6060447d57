package dev.optamigrate.core;

import dev.optamigrate.core.target.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of a test database that can cut the network the way a dead link does: once
 * {@link #blackHole() black-holed}, it forwards nothing more in either direction, and closes nothing (no FIN, no
 * RST), so each side waits for an answer that never comes.
 */
final class BlackHoleProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final Target server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean blackHoled;

    private BlackHoleProxy(ServerSocket listener, Target server) {
        this.listener = listener;
        this.server = server;
    }

    static BlackHoleProxy start(Target server) throws IOException {
        BlackHoleProxy proxy = new BlackHoleProxy(new ServerSocket(0), server);
        daemon(proxy::accept);
        return proxy;
    }

    /** The database through this proxy. */
    Target target() {
        return server.withAddress("127.0.0.1", listener.getLocalPort());
    }

    /** From now on every byte is dropped, and every connection stays open. */
    void blackHole() {
        blackHoled = true;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket(server.host(), server.port());
                sockets.add(client);
                sockets.add(upstream);
                daemon(() -> pump(client, upstream));
                daemon(() -> pump(upstream, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (!blackHoled) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        } catch (IOException closed) {
            // one side went away; the other pump ends too once its socket closes
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "black-hole-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}

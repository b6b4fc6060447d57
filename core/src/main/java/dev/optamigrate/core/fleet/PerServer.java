package dev.optamigrate.core.fleet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Work on fleet members with bounded parallelism per physical server: each server has its own threads, so a busy
 * server never holds another's members back, and no server sees more than {@code perServer} members at once.
 */
final class PerServer implements AutoCloseable {
    private final int perServer;
    private final Map<String, ExecutorService> servers = new HashMap<>();

    PerServer(int perServer) {
        this.perServer = perServer;
    }

    /** Runs the task on every member and waits for all; the results are in the members' order. */
    <T> List<T> map(List<FleetTarget> members, Function<FleetTarget, T> task) {
        List<CompletableFuture<T>> running = new ArrayList<>();
        for (FleetTarget member : members) {
            ExecutorService server = servers.computeIfAbsent(member.server(), name -> Executors.newFixedThreadPool(
                    perServer, PerServer::daemon));
            running.add(CompletableFuture.supplyAsync(() -> task.apply(member), server));
        }
        return running.stream().map(CompletableFuture::join).toList();
    }

    @Override
    public void close() {
        servers.values().forEach(ExecutorService::shutdownNow);
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "opta-migrate-fleet");
        thread.setDaemon(true);
        return thread;
    }
}

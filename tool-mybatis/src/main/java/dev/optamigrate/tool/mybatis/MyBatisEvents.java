package dev.optamigrate.tool.mybatis;

import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.spi.AppliedMigration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.migration.Change;
import org.apache.ibatis.migration.hook.HookContext;
import org.apache.ibatis.migration.hook.MigrationHook;

/** A MyBatis hook that turns each script run (up or down) into opta-migrate events and remembers what ran. */
final class MyBatisEvents implements MigrationHook {
    private final EventListener events;
    private final ScriptBoundaries scripts;
    private final List<AppliedMigration> done = new ArrayList<>();
    private Change current;
    private long startedNanos;

    /** @param scripts told as each script starts and ends, before its events */
    MyBatisEvents(EventListener events, ScriptBoundaries scripts) {
        this.events = events;
        this.scripts = scripts;
    }

    @Override
    public void before(Map<String, Object> bindings) {
    }

    @Override
    public void beforeEach(Map<String, Object> bindings) {
        scripts.starts();
        current = changeOf(bindings);
        startedNanos = System.nanoTime();
        events.on(new MigrationEvent.MigrationStarted(MyBatisSession.versionOf(current), current.getDescription(),
                current.getFilename()));
    }

    @Override
    public void afterEach(Map<String, Object> bindings) {
        scripts.ends();
        Change change = changeOf(bindings);
        Duration duration = Duration.ofNanos(System.nanoTime() - startedNanos);
        done.add(new AppliedMigration(MyBatisSession.versionOf(change), change.getDescription(), change.getFilename(),
                duration));
        events.on(new MigrationEvent.MigrationFinished(MyBatisSession.versionOf(change), change.getDescription(),
                change.getFilename(), duration));
        current = null;
    }

    @Override
    public void after(Map<String, Object> bindings) {
    }

    List<AppliedMigration> done() {
        return List.copyOf(done);
    }

    /** Reports the script that was running when the operation failed as failed, and returns it (or {@code null}). */
    Change reportFailure() {
        if (current != null) {
            events.on(new MigrationEvent.MigrationFailed(MyBatisSession.versionOf(current), current.getDescription(),
                    current.getFilename(), Duration.ofNanos(System.nanoTime() - startedNanos)));
        }
        return current;
    }

    private static Change changeOf(Map<String, Object> bindings) {
        return ((HookContext) bindings.get(MigrationHook.HOOK_CONTEXT)).getChange();
    }
}

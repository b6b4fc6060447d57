package dev.optamigrate.core.event;

/** Receives the events of a run. Implementations must not throw; a listener that fails only loses its output. */
@FunctionalInterface
public interface EventListener {

    EventListener NONE = event -> { };

    void on(MigrationEvent event);

    /** A listener that passes each event to this one, then to {@code next}. */
    default EventListener andThen(EventListener next) {
        return event -> {
            on(event);
            next.on(event);
        };
    }
}

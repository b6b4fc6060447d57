package dev.optamigrate.core.plan;

import java.util.List;

/** A schema change that {@code plan} writes as a safe sequence of migrations over one or more releases. */
public interface PlanOperation {

    /** The operation as the user gave it, e.g. {@code rename-column orders.legacy_status status}. */
    String describe();

    /** What ships with each release, from release 1: the code it needs, and when it may go out. */
    List<String> releases();

    /** The migrations, in the order they run. */
    List<PlanStep> steps(PlanOptions options);
}

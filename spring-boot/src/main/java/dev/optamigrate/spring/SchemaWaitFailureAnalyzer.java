package dev.optamigrate.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A wait-only replica gave up waiting: says what it waited for, and how to get the migration run. */
public final class SchemaWaitFailureAnalyzer extends AbstractFailureAnalyzer<SchemaWaitTimeout> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SchemaWaitTimeout cause) {
        return new FailureAnalysis(cause.getMessage(), cause.hint(), cause);
    }
}

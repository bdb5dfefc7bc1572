package io.contrail.jet.job;

/** What a job promises about each item's effect on state and sinks after a failure. */
public enum ProcessingGuarantee {
    /** No snapshots: after a restart, state starts empty. */
    NONE,
    /** Snapshots without barrier alignment: after a restart, some items may be processed twice. */
    AT_LEAST_ONCE,
    /** Snapshots with aligned barriers and two-phase sinks: each item affects the result once. */
    EXACTLY_ONCE
}

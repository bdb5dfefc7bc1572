package io.contrail.jet.impl.execution;

/**
 * The member-wide settings that shape an execution plan.
 *
 * @param cooperativeThreadCount worker threads, and the default local parallelism of a vertex
 * @param queueSize              default capacity of each edge queue
 * @param inboxSize              most items handed to a processor in one {@code process} call
 * @param outboxBatchLimit       most items a processor may emit in one call before it must yield
 * @param fusionEnabled          whether the ends of isolated local edges may run fused in one tasklet
 */
public record ExecutionSettings(int cooperativeThreadCount, int queueSize, int inboxSize, int outboxBatchLimit,
                                boolean fusionEnabled) {

    public ExecutionSettings {
        requirePositive(cooperativeThreadCount, "cooperativeThreadCount");
        requirePositive(queueSize, "queueSize");
        requirePositive(inboxSize, "inboxSize");
        requirePositive(outboxBatchLimit, "outboxBatchLimit");
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}

package io.contrail.jet.impl.processor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Helpers for the blocking waits of non-cooperative sinks. */
final class AsyncOps {

    private AsyncOps() {
    }

    /** Waits for {@code future} and rethrows its failure unwrapped, or wrapped with {@code what} when checked. */
    static void await(CompletableFuture<?> future, String what) {
        try {
            future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(what + " failed: " + cause, cause);
        }
    }
}

package io.contrail.jet.core.test;

import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.jet.function.SupplierEx;
import io.contrail.jet.job.SourcePositionUnavailableException;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A test source standing for a log whose old data can expire: it emits nothing and never
 * completes, saves its offset in every snapshot, and on restore throws
 * {@link SourcePositionUnavailableException} ("offset 42 has expired (the earliest is 1000)")
 * while {@code expired} says so, as a real source whose retained data no longer reaches back to
 * the saved offset. For tests of how a resumed job reports that it cannot continue. Run it with
 * local parallelism 1.
 */
public final class ExpiringOffsetSource extends AbstractProcessor {

    private final long offset;
    private final SupplierEx<Boolean> expired;

    private ExpiringOffsetSource(long offset, SupplierEx<Boolean> expired) {
        this.offset = offset;
        this.expired = expired;
    }

    /**
     * @param offset  the offset every snapshot saves
     * @param expired asked at restore whether the saved offset has expired
     */
    public static ProcessorSupplier supplier(long offset, SupplierEx<Boolean> expired) {
        requireNonNull(expired, "expired is null");
        return () -> new ExpiringOffsetSource(offset, expired);
    }

    @Override
    public boolean complete() {
        return false;
    }

    @Override
    public boolean saveToSnapshot() {
        return tryEmitToSnapshot("offset", offset);
    }

    @Override
    public void restoreFromSnapshot(Inbox inbox) {
        for (Object entry; (entry = inbox.poll()) != null; ) {
            long saved = (Long) ((Map.Entry<?, ?>) entry).getValue();
            if (expired.get()) {
                throw new SourcePositionUnavailableException("offset " + saved + " has expired (the earliest is 1000)");
            }
        }
    }
}

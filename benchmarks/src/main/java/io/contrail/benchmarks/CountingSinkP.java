package io.contrail.benchmarks;

import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.Inbox;

import java.util.concurrent.atomic.LongAdder;

/**
 * The benchmarks' sink: counts what it receives, discarding it, and adds its count to the shared
 * total when it completes (one {@link LongAdder} update per processor, none per item).
 */
final class CountingSinkP extends AbstractProcessor {

    private final LongAdder total;
    private long count;

    CountingSinkP(LongAdder total) {
        this.total = total;
    }

    @Override
    public void process(int ordinal, Inbox inbox) {
        count += inbox.size();
        inbox.clear();
    }

    @Override
    public boolean complete() {
        total.add(count);
        return true;
    }
}

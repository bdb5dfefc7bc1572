package io.contrail.jet;

import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.jet.core.Watermark;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/** Small processors for engine tests, independent of the processor library. */
public final class TestProcessors {

    private static final Map<String, List<List<Object>>> SINKS = new ConcurrentHashMap<>();

    private TestProcessors() {
    }

    /**
     * A batch source: processor {@code i} of {@code n} emits {@code itemFn(k)} for each
     * {@code k < count} with {@code k % n == i}, then completes.
     */
    public static ProcessorSupplier rangeSource(long count, LongFunction<Object> itemFn) {
        return () -> new AbstractProcessor() {
            private long next = -1;
            private Object pending;

            @Override
            public boolean complete() {
                int n = getContext().totalParallelism();
                if (next < 0) {
                    next = getContext().globalProcessorIndex();
                }
                for (; next < count; next += n) {
                    if (pending == null) {
                        pending = itemFn.apply(next);
                    }
                    if (!tryEmit(pending)) {
                        return false;
                    }
                    pending = null;
                }
                return true;
            }
        };
    }

    /** A source that emits the given items (watermarks included) in order, from processor 0 only. */
    public static ProcessorSupplier itemsSource(List<?> items) {
        return itemsSource(items, true);
    }

    /**
     * A source that emits the given items in order from processor 0 only, then completes or, when
     * {@code completes} is false, stays running without emitting more.
     */
    public static ProcessorSupplier itemsSource(List<?> items, boolean completes) {
        return () -> new AbstractProcessor() {
            private int index;

            @Override
            public boolean complete() {
                if (getContext().globalProcessorIndex() != 0) {
                    return completes;
                }
                for (; index < items.size(); index++) {
                    if (!tryEmit(items.get(index))) {
                        return false;
                    }
                }
                return completes;
            }
        };
    }

    /** A source that never completes and emits nothing. */
    public static ProcessorSupplier endlessSource() {
        return () -> new AbstractProcessor() {
            @Override
            public boolean complete() {
                return false;
            }
        };
    }

    /** A pass-through sink that fails with an {@link IllegalStateException} of {@code message} on receiving {@code item}. */
    public static ProcessorSupplier failingOn(long item, String message) {
        return () -> new AbstractProcessor() {
            @Override
            protected boolean tryProcess(int ordinal, Object received) {
                if ((Long) received == item) {
                    throw new IllegalStateException(message);
                }
                return true;
            }
        };
    }

    /** A non-cooperative sink that calls {@code onItem} for each item, on its own thread. */
    public static ProcessorSupplier nonCooperativeSink(Consumer<Object> onItem) {
        return () -> new AbstractProcessor() {
            @Override
            protected boolean tryProcess(int ordinal, Object item) {
                onItem.accept(item);
                return true;
            }

            @Override
            public boolean isCooperative() {
                return false;
            }
        };
    }

    /**
     * A sink that records every item and watermark per processor index into the list returned by
     * {@link #sinkOutput}.
     */
    public static ProcessorSupplier collectingSink(String name) {
        List<List<Object>> perProcessor = new CopyOnWriteArrayList<>();
        SINKS.put(name, perProcessor);
        return () -> new AbstractProcessor() {
            private List<Object> mine;

            @Override
            protected void init(Context context) {
                synchronized (perProcessor) {
                    while (perProcessor.size() <= context.globalProcessorIndex()) {
                        perProcessor.add(new CopyOnWriteArrayList<>());
                    }
                    mine = perProcessor.get(context.globalProcessorIndex());
                }
            }

            @Override
            public void process(int ordinal, Inbox inbox) {
                inbox.drain(mine::add);
            }

            @Override
            public boolean tryProcessWatermark(Watermark watermark) {
                mine.add(watermark);
                return true;
            }
        };
    }

    /** What each processor of the named sink received. */
    public static List<List<Object>> sinkOutput(String name) {
        return SINKS.get(name);
    }
}

package io.contrail.jet.core;

import java.util.Map;

/**
 * A base for processors that handle one item at a time. Subclasses override
 * {@link #tryProcess(int, Object)} and emit with {@link #tryEmit} or {@link #emitFromTraverser};
 * watermarks are forwarded unless {@link #tryProcessWatermark} is overridden.
 */
public abstract class AbstractProcessor implements Processor {

    private Outbox outbox;
    private Context context;
    private Object pendingItem;

    @Override
    public final void init(Outbox outbox, Context context) throws Exception {
        this.outbox = outbox;
        this.context = context;
        init(context);
    }

    /** Called once before any processing method; {@link #getOutbox()} is set. */
    protected void init(Context context) throws Exception {
    }

    /**
     * Processes one item of input {@code ordinal}.
     *
     * @return {@code true} when done with the item, {@code false} to get it again later
     */
    protected boolean tryProcess(int ordinal, Object item) throws Exception {
        throw new IllegalStateException(getClass().getName() + " received an item but does not override tryProcess(int, Object)");
    }

    @Override
    public void process(int ordinal, Inbox inbox) {
        try {
            for (Object item; (item = inbox.peek()) != null; ) {
                if (!tryProcess(ordinal, item)) {
                    return;
                }
                inbox.remove();
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ProcessorException(context, e);
        }
    }

    @Override
    public boolean tryProcessWatermark(Watermark watermark) {
        return tryEmit(watermark);
    }

    /** Offers to every output ordinal; see {@link Outbox#offer(int, Object)}. */
    protected final boolean tryEmit(Object item) {
        return outbox.offer(item);
    }

    /** Offers to output {@code ordinal}; see {@link Outbox#offer(int, Object)}. */
    protected final boolean tryEmit(int ordinal, Object item) {
        return outbox.offer(ordinal, item);
    }

    /** Offers an entry to the snapshot; see {@link Outbox#offerToSnapshot}. */
    protected final boolean tryEmitToSnapshot(Object key, Object value) {
        return outbox.offerToSnapshot(key, value);
    }

    /**
     * Emits the traverser's items to every output ordinal until it returns {@code null} or the
     * outbox refuses one; the refused item is kept and emitted first on the next call.
     *
     * @return {@code true} when the traverser is exhausted
     */
    protected final <T> boolean emitFromTraverser(Traverser<T> traverser) {
        return emitFromTraverser(-1, traverser);
    }

    /** As {@link #emitFromTraverser(Traverser)}, to output {@code ordinal}. */
    protected final <T> boolean emitFromTraverser(int ordinal, Traverser<T> traverser) {
        Object item = pendingItem != null ? pendingItem : traverser.next();
        for (; item != null; item = traverser.next()) {
            if (!outbox.offer(ordinal, item)) {
                pendingItem = item;
                return false;
            }
        }
        pendingItem = null;
        return true;
    }

    /**
     * Emits map entries from the traverser to the snapshot, with the same resume contract as
     * {@link #emitFromTraverser(Traverser)}.
     */
    protected final <K, V> boolean emitFromTraverserToSnapshot(Traverser<Map.Entry<K, V>> traverser) {
        @SuppressWarnings("unchecked")
        Map.Entry<K, V> entry = pendingItem != null ? (Map.Entry<K, V>) pendingItem : traverser.next();
        for (; entry != null; entry = traverser.next()) {
            if (!outbox.offerToSnapshot(entry.getKey(), entry.getValue())) {
                pendingItem = entry;
                return false;
            }
        }
        pendingItem = null;
        return true;
    }

    /** The outbox, available from {@link #init(Context)} on. */
    protected final Outbox getOutbox() {
        return outbox;
    }

    /** The context, available from {@link #init(Context)} on. */
    protected final Context getContext() {
        return context;
    }
}

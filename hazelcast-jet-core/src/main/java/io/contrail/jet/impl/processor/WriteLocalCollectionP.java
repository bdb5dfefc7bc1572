package io.contrail.jet.impl.processor;

import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.Outbox;
import io.contrail.jet.core.Processor;
import io.contrail.jet.core.Watermark;

import java.util.Collection;

import static java.util.Objects.requireNonNull;

/**
 * A sink for in-JVM tests that adds each item of any input ordinal to a collection registered in
 * {@link LocalCollectionRegistry} (looked up in {@link #init}); emits nothing and drops
 * watermarks. Items are not serialized: the collection holds the very objects. Cooperative, so
 * the collection's {@code add} must not block; with several processors it must be thread-safe.
 *
 * <p>Only works when the job runs in the JVM that registered the collection. Snapshot: no state;
 * items after the last snapshot are added again after a restore (at-least-once).
 */
public final class WriteLocalCollectionP implements Processor {

    private final String name;
    private Collection<Object> collection;

    public WriteLocalCollectionP(String name) {
        this.name = requireNonNull(name, "name is null");
    }

    @Override
    public void init(Outbox outbox, Context context) {
        collection = LocalCollectionRegistry.get(name);
    }

    @Override
    public void process(int ordinal, Inbox inbox) {
        for (Object item; (item = inbox.poll()) != null; ) {
            collection.add(item);
        }
    }

    @Override
    public boolean tryProcessWatermark(Watermark watermark) {
        return true;
    }

    @Override
    public String toString() {
        return "WriteLocalCollectionP{name=" + name + '}';
    }
}

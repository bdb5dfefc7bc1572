package io.contrail.jet.impl.processor;

import com.hazelcast.collection.IList;
import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.Outbox;
import io.contrail.jet.core.Processor;
import io.contrail.jet.core.Watermark;

import java.util.ArrayList;

import static java.util.Objects.requireNonNull;

/**
 * A sink that appends each item of any input ordinal to a Hazelcast {@code IList}, meant for
 * tests that read the results from a member; emits nothing and drops watermarks.
 *
 * <p>Each inbox goes to the list with one blocking {@link IList#addAll} call, so the
 * processor is non-cooperative. Items from several processors interleave in arrival order. An
 * {@code IList} lives in one partition, so this sink suits small results only.
 *
 * <p>Snapshot: no state; every item is added before the processor returns from {@code process}.
 * Items after the last snapshot are added again after a restore (at-least-once).
 */
public final class WriteListP implements Processor {

    private final String listName;
    private final ArrayList<Object> batch = new ArrayList<>();
    private IList<Object> list;

    public WriteListP(String listName) {
        this.listName = requireNonNull(listName, "listName is null");
    }

    @Override
    public boolean isCooperative() {
        return false;
    }

    @Override
    public void init(Outbox outbox, Context context) {
        list = context.hazelcastInstance().getList(listName);
    }

    @Override
    public void process(int ordinal, Inbox inbox) {
        inbox.drain(batch::add);
        try {
            list.addAll(batch);
        } finally {
            batch.clear();
        }
    }

    @Override
    public boolean tryProcessWatermark(Watermark watermark) {
        return true;
    }

    @Override
    public String toString() {
        return "WriteListP{list=" + listName + '}';
    }
}

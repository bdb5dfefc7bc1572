package io.contrail.jet.impl.execution;

/** The last item an upstream processor puts into each of its output queues. */
public final class DoneItem {

    public static final DoneItem DONE_ITEM = new DoneItem();

    private DoneItem() {
    }

    @Override
    public String toString() {
        return "DONE_ITEM";
    }
}

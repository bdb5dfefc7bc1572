package io.contrail.jet.core.test;

import io.contrail.jet.core.Inbox;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.NoSuchElementException;

/** An {@link Inbox} over a plain queue, for driving a processor by hand in tests. */
public final class TestInbox implements Inbox {

    private final ArrayDeque<Object> items = new ArrayDeque<>();

    /** Adds an item to the end. */
    public TestInbox add(Object item) {
        items.add(item);
        return this;
    }

    /** Adds all items to the end. */
    public TestInbox addAll(Collection<?> newItems) {
        items.addAll(newItems);
        return this;
    }

    @Override
    public boolean isEmpty() {
        return items.isEmpty();
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public Object peek() {
        return items.peek();
    }

    @Override
    public Object poll() {
        return items.poll();
    }

    @Override
    public void remove() {
        if (items.poll() == null) {
            throw new NoSuchElementException("The inbox is empty");
        }
    }

    @Override
    public void clear() {
        items.clear();
    }

    @Override
    public String toString() {
        return items.toString();
    }
}

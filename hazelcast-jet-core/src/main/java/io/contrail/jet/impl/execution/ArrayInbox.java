package io.contrail.jet.impl.execution;

import io.contrail.jet.core.Inbox;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * The engine's {@link Inbox}: an array filled by the tasklet only when empty, so it never wraps.
 *
 * <p>Threading: confined to the processor's tasklet thread.
 */
final class ArrayInbox implements Inbox {

    private final Object[] items;
    private int head;
    private int tail;

    ArrayInbox(int capacity) {
        this.items = new Object[capacity];
    }

    /** Appends an item; the caller checks {@link #isFull()} first. */
    void add(Object item) {
        items[tail++] = item;
    }

    boolean isFull() {
        return tail == items.length;
    }

    int capacity() {
        return items.length;
    }

    @Override
    public boolean isEmpty() {
        return head == tail;
    }

    @Override
    public int size() {
        return tail - head;
    }

    @Override
    public Object peek() {
        return head < tail ? items[head] : null;
    }

    @Override
    public Object poll() {
        if (head == tail) {
            return null;
        }
        Object item = items[head];
        items[head++] = null;
        if (head == tail) {
            head = tail = 0;
        }
        return item;
    }

    @Override
    public void remove() {
        if (poll() == null) {
            throw new NoSuchElementException("The inbox is empty");
        }
    }

    @Override
    public void clear() {
        Arrays.fill(items, head, tail, null);
        head = tail = 0;
    }
}

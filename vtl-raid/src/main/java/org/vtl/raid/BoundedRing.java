package org.vtl.raid;

/**
 * A bounded blocking FIFO that allocates nothing per element: a ring guarded by the object's monitor.
 * {@code java.util.concurrent} queues allocate a condition node each time a thread waits, which would
 * show up per stripe on the write path.
 */
final class BoundedRing<T> {

    private final Object[] slots;
    private int head;
    private int size;

    BoundedRing(int capacity) {
        this.slots = new Object[capacity];
    }

    synchronized void put(T item) throws InterruptedException {
        while (size == slots.length) {
            wait();
        }
        slots[(head + size) % slots.length] = item;
        size++;
        notifyAll();
    }

    /** Adds without waiting; false when full. */
    synchronized boolean offer(T item) {
        if (size == slots.length) {
            return false;
        }
        slots[(head + size) % slots.length] = item;
        size++;
        notifyAll();
        return true;
    }

    @SuppressWarnings("unchecked")
    synchronized T take() throws InterruptedException {
        while (size == 0) {
            wait();
        }
        return removeHead();
    }

    /** The head, or null when empty. */
    synchronized T poll() {
        return size == 0 ? null : removeHead();
    }

    @SuppressWarnings("unchecked")
    private T removeHead() {
        T item = (T) slots[head];
        slots[head] = null;
        head = (head + 1) % slots.length;
        size--;
        notifyAll();
        return item;
    }
}

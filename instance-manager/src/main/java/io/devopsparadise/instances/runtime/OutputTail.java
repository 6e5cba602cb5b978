package io.devopsparadise.instances.runtime;

/** Keeps the last {@code limit} characters of a stream of text. Thread-safe. */
public final class OutputTail {

    private final int limit;
    private final StringBuilder text = new StringBuilder();

    public OutputTail(int limit) {
        this.limit = limit;
    }

    public synchronized void append(String chunk) {
        text.append(chunk);
        if (text.length() > limit) {
            text.delete(0, text.length() - limit);
        }
    }

    @Override
    public synchronized String toString() {
        return text.toString();
    }
}

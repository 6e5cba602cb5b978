package io.devopsparadise.instances.runtime;

/** Receives a command's output as it is produced. Called from engine threads. */
@FunctionalInterface
public interface OutputListener {

    enum Stream {
        STDOUT,
        STDERR
    }

    void onOutput(Stream stream, String text);

    OutputListener NONE = (stream, text) -> {};
}

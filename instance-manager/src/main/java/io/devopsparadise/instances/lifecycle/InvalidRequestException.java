package io.devopsparadise.instances.lifecycle;

/** A request the manager cannot act on as given; the message says what to change. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}

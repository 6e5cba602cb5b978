package io.devopsparadise.quality.runs;

public class NoInstanceException extends RuntimeException {

    public NoInstanceException(String clientId) {
        super("Client " + clientId
                + " has no instance to run the tools in; connect it through the gateway (or provision one) first");
    }
}

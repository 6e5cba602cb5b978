package io.devopsparadise.gateway.clients;

public class DuplicateClientException extends RuntimeException {

    public DuplicateClientException(String name) {
        super("A client named " + name + " is already registered; rotate its token or delete it first");
    }
}

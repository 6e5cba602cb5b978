package io.devopsparadise.gateway.clients;

public class ClientNotFoundException extends RuntimeException {

    public ClientNotFoundException(String id) {
        super("No client with id " + id);
    }
}

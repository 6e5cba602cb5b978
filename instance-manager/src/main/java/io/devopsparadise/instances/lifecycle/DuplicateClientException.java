package io.devopsparadise.instances.lifecycle;

public class DuplicateClientException extends RuntimeException {

    private final String existingInstanceId;

    public DuplicateClientException(String clientId, String existingInstanceId) {
        super("Client " + clientId + " already has instance " + existingInstanceId + "; delete it first or use it");
        this.existingInstanceId = existingInstanceId;
    }

    public String existingInstanceId() {
        return existingInstanceId;
    }
}

package io.devopsparadise.instances.runtime;

public class EngineUnavailableException extends RuntimeException {

    public EngineUnavailableException(String engine, String reason, Throwable cause) {
        super("The " + engine + " engine is unreachable: " + reason
                + (engine.equals("docker") ? ". Start dockerd (or set DOCKER_HOST), or use a process profile." : ""), cause);
    }
}

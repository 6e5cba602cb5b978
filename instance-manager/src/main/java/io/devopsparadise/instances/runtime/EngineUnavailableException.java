package io.devopsparadise.instances.runtime;

import io.devopsparadise.contracts.instances.Engine;

public class EngineUnavailableException extends RuntimeException {

    public EngineUnavailableException(Engine engine, String reason, Throwable cause) {
        super(
                "The " + engine + " engine is unreachable: " + reason
                        + (engine == Engine.DOCKER
                                ? ". Start dockerd (or set DOCKER_HOST), or use a process profile."
                                : ""),
                cause);
    }
}

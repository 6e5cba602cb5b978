package io.devopsparadise.contracts.instances;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What runs an instance: a container on a Docker engine, or a local process. Written as its id, "docker" or "process". */
public enum Engine {
    DOCKER("docker"),
    PROCESS("process");

    private final String id;

    Engine(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Engine of(String id) {
        return Arrays.stream(values())
                .filter(engine -> engine.id.equals(id))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("no engine '" + id + "'; the engines are docker and process"));
    }

    @Override
    public String toString() {
        return id;
    }
}

package io.devopsparadise.quality.profiles;

import java.util.Collection;

public class UnknownQualityProfileException extends RuntimeException {

    public UnknownQualityProfileException(String name, Collection<String> known) {
        super("Unknown quality profile '" + name + "'; known profiles: " + String.join(", ", known));
    }
}

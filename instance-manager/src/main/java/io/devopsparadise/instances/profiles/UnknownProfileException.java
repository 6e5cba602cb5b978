package io.devopsparadise.instances.profiles;

import java.util.Collection;

public class UnknownProfileException extends RuntimeException {

    public UnknownProfileException(String name, Collection<String> known) {
        super("Unknown backend profile '" + name + "'; known profiles: " + String.join(", ", known));
    }
}

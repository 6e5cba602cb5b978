package io.devopsparadise.security;

/** A secret file or the data directory could be read or changed by someone other than the platform's user. */
public class InsecureFileException extends IllegalStateException {

    public InsecureFileException(String message) {
        super(message);
    }
}

package io.devopsparadise.quality.runs;

public class RunNotFoundException extends RuntimeException {

    public RunNotFoundException(String id) {
        super("No quality run with id " + id);
    }

    RunNotFoundException(String id, String why) {
        super(why);
    }
}

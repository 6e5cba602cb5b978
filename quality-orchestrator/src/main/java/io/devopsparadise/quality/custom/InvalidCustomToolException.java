package io.devopsparadise.quality.custom;

/** One setting of a project's own tool command that breaks a rule; {@link #field()} names it (command, report.path, …). */
public class InvalidCustomToolException extends RuntimeException {

    private final String field;

    public InvalidCustomToolException(String field, String why) {
        super(field + " " + why);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

package io.devopsparadise.quality.projectrules;

/** A workspace's configuration file that cannot be read: too large, not a regular file, or malformed at a line. */
public class UnreadableConfigException extends RuntimeException {

    private final String file;

    public UnreadableConfigException(String file, String why) {
        super(file + ": " + why);
        this.file = file;
    }

    public UnreadableConfigException(String file, int line, String why) {
        this(file, "line " + line + ": " + why);
    }

    /** The file, relative to the workspace. */
    public String file() {
        return file;
    }
}

package io.devopsparadise.quality.profiles;

import java.nio.file.Path;

/** The custom quality profiles file cannot be used: names the file and the key at fault. */
public class InvalidProfilesFileException extends RuntimeException {

    public InvalidProfilesFileException(Path file, String why) {
        super("quality profiles file " + file + ": " + why + " (check it with paradise-cli validate-profiles " + file
                + ")");
    }
}

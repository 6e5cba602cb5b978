package io.devopsparadise.reports.render;

import java.io.IOException;

/** A step of a report's path is a link or not a directory: nothing is written through it. */
public class ReportPathException extends IOException {

    public ReportPathException(String message) {
        super(message);
    }
}

package io.devopsparadise.quality.insights.history;

/** A commit, or a range's end, that the workspace's repository does not have. */
public class UnknownRevisionException extends RuntimeException {

    public UnknownRevisionException(String revision) {
        super("the workspace's repository has no commit '" + revision
                + "': give a commit id, a branch or a tag (HEAD~3 works)");
    }
}

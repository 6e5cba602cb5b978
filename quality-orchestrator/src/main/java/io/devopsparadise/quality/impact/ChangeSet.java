package io.devopsparadise.quality.impact;

import java.util.List;

/**
 * What changed between a base commit and the code under test (the working tree, or a head commit).
 *
 * @param base    the commit compared against (a merge-base when a branch was given)
 * @param head    the head commit; null when the working tree, committed or not, is compared
 * @param tooLarge the change touched more files than are analysed one by one: run everything
 */
record ChangeSet(String base, String head, List<FileChange> files, boolean tooLarge) {

    ChangeSet {
        files = List.copyOf(files);
    }
}

package io.devopsparadise.quality.insights.risk;

import io.devopsparadise.quality.insights.history.CommitChange;
import io.devopsparadise.quality.insights.history.CommitHistory;
import io.devopsparadise.quality.insights.history.HistoryLimits;
import io.devopsparadise.quality.insights.history.Szz;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.Repository;

/**
 * A repository's commits, oldest first, each with the features it had when it was made and whether SZZ traced a later
 * fix to it; and what the whole history knows, for scoring a change made now.
 */
public record LabelledHistory(
        List<CommitChange> commits, List<ChangeFeatures> features, boolean[] buggy, FeatureHistory now) {

    /** A fix touching more source files than this is taken for a refactoring by SZZ. */
    static final int MAX_FIX_FILES = 10;

    public static LabelledHistory read(Repository repository, HistoryLimits limits) throws IOException {
        List<CommitChange> commits = new CommitHistory(repository, limits).commits();
        Map<String, Set<String>> introducing = new Szz(repository, MAX_FIX_FILES).bugIntroducing(commits);
        FeatureHistory replay = new FeatureHistory();
        List<ChangeFeatures> features = new ArrayList<>(commits.size());
        boolean[] buggy = new boolean[commits.size()];
        for (int i = 0; i < commits.size(); i++) {
            CommitChange commit = commits.get(i);
            features.add(replay.featuresOf(commit));
            replay.record(commit);
            buggy[i] = introducing.containsKey(commit.id());
        }
        return new LabelledHistory(commits, features, buggy, replay);
    }

    public int size() {
        return commits.size();
    }

    public int buggyCount() {
        int count = 0;
        for (boolean b : buggy) {
            count += b ? 1 : 0;
        }
        return count;
    }

    /** The first {@code n} commits. */
    public LabelledHistory oldest(int n) {
        return new LabelledHistory(
                commits.subList(0, n), features.subList(0, n), java.util.Arrays.copyOf(buggy, n), null);
    }

    /** The features of the commits from {@code from} on. */
    public List<ChangeFeatures> featuresFrom(int from) {
        return features.subList(from, features.size());
    }

    /** What the history knew just after the given commit (replayed again). */
    public FeatureHistory after(String commitId) {
        FeatureHistory replay = new FeatureHistory();
        for (CommitChange commit : commits) {
            replay.record(commit);
            if (commit.id().equals(commitId)) {
                return replay;
            }
        }
        return replay;
    }
}

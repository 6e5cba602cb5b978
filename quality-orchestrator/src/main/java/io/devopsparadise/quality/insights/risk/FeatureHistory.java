package io.devopsparadise.quality.insights.risk;

import io.devopsparadise.quality.insights.history.ChangedFile;
import io.devopsparadise.quality.insights.history.CommitChange;
import io.devopsparadise.quality.insights.history.FixCommits;
import io.devopsparadise.quality.insights.history.SourceFiles;
import io.devopsparadise.quality.insights.history.TestFiles;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a repository's history knows before a change: per file, when it last changed, how often, by whom, how many
 * fixes; per author, how many commits. Replayed oldest first, it gives every commit's features from its past only.
 */
public final class FeatureHistory {

    private final Map<String, FileRecord> files = new HashMap<>();
    private final Map<String, Integer> authorCommits = new HashMap<>();
    private int commits;

    /** The features of a change against what is known so far. */
    public ChangeFeatures featuresOf(CommitChange change) {
        Map<Feature, Double> values = new EnumMap<>(Feature.class);
        List<ChangedFile> touched = change.files();
        List<ChangedFile> sources =
                touched.stream().filter(f -> SourceFiles.isSource(f.path())).toList();
        values.put(Feature.LINES_ADDED, (double)
                sources.stream().mapToInt(ChangedFile::added).sum());
        values.put(Feature.LINES_DELETED, (double)
                sources.stream().mapToInt(ChangedFile::deleted).sum());
        values.put(
                Feature.OTHER_LINES,
                (double) (change.linesAdded() + change.linesDeleted())
                        - values.get(Feature.LINES_ADDED)
                        - values.get(Feature.LINES_DELETED));
        values.put(
                Feature.TEST_SHARE,
                share(
                        sources.stream()
                                .filter(f -> TestFiles.isTest(f.path()))
                                .mapToInt(ChangedFile::linesChanged)
                                .sum(),
                        sources.stream().mapToInt(ChangedFile::linesChanged).sum()));
        values.put(Feature.FILES, (double) touched.size());
        values.put(Feature.DIRECTORIES, (double)
                touched.stream().map(ChangedFile::directory).distinct().count());
        values.put(Feature.SUBSYSTEMS, (double)
                touched.stream().map(ChangedFile::subsystem).distinct().count());
        values.put(Feature.ENTROPY, entropy(touched));
        values.put(Feature.FIX, FixCommits.isFix(change.message()) ? 1.0 : 0.0);
        values.put(
                Feature.AUTHOR_EXPERIENCE,
                commits == 0 ? 0 : authorCommits.getOrDefault(change.author(), 0) / (double) commits);
        double ageDays = 0;
        int known = 0;
        int prior = 0;
        int fixes = 0;
        int authorFile = 0;
        Set<String> developers = new HashSet<>();
        for (ChangedFile file : touched) {
            FileRecord past = files.get(file.oldPath() == null ? file.path() : file.oldPath());
            if (past == null) {
                continue;
            }
            known++;
            ageDays +=
                    Math.max(0, Duration.between(past.lastChange, change.time()).toHours() / 24.0);
            prior += past.changes;
            fixes += past.fixes;
            authorFile += past.byAuthor.getOrDefault(change.author(), 0);
            developers.addAll(past.byAuthor.keySet());
        }
        values.put(Feature.FILE_AGE, known == 0 ? 0 : ageDays / known);
        values.put(Feature.PRIOR_CHANGES, known == 0 ? 0 : prior / (double) known);
        values.put(Feature.PAST_FIXES, known == 0 ? 0 : fixes / (double) known);
        values.put(Feature.AUTHOR_FILE_EXPERIENCE, prior == 0 ? 0 : authorFile / (double) prior);
        values.put(Feature.DEVELOPERS, (double) developers.size());
        return new ChangeFeatures(values);
    }

    /** Adds a change to what is known. */
    public void record(CommitChange change) {
        boolean fix = FixCommits.isFix(change.message());
        authorCommits.merge(change.author(), 1, Integer::sum);
        commits++;
        for (ChangedFile file : change.files()) {
            FileRecord record = file.oldPath() != null && !file.oldPath().equals(file.path())
                    ? files.remove(file.oldPath())
                    : files.get(file.path());
            if (record == null) {
                record = new FileRecord();
            }
            files.put(file.path(), record);
            record.lastChange = change.time();
            record.changes++;
            record.fixes += fix ? 1 : 0;
            record.byAuthor.merge(change.author(), 1, Integer::sum);
        }
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }

    /** How evenly the change's lines spread over its files: 0 for one file, 1 for an even spread (Kamei's entropy). */
    static double entropy(List<ChangedFile> touched) {
        double total = touched.stream().mapToInt(ChangedFile::linesChanged).sum();
        if (touched.size() < 2 || total == 0) {
            return 0;
        }
        double entropy = 0;
        for (ChangedFile file : touched) {
            double share = file.linesChanged() / total;
            if (share > 0) {
                entropy -= share * Math.log(share);
            }
        }
        return entropy / Math.log(touched.size());
    }

    private static final class FileRecord {
        private java.time.Instant lastChange;
        private int changes;
        private int fixes;
        private final Map<String, Integer> byAuthor = new HashMap<>();
    }
}

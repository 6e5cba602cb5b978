package io.devopsparadise.quality.insights.history;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.blame.BlameGenerator;
import org.eclipse.jgit.blame.BlameResult;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * SZZ (Śliwerski, Zimmermann and Zeller, 2005): the commits that introduced bugs are those that last touched the lines a
 * later fixing commit deleted or modified, found by blaming the fix's parent. As in its refined variants, whitespace is
 * ignored, renames are followed, blank and comment-only lines are skipped, only source files count, and a "fix"
 * touching more than {@code maxFixFiles} source files is taken for a refactoring and left out.
 */
public final class Szz {

    private final Repository repository;
    private final int maxFixFiles;

    public Szz(Repository repository, int maxFixFiles) {
        this.repository = repository;
        this.maxFixFiles = maxFixFiles;
    }

    /** For each bug-introducing commit, the fixing commits that point at it. */
    public Map<String, Set<String>> bugIntroducing(List<CommitChange> history) throws IOException {
        Map<String, Set<String>> introducedBy = new HashMap<>();
        for (CommitChange fix : history) {
            if (fix.parent() == null || !FixCommits.isFix(fix.message())) {
                continue;
            }
            List<ChangedFile> sources = fix.files().stream()
                    .filter(f -> f.oldPath() != null && !f.parentLines().isEmpty() && SourceFiles.isSource(f.oldPath()))
                    .toList();
            if (sources.size() > maxFixFiles) {
                continue;
            }
            for (ChangedFile file : sources) {
                for (String origin : origins(fix.parent(), file)) {
                    introducedBy.computeIfAbsent(origin, k -> new HashSet<>()).add(fix.id());
                }
            }
        }
        return introducedBy;
    }

    private Set<String> origins(String parent, ChangedFile file) throws IOException {
        Set<String> origins = new HashSet<>();
        try (BlameGenerator generator = new BlameGenerator(repository, file.oldPath())) {
            generator.setTextComparator(RawTextComparator.WS_IGNORE_ALL);
            generator.setFollowFileRenames(true);
            generator.push(null, repository.resolve(parent));
            BlameResult blame = BlameResult.create(generator);
            if (blame == null) {
                return origins;
            }
            RawText text = blame.getResultContents();
            for (LineSpan span : file.parentLines()) {
                int end = Math.min(span.end(), text.size());
                if (span.start() >= end) {
                    continue;
                }
                blame.computeRange(span.start(), end);
                for (int line = span.start(); line < end; line++) {
                    RevCommit source = blame.getSourceCommit(line);
                    if (source != null && !SourceFiles.isBlankOrComment(text.getString(line))) {
                        origins.add(source.name());
                    }
                }
            }
        }
        return origins;
    }
}

package io.devopsparadise.quality.profiles;

import io.devopsparadise.contracts.quality.ProfileRules;
import io.devopsparadise.contracts.quality.Severity;
import io.devopsparadise.contracts.quality.ToolCategory;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** The configured quality profiles (built in, then the operator's profiles file), checked at start-up. */
@Component
public class QualityProfiles {

    private final Map<String, QualityProfile> byName = new TreeMap<>();

    QualityProfiles(QualityProperties properties) {
        properties.profiles().forEach((name, raw) -> byName.put(name, toProfile(name, raw)));
        ProfilesFile.read(properties.profilesFile()).forEach((name, raw) -> byName.put(name, toProfile(name, raw)));
    }

    /** Every configured profile, by name. */
    public java.util.Collection<QualityProfile> all() {
        return java.util.List.copyOf(byName.values());
    }

    public QualityProfile get(String name) {
        QualityProfile profile = byName.get(name == null || name.isBlank() ? "standard" : name);
        if (profile == null) {
            throw new UnknownQualityProfileException(name, byName.keySet());
        }
        return profile;
    }

    static QualityProfile toProfile(String name, QualityProperties.ProfileProperties raw) {
        if (raw.categories() == null || raw.categories().isEmpty()) {
            throw new IllegalArgumentException(
                    "quality profile " + name + " names no categories; choose from " + ProfileRules.CATEGORIES);
        }
        // a loop, not a stream: the start script shows the end of a failed start's log, and this message must be in it
        Set<ToolCategory> categories = EnumSet.noneOf(ToolCategory.class);
        for (String category : raw.categories()) {
            Optional<ToolCategory> known = ToolCategory.find(category);
            if (known.isEmpty()) {
                throw new IllegalArgumentException("quality profile " + name + ": unknown category '" + category
                        + "'; choose from " + ProfileRules.CATEGORIES);
            }
            categories.add(known.get());
        }
        return new QualityProfile(
                name,
                categories,
                raw.toolTimeout(),
                raw.minLineCoverage(),
                limits(name, raw.maxFindings()),
                limits(name, raw.maxNewFindings()),
                raw.minChangedLineCoverage(),
                raw.failFast(),
                raw.targetUrl(),
                raw.minPerformanceScore(),
                raw.runUnconfiguredLinters(),
                raw.judgeUnconfiguredLinters(),
                raw.changedOnly(),
                raw.fullTests(),
                raw.reuseResults());
    }

    private static Map<Severity, Integer> limits(String profile, Map<String, Integer> raw) {
        Map<Severity, Integer> limits = new EnumMap<>(Severity.class);
        if (raw != null) {
            raw.forEach((severity, max) -> {
                if (max == null || max < 0) {
                    throw new IllegalArgumentException(
                            "quality profile " + profile + ": the limit for " + severity + " must be 0 or more");
                }
                limits.put(severity(profile, severity), max);
            });
        }
        return limits;
    }

    private static Severity severity(String profile, String value) {
        try {
            return Severity.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "quality profile " + profile + ": unknown severity '" + value
                            + "' in max-findings or max-new-findings",
                    e);
        }
    }
}

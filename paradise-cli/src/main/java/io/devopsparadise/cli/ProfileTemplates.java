package io.devopsparadise.cli;

import io.devopsparadise.contracts.quality.ProfileRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A commented custom quality profile to start from, based on one of the built-in ones. */
final class ProfileTemplates {

    private record Preset(String categories, String timeout, String coverage) {}

    private static final Map<String, Preset> PRESETS = Map.of(
            "quick", new Preset("unit", "5m", "0"),
            "standard", new Preset("unit, lint, security", "10m", "0.6"),
            "comprehensive", new Preset("unit, lint, security, api, e2e, performance", "20m", "0.8"));

    String render(String name, String basedOn) {
        if (!name.matches(ProfileRules.NAME)) {
            throw CliException.usage("profile name '" + name + "' is not allowed: use letters, digits, '-' or '_'");
        }
        Preset preset = PRESETS.get(basedOn);
        if (preset == null) {
            throw CliException.usage("--from must be one of " + PRESETS.keySet() + ", got '" + basedOn + "'");
        }
        return template()
                .replace("{{name}}", name)
                .replace("{{categories}}", preset.categories())
                .replace("{{timeout}}", preset.timeout())
                .replace("{{coverage}}", preset.coverage());
    }

    private static String template() {
        try (InputStream in = ProfileTemplates.class.getResourceAsStream("/templates/quality-profile.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

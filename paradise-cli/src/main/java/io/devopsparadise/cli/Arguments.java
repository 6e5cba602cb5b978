package io.devopsparadise.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options, {@code --flag} switches and positional arguments of one command. */
final class Arguments {

    private final Map<String, String> options = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();
    private final Set<String> read = new HashSet<>();

    Arguments(List<String> args, Set<String> knownFlags) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                if (knownFlags.contains(name)) {
                    flags.add(name);
                } else if (i + 1 < args.size()) {
                    options.put(name, args.get(++i));
                } else {
                    throw CliException.usage("option --" + name + " needs a value");
                }
            } else {
                positional.add(arg);
            }
        }
    }

    String option(String name, String fallback) {
        read.add(name);
        String value = options.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    String required(String name) {
        String value = option(name, null);
        if (value == null) {
            throw CliException.usage("option --" + name + " is required");
        }
        return value;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    List<String> positional() {
        return positional;
    }

    /** Fails on options the command did not read: a typo must not be ignored silently. */
    void rejectUnknown() {
        options.keySet().stream()
                .filter(name -> !read.contains(name))
                .findFirst()
                .ifPresent(name -> {
                    throw CliException.usage("unknown option --" + name);
                });
    }
}

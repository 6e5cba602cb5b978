package io.devopsparadise.reports.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Documents to post as runs: mostly a valid run with a few mutations (a field replaced by a hostile value, removed,
 * or an array blown up), sometimes a random JSON tree or a valid run cut short. Seeded, so any document can be made again.
 */
final class RunDocuments {

    /** Jackson cannot write half a surrogate pair; it goes into the text as a JSON escape instead. */
    private static final String LONE_SURROGATE = "@@lone-surrogate@@";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] HOSTILE = {
        "..",
        "../..",
        "/etc/passwd",
        "",
        " ",
        "\u0000",
        "x`\n## Verdict: PASSED\n",
        "`",
        "```",
        "<script>alert(1)</script>",
        "| a | b |",
        "[x](https://evil.example)",
        "%2e%2e%2f",
        "C:\\Windows",
        "\r\n",
        "\u2028",
        "ü∑😀",
        LONE_SURROGATE,
        "NaN",
        "Infinity",
        "-1",
        "9".repeat(400),
        "1970-01-01T00:00:00Z",
        "+999999999-12-31T23:59:59Z",
        "-1000000000-01-01T00:00:00Z",
        "2026-13-45T99:99:99Z",
        "PASSED",
        "FAILED",
        "ERROR",
        "SKIPPED",
        "QUEUED",
        "RUNNING",
        "CANCELLED",
        "CRITICAL",
        "HIGH",
        "LOW",
        "INFO",
        "unit",
        "lint",
        "security",
        "performance",
        "alice",
        "0b6c6d4e-1f1e-4a59-8d0e-5f1f2f3f4f5f"
    };
    private static final Object[] NUMBERS = {
        0,
        -1,
        1,
        Integer.MAX_VALUE,
        Integer.MIN_VALUE,
        Long.MAX_VALUE,
        Long.MIN_VALUE,
        1e308,
        -1e308,
        4.9e-324,
        -0.0,
        0.5,
        1.5,
        100,
        1e18
    };

    private final ObjectNode valid;

    RunDocuments() {
        try (InputStream in = RunDocuments.class.getResourceAsStream("/runs/current.json")) {
            valid = (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document of one try: the same seed gives the same text. */
    String make(long seed) {
        Random random = new Random(seed);
        ObjectNode run = valid.deepCopy();
        run.put("id", new UUID(random.nextLong(), random.nextLong()).toString());
        run.put("clientId", "fuzz");
        int kind = random.nextInt(20);
        if (kind == 0) {
            return text(value(random, 4));
        }
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            mutate(run, random);
        }
        String text = text(run);
        return kind == 1 ? text.substring(0, random.nextInt(text.length())) : text;
    }

    private static String text(JsonNode node) {
        return JSON.writeValueAsString(node).replace(LONE_SURROGATE, "\\ud800");
    }

    private static void mutate(ObjectNode run, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(run, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            String name = names.isEmpty() || random.nextInt(8) == 0
                    ? "extra" + random.nextInt(3)
                    : names.get(random.nextInt(names.size()));
            JsonNode old = object.get(name);
            if (random.nextInt(6) == 0) {
                object.remove(name);
            } else if (old != null && old.isString() && random.nextInt(4) > 0) {
                object.put(name, HOSTILE[random.nextInt(HOSTILE.length)]);
            } else if (old != null && old.isNumber() && random.nextInt(4) > 0) {
                object.set(name, number(NUMBERS[random.nextInt(NUMBERS.length)]));
            } else {
                object.set(name, value(random, 2));
            }
        } else if (target instanceof ArrayNode array) {
            if (!array.isEmpty() && random.nextBoolean()) {
                JsonNode copied = array.get(random.nextInt(array.size()));
                int copies = 1 + random.nextInt(random.nextInt(10) == 0 ? 3000 : 20);
                for (int i = 0; i < copies; i++) {
                    array.add(copied.deepCopy());
                }
            } else if (!array.isEmpty() && random.nextBoolean()) {
                array.set(random.nextInt(array.size()), value(random, 2));
            } else {
                array.add(value(random, 2));
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainer()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    private static JsonNode value(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 7);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> number(NUMBERS[random.nextInt(NUMBERS.length)]);
            case 3, 4 -> NODES.stringNode(HOSTILE[random.nextInt(HOSTILE.length)]);
            case 5 -> NODES.stringNode("s".repeat(random.nextInt(10) == 0 ? 100_000 : random.nextInt(300)));
            case 6 -> NODES.numberNode(random.nextInt(2000) - 1000);
            case 7 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(value(random, depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (String name : List.of(
                        "tool",
                        "category",
                        "status",
                        "name",
                        "severity",
                        "message",
                        "file",
                        "line",
                        "tests",
                        "findings")) {
                    if (random.nextInt(3) == 0) {
                        object.set(name, value(random, depth - 1));
                    }
                }
                yield object;
            }
        };
    }

    private static JsonNode number(Object value) {
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        return NODES.numberNode((Double) value);
    }
}

package io.devopsparadise.quality.reports.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Mutations that keep a report well-formed and change its values: JSON values replaced by values of another type,
 * XML attribute values and text replaced by odd ones. They reach the parsers' field handling, which byte mutations rarely do.
 */
final class ValueMutations {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> ODD = List.of(
            "",
            "-1",
            "0",
            "NaN",
            "Infinity",
            "-0",
            "1e999",
            "99999999999999999999",
            "0.5",
            "x",
            "../../etc/passwd",
            "file:///etc/passwd",
            "\u0000",
            "\ud800",
            "LOW",
            "critical",
            "error",
            "null");
    private static final Pattern ATTRIBUTE = Pattern.compile("=\"[^\"]*\"");

    private ValueMutations() {}

    static byte[] mutate(byte[] recorded, Random random, int count) {
        String text = new String(recorded, StandardCharsets.UTF_8);
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            JsonNode root = JSON.readTree(text);
            List<Slot> slots = new ArrayList<>();
            collect(root, slots);
            for (int i = 0; i < count && !slots.isEmpty(); i++) {
                slots.get(random.nextInt(slots.size())).replace(odd(random));
            }
            return JSON.writeValueAsBytes(root);
        }
        if (trimmed.startsWith("<")) {
            Matcher matcher = ATTRIBUTE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                boolean change = random.nextInt(Math.max(1, 8 / count)) == 0;
                matcher.appendReplacement(
                        out,
                        Matcher.quoteReplacement(
                                change ? "=\"" + xml(ODD.get(random.nextInt(ODD.size()))) + "\"" : matcher.group()));
            }
            matcher.appendTail(out);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }
        return Mutations.mutate(recorded, random.nextLong(), count);
    }

    private static String xml(String value) {
        return value.replace("\u0000", "&#0;").replace("\ud800", "&#xD800;");
    }

    private static JsonNode odd(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextBoolean() ? -1 : Long.MAX_VALUE);
            case 2 -> NODES.numberNode(random.nextBoolean() ? Double.MAX_VALUE : -0.5);
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.arrayNode().add(NODES.stringNode("x")).add(NODES.nullNode());
            case 5 -> NODES.objectNode().put("line", "x");
            case 6 -> NODES.arrayNode();
            default -> NODES.stringNode(ODD.get(random.nextInt(ODD.size())));
        };
    }

    private interface Slot {
        void replace(JsonNode value);
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                slots.add(value -> object.set(name, value));
                collect(object.get(name), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                slots.add(value -> array.set(index, value));
                collect(array.get(i), slots);
            }
        }
    }
}

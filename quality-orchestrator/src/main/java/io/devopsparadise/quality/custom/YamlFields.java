package io.devopsparadise.quality.custom;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** The settings of one YAML mapping, by key, each problem reported with the line SnakeYAML marks. */
final class YamlFields {

    private final Map<String, Node> byKey;

    private YamlFields(Map<String, Node> byKey) {
        this.byKey = byKey;
    }

    /** The mapping's known settings; a node that is no mapping, an unknown or a repeated key is a problem. */
    static YamlFields of(Node node, String where, Set<String> known, List<String> problems) {
        Map<String, Node> byKey = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            problems.add(at(node) + (where.isEmpty() ? "the file" : where) + " must be a mapping of "
                    + new TreeSet<>(known));
            return new YamlFields(byKey);
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (key == null || !known.contains(key)) {
                problems.add(at(tuple.getKeyNode())
                        + (key == null
                                ? where + " has a key that is not a name"
                                : path(where, CustomTool.shorten(key)) + " is not a setting")
                        + "; known: " + new TreeSet<>(known));
            } else if (byKey.put(key, tuple.getValueNode()) != null) {
                problems.add(at(tuple.getKeyNode()) + path(where, key) + " is given twice");
            }
        }
        return new YamlFields(byKey);
    }

    private static String path(String where, String key) {
        return where.isEmpty() ? key : where + "." + key;
    }

    /** {@code line N: } for a node, or nothing when SnakeYAML marks none. */
    static String at(Node node) {
        return node == null || node.getStartMark() == null
                ? ""
                : "line " + (node.getStartMark().getLine() + 1) + ": ";
    }

    Node get(String key) {
        return byKey.get(key);
    }

    /** A string setting; null when absent or null. */
    String string(String key, String where, List<String> problems) {
        Node node = byKey.get(key);
        if (node instanceof ScalarNode scalar
                && (scalar.getTag().equals(Tag.STR) || scalar.getTag().equals(Tag.NULL))) {
            return scalar.getTag().equals(Tag.NULL) ? null : scalar.getValue();
        }
        if (node != null) {
            problems.add(at(node) + where + "." + key + " must be a string" + quoteHint(node));
        }
        return null;
    }

    /** A nested mapping; null when absent. */
    YamlFields mapping(String key, String where, Set<String> known, List<String> problems) {
        Node node = byKey.get(key);
        return node == null ? null : of(node, where + "." + key, known, problems);
    }

    static String quoteHint(Node node) {
        return node instanceof ScalarNode scalar
                ? " (quote it: \"" + CustomTool.shorten(scalar.getValue()) + "\")"
                : "";
    }
}

package io.devopsparadise.quality.custom;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A workspace's own tool commands, from {@code .paradise.yml} at its root. The file is the workspace's, so untrusted:
 * read only as a regular file (never through a symbolic link), at most {@link #MAX_BYTES}, composed by SnakeYAML into
 * plain nodes (no types, few aliases, shallow), and every problem is reported with its line.
 */
public final class ParadiseYml {

    public static final String FILE = ".paradise.yml";
    static final int MAX_BYTES = 64 * 1024;
    static final int MAX_TOOLS = 20;

    private ParadiseYml() {}

    /**
     * The tools the workspace gives; none when it has no {@code .paradise.yml}.
     *
     * @throws InvalidParadiseYmlException naming every problem, when the file cannot be used
     */
    public static List<CustomTool> read(Path workspace) {
        Path file = workspace.resolve(FILE);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        return parse(text(file));
    }

    static List<CustomTool> parse(String text) {
        Node root = compose(text);
        List<String> problems = new ArrayList<>();
        List<CustomTool> tools = new ArrayList<>();
        if (root == null) {
            return List.of();
        }
        Node list = YamlFields.of(root, "", Set.of("tools"), problems).get("tools");
        if (list != null && !(list instanceof SequenceNode)) {
            problems.add(YamlFields.at(list) + "tools must be a list of tools, each {name, category, command, report}");
        } else if (list != null) {
            tools(((SequenceNode) list).getValue(), problems, tools);
        }
        if (!problems.isEmpty()) {
            throw new InvalidParadiseYmlException(problems);
        }
        return List.copyOf(tools);
    }

    private static void tools(List<Node> entries, List<String> problems, List<CustomTool> tools) {
        if (entries.size() > MAX_TOOLS) {
            problems.add(
                    YamlFields.at(entries.get(MAX_TOOLS)) + "at most " + MAX_TOOLS + " tools, got " + entries.size());
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = "tools[" + i + "]";
            Node entry = entries.get(i);
            YamlTool.of(entry, where, problems).ifPresent(tool -> {
                if (!names.add(tool.name())) {
                    problems.add(YamlFields.at(entry) + where + ".name '" + tool.name() + "' is given twice");
                }
                tools.add(tool);
            });
        }
    }

    private static Node compose(String text) {
        try {
            return yaml().compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String why = e.getProblem() == null ? e.getContext() : e.getProblem();
            throw new InvalidParadiseYmlException(
                    List.of((mark == null ? "" : "line " + (mark.getLine() + 1) + ": ") + "not valid YAML: " + why));
        } catch (YAMLException e) {
            throw new InvalidParadiseYmlException(List.of("not read: " + CustomTool.shorten(e.getMessage())));
        }
    }

    /** SnakeYAML limited for untrusted text: safe types only, few aliases (no alias bombs), shallow nesting, bounded size. */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(MAX_BYTES);
        options.setNestingDepthLimit(10);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
    }

    private static String text(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidParadiseYmlException(
                    List.of("not a regular file (a symbolic link or a directory); not read"));
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new InvalidParadiseYmlException(List.of("larger than 64 KiB; not read"));
            }
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidParadiseYmlException(List.of("not UTF-8 text"));
        } catch (IOException e) {
            throw new InvalidParadiseYmlException(
                    List.of("cannot be read (" + e.getClass().getSimpleName() + ")"));
        }
    }
}

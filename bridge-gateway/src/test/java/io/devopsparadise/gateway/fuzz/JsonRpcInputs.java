package io.devopsparadise.gateway.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** What a hostile client may send as an MCP body: JSON-RPC-shaped JSON, broken JSON, deep nesting and raw bytes. */
public final class JsonRpcInputs {

    private static final List<String> KEYS = List.of(
            "jsonrpc",
            "id",
            "method",
            "params",
            "result",
            "error",
            "name",
            "uri",
            "protocolVersion",
            "_meta",
            "arguments",
            "io.modelcontextprotocol/protocolVersion",
            "capabilities",
            "clientInfo");
    private static final List<String> METHODS = List.of(
            "initialize",
            "ping",
            "tools/list",
            "tools/call",
            "resources/read",
            "prompts/get",
            "server/discover",
            "subscriptions/listen",
            "notifications/initialized",
            "",
            "\u0000",
            "tools/call\n");
    private static final List<String> STRAY =
            List.of("\"", "{", "}", "[", "]", ",", ":", "\\", "\\u", "\u0000", "\uD800", "/*", "NaN", "'");
    private static final List<String> ODD_NUMBERS =
            List.of("1.5", "-0", "1e400", "1e999", "12345678901234567890123", "0x10", "01");

    private JsonRpcInputs() {}

    /** Any of the shapes below, as bytes. */
    public static byte[] body(Random random) {
        int shape = random.nextInt(10);
        if (shape < 6) {
            return utf8(messages(random));
        }
        if (shape < 8) {
            return utf8(mutated(random, messages(random)));
        }
        if (shape < 9) {
            return utf8(deepNesting(random));
        }
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** One message or a batch of them, JSON-RPC-like but with every field possibly of the wrong type. */
    public static String messages(Random random) {
        int shape = random.nextInt(7);
        if (shape < 5) {
            return message(random);
        }
        if (shape < 6) {
            StringBuilder batch = new StringBuilder("[");
            for (int i = random.nextInt(5); i > 0; i--) {
                batch.append(batch.length() > 1 ? "," : "").append(message(random));
            }
            return batch.append(']').toString();
        }
        return value(random, 3);
    }

    private static String message(Random random) {
        StringBuilder out = new StringBuilder("{");
        if (random.nextInt(5) > 0) {
            field(out, "jsonrpc", pick(random, "\"2.0\"", "\"2.0\"", "\"2.0\"", "2.0", "\"1.0\"", value(random, 1)));
        }
        if (random.nextBoolean()) {
            field(
                    out,
                    "id",
                    pick(
                            random,
                            String.valueOf(random.nextInt()),
                            String.valueOf(random.nextLong()),
                            string(random),
                            "null",
                            ODD_NUMBERS.get(random.nextInt(ODD_NUMBERS.size())),
                            value(random, 2)));
        }
        if (random.nextInt(5) > 0) {
            field(
                    out,
                    "method",
                    pick(random, quote(METHODS.get(random.nextInt(METHODS.size()))), string(random), value(random, 2)));
        }
        if (random.nextBoolean()) {
            field(out, "params", random.nextInt(3) > 0 ? params(random) : value(random, 3));
        }
        if (random.nextInt(4) == 0) {
            field(out, pick(random, "result", "error"), value(random, 2));
        }
        return out.append('}').toString();
    }

    private static String params(Random random) {
        StringBuilder out = new StringBuilder("{");
        for (String key : List.of("name", "uri", "protocolVersion", "_meta", "arguments")) {
            if (random.nextInt(3) == 0) {
                field(out, key, value(random, 2));
            }
        }
        return out.append('}').toString();
    }

    /** Any JSON value, nested up to the given depth. */
    public static String value(Random random, int depth) {
        int shape = random.nextInt(depth <= 0 ? 4 : 6);
        return switch (shape) {
            case 0 -> string(random);
            case 1 -> String.valueOf(random.nextInt(5) == 0 ? random.nextLong() : random.nextInt(100));
            case 2 -> pick(random, "true", "false", "null", String.valueOf(random.nextDouble()));
            case 3 -> ODD_NUMBERS.get(random.nextInt(ODD_NUMBERS.size()));
            case 4 -> {
                StringBuilder array = new StringBuilder("[");
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.append(array.length() > 1 ? "," : "").append(value(random, depth - 1));
                }
                yield array.append(']').toString();
            }
            default -> {
                StringBuilder object = new StringBuilder("{");
                for (int i = random.nextInt(4); i > 0; i--) {
                    String key = random.nextBoolean() ? KEYS.get(random.nextInt(KEYS.size())) : text(random, 8);
                    field(object, key, value(random, depth - 1));
                }
                yield object.append('}').toString();
            }
        };
    }

    private static String string(Random random) {
        return quote(text(random, 20));
    }

    /** Any characters, control characters, lone surrogates and non-ASCII included. */
    private static String text(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            int kind = random.nextInt(6);
            text.append((char)
                    (kind == 0
                            ? random.nextInt(0x20)
                            : kind == 1 ? random.nextInt(0x10000) : ' ' + random.nextInt(95)));
        }
        return text.toString();
    }

    /** Valid-looking text, cut, spliced or sprinkled with stray characters. */
    private static String mutated(Random random, String text) {
        int at = random.nextInt(text.length() + 1);
        return switch (random.nextInt(3)) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + STRAY.get(random.nextInt(STRAY.size())) + text.substring(at);
            default -> text + text.substring(0, at);
        };
    }

    private static String deepNesting(Random random) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":"
                + pick(random, "[", "{\"a\":").repeat(400 + random.nextInt(20_000));
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    private static void field(StringBuilder out, String name, String value) {
        if (out.length() > 1) {
            out.append(',');
        }
        out.append(quote(name)).append(':').append(value);
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.append('"').toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

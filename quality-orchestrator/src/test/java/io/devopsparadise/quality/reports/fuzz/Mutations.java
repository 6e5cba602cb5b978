package io.devopsparadise.quality.reports.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Mutations of a valid report: flipped, dropped, repeated and inserted bytes, with tokens of the report's own syntax. */
final class Mutations {

    private static final List<String> TOKENS = List.of(
            // XML
            "<",
            ">",
            "/>",
            "</",
            "=\"",
            "\"",
            "&",
            "&a;",
            "&#0;",
            "&#x110000;",
            "<![CDATA[",
            "]]>",
            "<!--",
            "-->",
            "<?xml version=\"1.0\"?>",
            "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>",
            "&b;",
            "<testsuite>",
            "<testcase name=\"t\">",
            "</testcase>",
            "<failure message=\"m\">",
            "<error/>",
            "<skipped/>",
            "<properties>",
            "<coverage line-rate=\"2\">",
            "<class filename=\"\">",
            "<line number=\"x\" hits=\"-1\"/>",
            "<counter type=\"LINE\" missed=\"a\"/>",
            "<sourcefile>",
            "<package name=\"../../etc\">",
            "time=\"NaN\"",
            "time=\"-1e999\"",
            "line-rate=\"\"",
            // JSON
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            "null",
            "true",
            "false",
            "-1",
            "0",
            "1e999",
            "-0.0",
            "99999999999999999999999",
            "\"\\u0000\"",
            "\"\\ud800\"",
            "[[[[[[[[[[[[[[[[[[[[",
            "{\"a\":{\"a\":{\"a\":",
            "\"results\":",
            "\"comments\":",
            "\"vulnerabilities\":",
            "\"via\":",
            "\"severity\":",
            "\"auditReportVersion\":2",
            "\"runs\":",
            "\"locations\":[",
            "\"region\":",
            "\"startLine\":",
            "\"line\":",
            "\"categories\":",
            "\"score\":",
            "\"audits\":",
            "\"runtimeError\":",
            "\"error\":",
            "\"path\":",
            "\"message\":",
            // flake8
            "::",
            "\n",
            "\r\n",
            "a.py::1::1::E1::x",
            "::-1::",
            "::99999999999::");

    private Mutations() {}

    static byte[] mutate(byte[] seed, long randomSeed, int count) {
        Random random = new Random(randomSeed);
        byte[] current = seed;
        for (int i = 0; i < count; i++) {
            current = once(current, random);
        }
        return current;
    }

    private static byte[] once(byte[] input, Random random) {
        int at = input.length == 0 ? 0 : random.nextInt(input.length + 1);
        int length = input.length - at == 0 ? 0 : random.nextInt(Math.min(64, input.length - at) + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(input.length + 64);
        out.write(input, 0, at);
        switch (random.nextInt(6)) {
            case 0 -> { // flip a byte
                if (at < input.length) {
                    out.write(input[at] ^ (1 << random.nextInt(8)));
                    out.write(input, at + 1, input.length - at - 1);
                    return out.toByteArray();
                }
            }
            case 1 -> { // drop a range
                out.write(input, at + length, input.length - at - length);
                return out.toByteArray();
            }
            case 2 -> { // repeat a range
                for (int i = 0; i < 1 + random.nextInt(4); i++) {
                    out.write(input, at, length);
                }
            }
            case 3 -> { // cut the end off
                return out.toByteArray();
            }
            case 4 -> out.write(random.nextInt(256)); // a random byte
            default -> out.writeBytes(TOKENS.get(random.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8));
        }
        out.write(input, at, input.length - at);
        return out.toByteArray();
    }
}

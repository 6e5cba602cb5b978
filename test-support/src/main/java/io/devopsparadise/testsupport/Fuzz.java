package io.devopsparadise.testsupport;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.function.Function;

/**
 * Seeded random fuzzing: a property checked against inputs drawn from a generator. The build runs a few hundred
 * tries; {@code -Dfuzz.tries=} runs more (bench/fuzz/), {@code -Dfuzz.seed=} replays a run, and every failure names
 * its seed and input. Not jqwik: its engine prints a notice that AI agents must not use it, addressed to whoever
 * reads the test log; that has no place in a build whose logs are read by people and tools alike.
 */
public final class Fuzz {

    @FunctionalInterface
    public interface Property<T> {
        void check(T input) throws Exception;
    }

    private Fuzz() {}

    /** Checks {@code property} for {@code buildTries} inputs (or {@code -Dfuzz.tries}) drawn from {@code generator}. */
    public static <T> void forAll(int buildTries, Function<Random, T> generator, Property<T> property) {
        long seed = Long.getLong("fuzz.seed", new SecureRandom().nextLong());
        int tries = Integer.getInteger("fuzz.tries", buildTries);
        Random random = new Random(seed);
        for (int i = 1; i <= tries; i++) {
            T input = generator.apply(random);
            try {
                property.check(input);
            } catch (Throwable failure) {
                throw new AssertionError(
                        "try " + i + " of " + tries + " failed (replay: -Dfuzz.seed=" + seed + ") on " + describe(input)
                                + ": " + failure,
                        failure);
            }
        }
    }

    /** Up to {@code max} random bytes. */
    public static byte[] bytes(Random random, int max) {
        byte[] bytes = new byte[random.nextInt(max + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Up to {@code max} characters from the whole of Unicode's basic plane, controls and surrogates included. */
    public static String string(Random random, int max) {
        char[] chars = new char[random.nextInt(max + 1)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = random.nextInt(4) == 0
                    ? (char) random.nextInt(0x80)
                    : (char) random.nextInt(Character.MAX_VALUE + 1);
        }
        return new String(chars);
    }

    @SafeVarargs
    public static <T> T oneOf(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    static String describe(Object input) {
        String text = input instanceof byte[] bytes
                ? "bytes(base64) "
                        + Base64.getEncoder().encodeToString(Arrays.copyOf(bytes, Math.min(bytes.length, 300)))
                : input instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(input);
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}

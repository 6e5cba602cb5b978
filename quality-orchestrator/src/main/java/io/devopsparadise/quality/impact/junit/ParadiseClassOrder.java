package io.devopsparadise.quality.impact.junit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs inside the project's test JVM: orders JUnit Jupiter's test classes as the test plan does (likeliest to fail
 * first, then longest), reading the order from the file {@code PARADISE_TEST_ORDER}, one class name per line. Classes
 * not listed keep their place after the listed ones. Chosen with
 * {@code -Djunit.jupiter.testclass.order.default=io.devopsparadise.quality.impact.junit.ParadiseClassOrder}.
 */
public final class ParadiseClassOrder implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        Map<String, Integer> rank = rank();
        context.getClassDescriptors()
                .sort(Comparator.comparingInt(
                        c -> rank.getOrDefault(c.getTestClass().getName(), Integer.MAX_VALUE)));
    }

    private static Map<String, Integer> rank() {
        String file = System.getenv("PARADISE_TEST_ORDER");
        Map<String, Integer> rank = new HashMap<>();
        if (file == null) {
            return rank;
        }
        try {
            List<String> names = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            for (int i = 0; i < names.size(); i++) {
                rank.putIfAbsent(names.get(i).strip(), i);
            }
        } catch (IOException | RuntimeException unreadable) {
            // no order: JUnit's own
        }
        return rank;
    }
}

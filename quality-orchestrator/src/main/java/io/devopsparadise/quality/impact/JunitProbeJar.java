package io.devopsparadise.quality.impact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The jar of the JUnit probe (package {@code impact.junit}) that a Java run puts on Surefire's test classpath: its
 * classes as this service was built with them, and the service file that makes the JUnit Platform load the listener.
 */
final class JunitProbeJar {

    static final String NAME = "paradise-junit-probe.jar";
    static final String ORDER = "io.devopsparadise.quality.impact.junit.ParadiseClassOrder";
    private static final String LISTENER = "io.devopsparadise.quality.impact.junit.ParadiseTestProbe";
    private static final byte[] BYTES = build();

    private JunitProbeJar() {}

    static byte[] bytes() {
        return BYTES.clone();
    }

    private static byte[] build() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(jar, manifest)) {
            for (String className : List.of(LISTENER, ORDER)) {
                String entry = className.replace('.', '/') + ".class";
                try (InputStream in = JunitProbeJar.class.getClassLoader().getResourceAsStream(entry)) {
                    if (in == null) {
                        throw new IllegalStateException("the JUnit probe's class " + entry + " is not in this build");
                    }
                    out.putNextEntry(new JarEntry(entry));
                    in.transferTo(out);
                }
            }
            out.putNextEntry(new JarEntry("META-INF/services/org.junit.platform.launcher.TestExecutionListener"));
            out.write((LISTENER + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar.toByteArray();
    }
}

package io.devopsparadise.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFileTests {

    @TempDir
    Path dir;

    @Test
    void aNewSecretIsWrittenReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("home/service-token");

        String secret = SecretFile.readOrCreate(file, "pds_");

        assertThat(secret).startsWith("pds_").hasSizeGreaterThan(40);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(SecretFile.readOrCreate(file, "pds_")).isEqualTo(secret);
    }

    @Test
    void servicesStartingTogetherAgreeOnOneSecret() throws Exception {
        Path file = dir.resolve("service-token");
        Set<String> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8; i++) {
            pool.submit(() -> {
                start.await();
                return seen.add(SecretFile.readOrCreate(file, "pds_"));
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(seen).hasSize(1);
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void aSecretOthersCanReadIsRefusedWithWhatToDo() throws Exception {
        Path file = Files.writeString(dir.resolve("admin-token"), "pda_secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> SecretFile.read(file))
                .isInstanceOf(InsecureFileException.class)
                .hasMessageContaining("rw-r--r--")
                .hasMessageContaining("Delete it")
                .hasMessageNotContaining("pda_secret");
    }

    @Test
    void aSecretFileReplacedByALinkIsRefused() throws Exception {
        Path elsewhere = Files.writeString(dir.resolve("elsewhere"), "pds_planted\n");
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rw-------"));
        Path file = Files.createSymbolicLink(dir.resolve("service-token"), elsewhere);

        assertThatThrownBy(() -> SecretFile.readOrCreate(file, "pds_")).hasMessageContaining("not a regular file");
    }

    @Test
    void aSecretFileOwnedByAnotherUserIsRefused() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                "root".equals(System.getProperty("user.name")), "only root can give a file away");
        Path file = Files.writeString(dir.resolve("service-token"), "pds_planted\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.setOwner(
                file, file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

        assertThatThrownBy(() -> SecretFile.read(file))
                .isInstanceOf(InsecureFileException.class)
                .hasMessageContaining("belongs to uid");
    }

    @Test
    void anEmptySecretFileIsRefused() throws Exception {
        Path file = Files.createFile(
                dir.resolve("service-token"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));

        assertThatThrownBy(() -> SecretFile.read(file)).hasMessageContaining("is empty");
    }

    @Test
    void aDataDirectoryOpenToOthersIsClosedAtStart() throws Exception {
        Path home = Files.createDirectory(
                dir.resolve("home"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        DataDirectory.secure(home);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home)))
                .isEqualTo("rwx------");
    }
}

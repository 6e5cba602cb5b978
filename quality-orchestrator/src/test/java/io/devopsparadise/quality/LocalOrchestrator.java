package io.devopsparadise.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InProcessApps;
import io.devopsparadise.testsupport.InstanceManagerProcess;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The orchestrator of an integration test, in the test's JVM, on the real instance-manager (its own process) whose
 * workspaces live under one directory; clients get process instances of the everything-process profile.
 */
public final class LocalOrchestrator implements AutoCloseable {

    private final InstanceManagerProcess manager;
    private final ConfigurableApplicationContext orchestrator;

    private LocalOrchestrator(InstanceManagerProcess manager, ConfigurableApplicationContext orchestrator) {
        this.manager = manager;
        this.orchestrator = orchestrator;
    }

    /** Starts both; {@code arguments} are the orchestrator's extra settings. */
    public static LocalOrchestrator start(Path workspaces, String... arguments) throws Exception {
        InstanceManagerProcess manager =
                InstanceManagerProcess.start(Files.createTempDirectory("manager-home"), workspaces);
        String[] settings = new String[arguments.length + 4];
        settings[0] = "--server.port=0";
        settings[1] = "--spring.main.banner-mode=off";
        settings[2] = "--paradise.quality.home=" + Files.createTempDirectory("orchestrator-home");
        settings[3] = "--paradise.quality.instance-manager-url=" + manager.url("");
        System.arraycopy(arguments, 0, settings, 4, arguments.length);
        return new LocalOrchestrator(
                manager,
                InProcessApps.builder(QualityOrchestratorApplication.class).run(settings));
    }

    /** Gives the client a process instance on the workspace (made readable to the instance first). */
    public void provision(String client, Path workspace) throws Exception {
        Files.setPosixFilePermissions(workspace, PosixFilePermissions.fromString("rwxr-xr-x"));
        HttpResponse<String> provisioned = Http.send(
                "POST",
                manager.url("/api/instances?waitSeconds=60"),
                "{\"clientId\":\"" + client + "\",\"workspace\":\"" + workspace
                        + "\",\"profile\":\"everything-process\"}");
        assertThat(provisioned.statusCode()).as(provisioned.body()).isEqualTo(201);
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + orchestrator.getEnvironment().getProperty("local.server.port") + path);
    }

    @Override
    public void close() throws Exception {
        orchestrator.close();
        manager.close();
    }
}

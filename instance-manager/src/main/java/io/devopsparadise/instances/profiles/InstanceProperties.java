package io.devopsparadise.instances.profiles;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the instance-manager ({@code paradise.instances.*}).
 *
 * @param home                   data directory: database, logs ({@code PARADISE_HOME}, default ~/.devops-paradise)
 * @param portFrom               first host port handed to instances
 * @param portTo                 last host port handed to instances (inclusive)
 * @param maxInstances           provisioning beyond this many live instances is refused
 * @param defaultProfile         profile used when a request names none; {@code auto}: serena where its image is, else
 *                               the code backend in a container where its image is, else as a process
 * @param engine                 {@code auto} (docker when an engine answers, else process), {@code docker} or {@code process}
 * @param allowedWorkspaceRoots  workspaces must lie strictly under one of these directories
 * @param userHome               the home whose ~/.ssh, ~/.gnupg, ~/.aws and ~/.config/gcloud no workspace may expose
 *                               ({@code PARADISE_USER_HOME}; the manager's own home when absent)
 * @param secretDirectories      directories no workspace may contain or lie inside, besides the data directory and
 *                               ~/.ssh, ~/.gnupg, ~/.aws and ~/.config/gcloud ({@code PARADISE_SECRET_DIRECTORIES})
 * @param shared                 a shared installation serving several developers ({@code PARADISE_SHARED}): process
 *                               profiles are refused, since a process runs as the platform's user and reads its files
 * @param instancePath           the PATH instances and exec'd commands of the process engine get, instead of the
 *                               platform's own
 * @param dockerNetwork          the bridge network, without inter-container traffic, that every container joins;
 *                               created when missing
 * @param startupTimeout         an instance not healthy this long after (re)start is restarted
 * @param idleTimeout            instances without recorded activity this long are reaped; zero disables
 * @param reapInterval           how often idle instances are looked for
 * @param leaderPoll             with managers sharing a PostgreSQL database: how often a standby tries to become the
 *                               active one, and how often the active one checks that it still is
 * @param execTimeout            default time limit of a command run inside an instance
 * @param health                 health monitor settings
 * @param restart                restart policy settings
 * @param profiles               backend profiles by name
 */
@Validated
@ConfigurationProperties("paradise.instances")
public record InstanceProperties(
        Path home,
        @DefaultValue("8200") @Min(1024) @Max(65535) int portFrom,
        @DefaultValue("8299") @Min(1024) @Max(65535) int portTo,
        @DefaultValue("50") @Min(1) int maxInstances,
        @DefaultValue("auto") String defaultProfile,
        @DefaultValue("auto") EngineChoice engine,
        @NotEmpty List<Path> allowedWorkspaceRoots,
        Path userHome,
        @DefaultValue List<Path> secretDirectories,
        @DefaultValue("false") boolean shared,

        @DefaultValue("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
        String instancePath,

        @DefaultValue("paradise-instances") String dockerNetwork,
        @DefaultValue("60s") Duration startupTimeout,
        @DefaultValue("30m") Duration idleTimeout,
        @DefaultValue("30s") Duration reapInterval,
        @DefaultValue("1s") Duration leaderPoll,
        @DefaultValue("10m") Duration execTimeout,
        @Valid @DefaultValue HealthProperties health,
        @Valid @DefaultValue RestartProperties restart,
        @Valid Map<String, BackendProfileProperties> profiles) {

    public InstanceProperties {
        profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
        allowedWorkspaceRoots = List.copyOf(allowedWorkspaceRoots);
        userHome = userHome == null ? Path.of(System.getProperty("user.home")) : userHome;
        secretDirectories = secretDirectories == null ? List.of() : List.copyOf(secretDirectories);
    }

    @AssertTrue(message = "paradise.instances.port-from must not be greater than port-to")
    public boolean isPortRangeOrdered() {
        return portFrom <= portTo;
    }

    /**
     * @param interval           time between two checks of an instance that is starting or unhealthy; also how soon
     *                           a dead container or process is noticed
     * @param healthyInterval    time between two health probes of a healthy instance
     * @param timeout            one check fails after this long
     * @param unhealthyThreshold consecutive failed checks of a healthy instance before it is restarted
     * @param parallelChecks     checks that may run at once
     */
    public record HealthProperties(
            @DefaultValue("1s") Duration interval,
            @DefaultValue("10s") Duration healthyInterval,
            @DefaultValue("3s") Duration timeout,
            @DefaultValue("3") @Min(1) int unhealthyThreshold,
            @DefaultValue("8") @Min(1) int parallelChecks) {}

    /**
     * @param initialBackoff wait before the first restart; doubled for each further one
     * @param maxBackoff     the wait never grows beyond this
     * @param maxRestarts    restarts allowed before the instance is declared FAILED
     */
    public record RestartProperties(
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("30s") Duration maxBackoff,
            @DefaultValue("5") @Min(0) int maxRestarts) {}
}

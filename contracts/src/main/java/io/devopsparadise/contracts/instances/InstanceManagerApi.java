package io.devopsparadise.contracts.instances;

import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The instance-manager's REST API, as every other service calls it (docs/instance-manager.md). Clients are made by
 * {@code ServiceApis} (service-security), which attaches the service credential and the timeouts.
 */
@HttpExchange(url = "/api", accept = "application/json")
public interface InstanceManagerApi {

    /** The instances, or the one of a client (an empty list when it has none). */
    @GetExchange("/instances")
    List<InstanceView> instances(@RequestParam(name = "clientId", required = false) String clientId);

    /** Provisions a client's instance, answering once it is HEALTHY when waitSeconds is above 0 (at most 300). */
    @PostExchange(url = "/instances", contentType = "application/json")
    InstanceView provision(@RequestBody ProvisionRequest request, @RequestParam("waitSeconds") int waitSeconds);

    /** The header that names an exec, so that {@link #cancelExec} can cancel it while its caller still waits. */
    String EXEC_ID_HEADER = "Paradise-Exec-Id";

    /** Runs a command inside the instance and waits for it; the manager enforces the request's timeout. */
    @PostExchange(url = "/instances/{id}/exec", contentType = "application/json")
    ExecResult exec(@PathVariable("id") String instanceId, @RequestBody ExecRequest request);

    /** The same, named by the caller (1 to 64 letters, digits, '-' or '_'); a 409 when it was cancelled before it arrived. */
    @PostExchange(url = "/instances/{id}/exec", contentType = "application/json")
    ExecResult exec(
            @PathVariable("id") String instanceId,
            @RequestHeader(EXEC_ID_HEADER) String execId,
            @RequestBody ExecRequest request);

    /** Kills the named exec's command; remembered when the exec has not arrived yet, which is then refused. */
    @DeleteExchange("/instances/{id}/execs/{execId}")
    void cancelExec(@PathVariable("id") String instanceId, @PathVariable("execId") String execId);

    @PostExchange("/instances/{id}/activity")
    void recordActivity(@PathVariable("id") String instanceId);

    @DeleteExchange("/instances/{id}")
    void delete(@PathVariable("id") String instanceId);

    /** The workspace's real path when it passes every workspace rule; a 400 with the rule it breaks otherwise. */
    @PostExchange(url = "/workspace-checks", contentType = "application/json")
    WorkspaceCheck checkWorkspace(@RequestBody WorkspaceCheck workspace);
}

package io.devopsparadise.instances.api;

import io.devopsparadise.contracts.instances.WorkspaceCheck;
import io.devopsparadise.instances.lifecycle.WorkspacePolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "workspaces", description = "Check a workspace against the workspace rules")
class WorkspaceCheckController {

    private final WorkspacePolicy workspaces;

    WorkspaceCheckController(WorkspacePolicy workspaces) {
        this.workspaces = workspaces;
    }

    @PostMapping("/api/workspace-checks")
    @Operation(
            summary = "Check a workspace without provisioning anything",
            description =
                    "200 with the workspace's real path when provisioning would accept it; otherwise 400 naming the rule it breaks")
    WorkspaceCheck check(@RequestBody WorkspaceCheck request) {
        return new WorkspaceCheck(workspaces.check(request.workspace()).toString());
    }
}

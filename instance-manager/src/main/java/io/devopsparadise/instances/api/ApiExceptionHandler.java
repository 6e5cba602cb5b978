package io.devopsparadise.instances.api;

import io.devopsparadise.instances.lifecycle.DuplicateClientException;
import io.devopsparadise.instances.lifecycle.InstanceLimitReachedException;
import io.devopsparadise.instances.lifecycle.InstanceNotFoundException;
import io.devopsparadise.instances.lifecycle.InstanceNotReadyException;
import io.devopsparadise.instances.lifecycle.InvalidRequestException;
import io.devopsparadise.instances.lifecycle.WorkspaceNotAllowedException;
import io.devopsparadise.instances.ports.PortRangeExhaustedException;
import io.devopsparadise.instances.profiles.UnknownProfileException;
import io.devopsparadise.instances.runtime.EngineUnavailableException;
import io.devopsparadise.instances.runtime.InstanceRefusedException;
import io.devopsparadise.instances.runtime.InstanceStartException;
import io.devopsparadise.security.Problems;
import io.devopsparadise.security.servlet.ProblemAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps every failure to a ProblemDetail that says what to fix. Never a stack trace. */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemAdvice {

    ApiExceptionHandler() {
        super("instance-manager");
    }

    @ExceptionHandler({InvalidRequestException.class, UnknownProfileException.class})
    ProblemDetail badRequest(RuntimeException e) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(WorkspaceNotAllowedException.class)
    ProblemDetail workspaceRefused(WorkspaceNotAllowedException e) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "Workspace not allowed", e.getMessage());
        problem.setProperty("rule", e.rule().id());
        return problem;
    }

    @ExceptionHandler(InstanceRefusedException.class)
    ProblemDetail refused(InstanceRefusedException e) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "Instance refused", e.getMessage());
    }

    @ExceptionHandler(InstanceNotFoundException.class)
    ProblemDetail notFound(InstanceNotFoundException e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "Instance not found", e.getMessage());
    }

    @ExceptionHandler(DuplicateClientException.class)
    ProblemDetail conflict(DuplicateClientException e) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "Client already has an instance", e.getMessage());
        problem.setProperty("instanceId", e.existingInstanceId());
        return problem;
    }

    @ExceptionHandler(InstanceNotReadyException.class)
    ProblemDetail notReady(InstanceNotReadyException e) {
        return Problems.problem(HttpStatus.CONFLICT, "Instance not ready", e.getMessage());
    }

    @ExceptionHandler(PortRangeExhaustedException.class)
    ProblemDetail portsExhausted(PortRangeExhaustedException e) {
        return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Port range exhausted", e.getMessage());
    }

    @ExceptionHandler(InstanceLimitReachedException.class)
    ProblemDetail limitReached(InstanceLimitReachedException e) {
        return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Instance limit reached", e.getMessage());
    }

    @ExceptionHandler(EngineUnavailableException.class)
    ProblemDetail engineDown(EngineUnavailableException e) {
        return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Engine unavailable", e.getMessage());
    }

    @ExceptionHandler(InstanceStartException.class)
    ProblemDetail startFailed(InstanceStartException e) {
        return Problems.problem(HttpStatus.BAD_GATEWAY, "Instance could not be started", e.getMessage());
    }

    @ExceptionHandler(ExecCancelledException.class)
    ProblemDetail cancelled(ExecCancelledException e) {
        return Problems.problem(HttpStatus.CONFLICT, "Exec cancelled", e.getMessage());
    }
}

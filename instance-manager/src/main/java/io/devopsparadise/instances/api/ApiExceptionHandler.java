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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.UUID;

/** Maps every failure to a ProblemDetail that says what to fix. Never a stack trace. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler({InvalidRequestException.class, UnknownProfileException.class, IllegalArgumentException.class})
    ProblemDetail badRequest(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e);
    }

    @ExceptionHandler(WorkspaceNotAllowedException.class)
    ProblemDetail workspaceRefused(WorkspaceNotAllowedException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Workspace not allowed", e);
        problem.setProperty("rule", e.rule().id());
        return problem;
    }

    @ExceptionHandler(InstanceRefusedException.class)
    ProblemDetail refused(InstanceRefusedException e) {
        return problem(HttpStatus.BAD_REQUEST, "Instance refused", e);
    }

    @ExceptionHandler(InstanceNotFoundException.class)
    ProblemDetail notFound(InstanceNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Instance not found", e);
    }

    @ExceptionHandler(DuplicateClientException.class)
    ProblemDetail conflict(DuplicateClientException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Client already has an instance", e);
        problem.setProperty("instanceId", e.existingInstanceId());
        return problem;
    }

    @ExceptionHandler(InstanceNotReadyException.class)
    ProblemDetail notReady(InstanceNotReadyException e) {
        return problem(HttpStatus.CONFLICT, "Instance not ready", e);
    }

    @ExceptionHandler(PortRangeExhaustedException.class)
    ProblemDetail portsExhausted(PortRangeExhaustedException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Port range exhausted", e);
    }

    @ExceptionHandler(InstanceLimitReachedException.class)
    ProblemDetail limitReached(InstanceLimitReachedException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Instance limit reached", e);
    }

    @ExceptionHandler(EngineUnavailableException.class)
    ProblemDetail engineDown(EngineUnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Engine unavailable", e);
    }

    @ExceptionHandler(InstanceStartException.class)
    ProblemDetail startFailed(InstanceStartException e) {
        return problem(HttpStatus.BAD_GATEWAY, "Instance could not be started", e);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        String incident = UUID.randomUUID().toString();
        log.error("unexpected error, incident {}", incident, e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Unexpected error; the instance-manager log has the details under incident " + incident);
        problem.setTitle("Internal error");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON of the expected shape: " + firstLine(e.getMostSpecificCause().getMessage()));
        problem.setTitle("Malformed request body");
        return ResponseEntity.badRequest().body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String title, RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(title);
        return problem;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "empty or unreadable body";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}

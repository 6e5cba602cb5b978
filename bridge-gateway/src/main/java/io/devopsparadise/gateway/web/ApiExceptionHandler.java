package io.devopsparadise.gateway.web;

import io.devopsparadise.gateway.clients.AccessDeniedException;
import io.devopsparadise.gateway.clients.ClientNotFoundException;
import io.devopsparadise.gateway.clients.DuplicateClientException;
import io.devopsparadise.gateway.clients.InvalidClientException;
import io.devopsparadise.gateway.clients.UnauthenticatedException;
import io.devopsparadise.gateway.instances.InstanceUnavailableException;
import io.devopsparadise.gateway.instances.WorkspaceRefusedException;
import io.devopsparadise.security.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/** REST errors as ProblemDetail with a detail that says what to fix; never a stack trace. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidClientException.class)
    ProblemDetail invalid(InvalidClientException e) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(UnauthenticatedException.class)
    ProblemDetail unauthenticated(UnauthenticatedException e) {
        return Problems.problem(HttpStatus.UNAUTHORIZED, "Authentication required", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return Problems.problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(ClientNotFoundException.class)
    ProblemDetail notFound(ClientNotFoundException e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "Client not found", e.getMessage());
    }

    @ExceptionHandler(DuplicateClientException.class)
    ProblemDetail duplicate(DuplicateClientException e) {
        return Problems.problem(HttpStatus.CONFLICT, "Client already registered", e.getMessage());
    }

    @ExceptionHandler(WorkspaceRefusedException.class)
    ProblemDetail workspaceRefused(WorkspaceRefusedException e) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "Workspace refused", e.getMessage());
        problem.setProperty("rule", e.rule());
        return problem;
    }

    @ExceptionHandler(InstanceUnavailableException.class)
    ProblemDetail unavailable(InstanceUnavailableException e) {
        return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Instance-manager unavailable", e.getMessage());
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException e,
            org.springframework.http.HttpHeaders headers,
            org.springframework.http.HttpStatusCode status,
            ServerWebExchange exchange) {
        String cause = e.getMostSpecificCause().getMessage();
        ProblemDetail problem = Problems.problem(
                HttpStatus.BAD_REQUEST,
                "Malformed request",
                "The request is not valid JSON of the expected shape: "
                        + (cause == null
                                ? e.getReason()
                                : cause.lines().findFirst().orElse(cause)));
        return Mono.just(ResponseEntity.badRequest().body(problem));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        return Problems.unexpected(log, "gateway", e);
    }
}

package io.devopsparadise.quality.runs;

import io.devopsparadise.quality.exec.ExecutionUnavailableException;
import io.devopsparadise.quality.profiles.UnknownQualityProfileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import io.devopsparadise.quality.insights.NoRepositoryException;
import io.devopsparadise.quality.insights.history.UnknownRevisionException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.UUID;

/** Every failure as a ProblemDetail saying what to fix; never a stack trace. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler({UnknownQualityProfileException.class, IllegalArgumentException.class})
    ProblemDetail badRequest(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(RunNotFoundException.class)
    ProblemDetail notFound(RunNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Run not found", e.getMessage());
    }

    @ExceptionHandler(RunStillActiveException.class)
    ProblemDetail stillActive(RunStillActiveException e) {
        return problem(HttpStatus.CONFLICT, "Run still active", e.getMessage());
    }

    @ExceptionHandler(RunAlreadyActiveException.class)
    ProblemDetail alreadyActive(RunAlreadyActiveException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Run already in progress", e.getMessage());
        problem.setProperty("runId", e.runningId());
        return problem;
    }

    @ExceptionHandler(TooManyRunsException.class)
    ProblemDetail tooMany(TooManyRunsException e) {
        return problem(HttpStatus.TOO_MANY_REQUESTS, "Too many runs", e.getMessage());
    }

    @ExceptionHandler(NoRepositoryException.class)
    ProblemDetail noRepository(NoRepositoryException e) {
        return problem(HttpStatus.CONFLICT, "No repository", e.getMessage());
    }

    @ExceptionHandler(UnknownRevisionException.class)
    ProblemDetail unknownRevision(UnknownRevisionException e) {
        return problem(HttpStatus.BAD_REQUEST, "Unknown revision", e.getMessage());
    }

    @ExceptionHandler(NoInstanceException.class)
    ProblemDetail noInstance(NoInstanceException e) {
        return problem(HttpStatus.CONFLICT, "No instance", e.getMessage());
    }

    @ExceptionHandler(ExecutionUnavailableException.class)
    ProblemDetail unavailable(ExecutionUnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Instance-manager unavailable", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        String incident = UUID.randomUUID().toString();
        log.error("unexpected error, incident {}", incident, e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "Unexpected error; the log has the details under incident " + incident);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed request body",
                "The request body is not valid JSON of the expected shape {clientId, profile, changedFiles}"));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}

package io.devopsparadise.quality.runs;

import io.devopsparadise.quality.exec.ExecutionUnavailableException;
import io.devopsparadise.quality.insights.NoRepositoryException;
import io.devopsparadise.quality.insights.history.UnknownRevisionException;
import io.devopsparadise.quality.profiles.UnknownQualityProfileException;
import io.devopsparadise.security.Problems;
import io.devopsparadise.security.servlet.ProblemAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every failure as a ProblemDetail saying what to fix; never a stack trace. */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemAdvice {

    ApiExceptionHandler() {
        super("quality-orchestrator");
    }

    @ExceptionHandler(UnknownQualityProfileException.class)
    ProblemDetail unknownProfile(UnknownQualityProfileException e) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(RunNotFoundException.class)
    ProblemDetail notFound(RunNotFoundException e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "Run not found", e.getMessage());
    }

    @ExceptionHandler(RunStillActiveException.class)
    ProblemDetail stillActive(RunStillActiveException e) {
        return Problems.problem(HttpStatus.CONFLICT, "Run still active", e.getMessage());
    }

    @ExceptionHandler(RunAlreadyActiveException.class)
    ProblemDetail alreadyActive(RunAlreadyActiveException e) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "Run already in progress", e.getMessage());
        problem.setProperty("runId", e.runningId());
        return problem;
    }

    @ExceptionHandler(TooManyRunsException.class)
    ProblemDetail tooMany(TooManyRunsException e) {
        return Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "Too many runs", e.getMessage());
    }

    @ExceptionHandler(NoRepositoryException.class)
    ProblemDetail noRepository(NoRepositoryException e) {
        return Problems.problem(HttpStatus.CONFLICT, "No repository", e.getMessage());
    }

    @ExceptionHandler(UnknownRevisionException.class)
    ProblemDetail unknownRevision(UnknownRevisionException e) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "Unknown revision", e.getMessage());
    }

    @ExceptionHandler(NoInstanceException.class)
    ProblemDetail noInstance(NoInstanceException e) {
        return Problems.problem(HttpStatus.CONFLICT, "No instance", e.getMessage());
    }

    @ExceptionHandler(ExecutionUnavailableException.class)
    ProblemDetail unavailable(ExecutionUnavailableException e) {
        return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Instance-manager unavailable", e.getMessage());
    }
}

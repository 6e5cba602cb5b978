package io.devopsparadise.reports.runs;

import io.devopsparadise.reports.feed.RunTooLargeException;
import io.devopsparadise.reports.render.ReportsNotWrittenException;
import io.devopsparadise.security.Problems;
import io.devopsparadise.security.servlet.ProblemAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every bad request as a problem detail that says what to fix; never a stack trace. */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemAdvice {

    ApiExceptionHandler() {
        super("report-service");
    }

    @ExceptionHandler(RunNotFoundException.class)
    ProblemDetail notFound(RunNotFoundException e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "Run not found", e.getMessage());
    }

    @ExceptionHandler(NoBaselineException.class)
    ProblemDetail noBaseline(NoBaselineException e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "No baseline", e.getMessage());
    }

    @ExceptionHandler(RunNotStoredException.class)
    ProblemDetail notStored(RunNotStoredException e) {
        return Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Run not stored", e.getMessage());
    }

    @ExceptionHandler(RunTooLargeException.class)
    ProblemDetail tooLarge(RunTooLargeException e) {
        return Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "Run too large", e.getMessage());
    }

    @ExceptionHandler(ReportsNotWrittenException.class)
    ProblemDetail notWritten(ReportsNotWrittenException e) {
        return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Reports not written", e.getMessage());
    }
}

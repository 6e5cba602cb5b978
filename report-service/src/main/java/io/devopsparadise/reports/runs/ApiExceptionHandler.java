package io.devopsparadise.reports.runs;

import io.devopsparadise.reports.feed.RunTooLargeException;
import io.devopsparadise.reports.input.InputRules;
import io.devopsparadise.reports.render.ReportsNotWrittenException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every bad request as a problem detail that says what to fix; never a stack trace. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(RunNotFoundException.class)
    ProblemDetail notFound(RunNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Run not found", e.getMessage());
    }

    @ExceptionHandler(NoBaselineException.class)
    ProblemDetail noBaseline(NoBaselineException e) {
        return problem(HttpStatus.NOT_FOUND, "No baseline", e.getMessage());
    }

    @ExceptionHandler(RunNotStoredException.class)
    ProblemDetail notStored(RunNotStoredException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Run not stored", e.getMessage());
    }

    @ExceptionHandler(RunTooLargeException.class)
    ProblemDetail tooLarge(RunTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Run too large", e.getMessage());
    }

    @ExceptionHandler(ReportsNotWrittenException.class)
    ProblemDetail notWritten(ReportsNotWrittenException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Reports not written", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad parameter", "parameter '" + e.getName() + "' cannot be " + InputRules.echo(String.valueOf(e.getValue()))
                + (e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? "; choose one of " + java.util.Arrays.toString(e.getRequiredType().getEnumConstants()) : ""));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}

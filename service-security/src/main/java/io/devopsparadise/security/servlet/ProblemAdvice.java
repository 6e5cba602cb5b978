package io.devopsparadise.security.servlet;

import io.devopsparadise.security.Problems;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * What every servlet service answers the same: a bad argument (400), a parameter of the wrong type (400, with the
 * choices of an enum), a body that is not JSON (400), and anything unforeseen (500 with an incident id). A service's
 * {@code @RestControllerAdvice} extends it and maps only its own exceptions.
 */
public abstract class ProblemAdvice extends ResponseEntityExceptionHandler {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String service;

    protected ProblemAdvice(String service) {
        this.service = service;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String choices =
                type != null && type.isEnum() ? "; choose one of " + Arrays.toString(type.getEnumConstants()) : "";
        return Problems.problem(
                HttpStatus.BAD_REQUEST,
                "Bad parameter",
                "parameter '" + e.getName() + "' cannot be " + Problems.echo(String.valueOf(e.getValue())) + choices);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        return Problems.unexpected(log, service, e);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest()
                .body(Problems.malformedBody(e.getMostSpecificCause().getMessage()));
    }
}

package io.devopsparadise.dashboard.web;

import io.devopsparadise.dashboard.platform.ServiceUnavailableException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/** Errors as a page that says what happened and what to do; never a stack trace. */
@ControllerAdvice
class ErrorPages {

    @ExceptionHandler(ServiceUnavailableException.class)
    ModelAndView serviceDown(ServiceUnavailableException down) {
        return page(HttpStatus.SERVICE_UNAVAILABLE, down.getMessage());
    }

    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView status(ResponseStatusException e) {
        return page(e.getStatusCode(), e.getReason());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missingParameter(MissingServletRequestParameterException e) {
        return page(HttpStatus.BAD_REQUEST, "the parameter '" + e.getParameterName() + "' is missing");
    }

    private static ModelAndView page(HttpStatusCode status, String message) {
        HttpStatus known = HttpStatus.resolve(status.value());
        ModelAndView page = new ModelAndView(
                "error",
                Map.of(
                        "status",
                        status.value(),
                        "error",
                        known == null ? "Error" : known.getReasonPhrase(),
                        "message",
                        message == null ? "" : message));
        page.setStatus(status);
        return page;
    }
}

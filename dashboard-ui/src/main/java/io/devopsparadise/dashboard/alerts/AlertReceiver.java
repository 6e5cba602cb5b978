package io.devopsparadise.dashboard.alerts;

import io.devopsparadise.security.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alertmanager's webhook receiver ({@code POST /api/alerts}, behind the service credential like all of /api): keeps
 * the alerts for the dashboard's alerts page and forwards them to the configured webhook.
 */
@RestController
class AlertReceiver {

    private static final Logger log = LoggerFactory.getLogger(AlertReceiver.class);

    private final AlertBoard board;
    private final AlertForwarder forwarder;
    private final JsonMapper json;

    AlertReceiver(AlertBoard board, AlertForwarder forwarder, JsonMapper json) {
        this.board = board;
        this.forwarder = forwarder;
        this.json = json;
    }

    @PostMapping("/api/alerts")
    ResponseEntity<Void> receive(HttpServletRequest request) throws IOException {
        AlertmanagerNotification notification = read(request);
        AlertInput.check(notification);
        board.receive(notification.alerts());
        forwarder.forward(notification.alerts());
        // names come from whoever posts: bounded, without line breaks
        log.info(
                "alerts received firing={} resolved={} names={}",
                notification.alerts().stream().filter(ReceivedAlert::firing).count(),
                notification.alerts().stream().filter(alert -> !alert.firing()).count(),
                Problems.echo(notification.alerts().stream()
                        .map(ReceivedAlert::name)
                        .distinct()
                        .limit(10)
                        .toList()
                        .toString()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/alerts")
    List<AlertBoard.ShownAlert> alerts() {
        return board.alerts();
    }

    private AlertmanagerNotification read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > AlertInput.MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(AlertInput.MAX_BODY_BYTES + 1);
        }
        if (body.length > AlertInput.MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try {
            return json.readValue(body, AlertmanagerNotification.class);
        } catch (JacksonException e) {
            throw new InvalidAlertsException(
                    400, "the body is not Alertmanager's webhook JSON: " + e.getOriginalMessage());
        }
    }

    private static InvalidAlertsException tooLarge() {
        return new InvalidAlertsException(
                413, "the notification is larger than " + AlertInput.MAX_BODY_BYTES + " bytes");
    }

    @ExceptionHandler(InvalidAlertsException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidAlertsException e) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(status.getReasonPhrase());
        return ResponseEntity.status(status).body(problem);
    }
}

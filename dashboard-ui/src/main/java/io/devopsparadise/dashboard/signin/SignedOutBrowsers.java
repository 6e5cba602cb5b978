package io.devopsparadise.dashboard.signin;

import io.devopsparadise.dashboard.live.EventRelay;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.springframework.stereotype.Component;

/** A browser that signs out, or whose session expires, loses its live streams with its session. */
@Component
class SignedOutBrowsers implements HttpSessionListener {

    private final EventRelay relay;

    SignedOutBrowsers(EventRelay relay) {
        this.relay = relay;
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        relay.endSession(event.getSession().getId());
    }
}

package io.devopsparadise.dashboard.live;

/** A live stream the dashboard will not open now, with the HTTP status that says why (429 or 503). */
public class LiveStreamRefusedException extends RuntimeException {

    private final int status;

    LiveStreamRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

package io.devopsparadise.dashboard.live;

/** A live stream the dashboard will not open now: it serves as many as it may (503); the page tries again later. */
public class LiveStreamRefusedException extends RuntimeException {

    LiveStreamRefusedException(String message) {
        super(message);
    }
}

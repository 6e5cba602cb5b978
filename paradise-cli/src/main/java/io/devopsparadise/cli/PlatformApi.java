package io.devopsparadise.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON calls to the platform's services; failures become messages that say which service and what it answered. */
final class PlatformApi {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();

    private final JsonMapper json;

    PlatformApi(JsonMapper json) {
        this.json = json;
    }

    /** An answer: its status and its JSON body (a missing or non-JSON body is an empty object). */
    record Answer(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The problem detail's words, or the status. */
        String problem() {
            String detail = body.path("detail").asString("");
            return detail.isBlank() ? "HTTP " + status : detail;
        }
    }

    Answer call(String service, String method, URI uri, String bearer, Object body, Duration timeout) {
        return call(service, method, uri, bearer, body, timeout, "application/json");
    }

    /** A JSON-RPC request to an MCP endpoint (Streamable HTTP): the answer may come as one SSE message. */
    Answer mcp(URI uri, String bearer, Object message, Duration timeout) {
        return call("bridge-gateway", "POST", uri, bearer, message, timeout, "application/json, text/event-stream");
    }

    private Answer call(
            String service, String method, URI uri, String bearer, Object body, Duration timeout, String accept) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean stream =
                    response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
            return new Answer(response.statusCode(), parse(stream ? sseData(response.body()) : response.body()));
        } catch (ConnectException e) {
            throw new CliException("the " + service + " does not answer at " + uri.resolve("/")
                    + "; is the platform running? " + "(scripts/start-devops-paradise.sh --status)");
        } catch (IOException e) {
            throw new CliException("calling the " + service + " at " + uri + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while calling the " + service);
        }
    }

    Answer get(String service, URI uri, String bearer) {
        return call(service, "GET", uri, bearer, null, Duration.ofSeconds(30));
    }

    Answer post(String service, URI uri, String bearer, Map<String, ?> body) {
        return call(service, "POST", uri, bearer, body, Duration.ofSeconds(150));
    }

    /** The data of the first SSE message that has any. */
    private static String sseData(String body) {
        StringBuilder data = new StringBuilder();
        for (String line : body.split("\r?\n")) {
            if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            } else if (line.isEmpty() && data.length() > 0) {
                break;
            }
        }
        return data.toString();
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (JacksonException e) {
            return json.createObjectNode();
        }
    }
}

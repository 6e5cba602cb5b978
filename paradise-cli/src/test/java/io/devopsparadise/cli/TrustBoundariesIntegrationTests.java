package io.devopsparadise.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.ServiceCredential;
import io.devopsparadise.testsupport.ServiceProcess;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The platform's five services as separate JVMs, attacked from outside: with no credential, a wrong one, a Host from
 * a DNS rebinding page, and from another machine while the gateway alone is exposed to a team.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TrustBoundariesIntegrationTests {

    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private Path home;

    @BeforeAll
    void startThePlatformWithTheGatewayExposed() throws Exception {
        Path home = Files.createTempDirectory("trust-boundaries");
        Map<String, String> teamFacingGateway = Map.of("PARADISE_GATEWAY_BIND_ADDRESS", "0.0.0.0");
        ServiceProcess manager =
                start("instance-manager", home, teamFacingGateway, "--paradise.instances.engine=process");
        ServiceProcess orchestrator = start(
                "quality-orchestrator",
                home,
                teamFacingGateway,
                "--paradise.quality.instance-manager-url=" + manager.url(""));
        ServiceProcess reports = start(
                "report-service",
                home,
                teamFacingGateway,
                "--paradise.reports.orchestrator-url=" + orchestrator.url(""),
                "--paradise.reports.instance-manager-url=" + manager.url(""));
        start(
                "dashboard-ui",
                home,
                teamFacingGateway,
                "--paradise.dashboard.instance-manager-url=" + manager.url(""),
                "--paradise.dashboard.orchestrator-url=" + orchestrator.url(""),
                "--paradise.dashboard.report-service-url=" + reports.url(""));
        start("bridge-gateway", home, teamFacingGateway, "--paradise.gateway.instance-manager-url=" + manager.url(""));
        this.home = home;
    }

    private ServiceProcess start(String module, Path home, Map<String, String> environment, String... arguments)
            throws Exception {
        ServiceProcess service = ServiceProcess.start(module, home, environment, arguments);
        services.put(module, service);
        return service;
    }

    @AfterAll
    void stop() throws Exception {
        for (ServiceProcess service : services.values()) {
            service.close();
        }
    }

    static Stream<Arguments> internalApis() {
        return Stream.of(
                Arguments.of(
                        "instance-manager",
                        "POST",
                        "/api/instances/some-instance/exec",
                        "{\"command\":[\"cat\",\"/etc/passwd\"]}"),
                Arguments.of(
                        "instance-manager",
                        "POST",
                        "/api/instances",
                        "{\"clientId\":\"mallory\",\"workspace\":\"/tmp\"}"),
                Arguments.of("instance-manager", "GET", "/api/instances", null),
                Arguments.of("instance-manager", "DELETE", "/api/instances/some-instance/execs/some-exec", null),
                Arguments.of("instance-manager", "GET", "/api/events", null),
                Arguments.of(
                        "quality-orchestrator", "POST", "/api/runs", "{\"clientId\":\"alice\",\"profile\":\"quick\"}"),
                Arguments.of("quality-orchestrator", "GET", "/api/runs?clientId=alice", null),
                Arguments.of("report-service", "POST", "/api/runs", "{}"),
                Arguments.of("report-service", "GET", "/api/runs?clientId=alice", null),
                Arguments.of("report-service", "GET", "/api/baseline?clientId=alice", null),
                Arguments.of("report-service", "GET", "/api/insights?clientId=alice", null),
                Arguments.of("quality-orchestrator", "GET", "/api/insights/overview?clientId=alice", null),
                Arguments.of("quality-orchestrator", "GET", "/api/insights/change-risk?clientId=alice", null),
                Arguments.of("report-service", "GET", "/api/usage", null),
                Arguments.of("bridge-gateway", "GET", "/api/usage", null),
                Arguments.of("dashboard-ui", "GET", "/api/usage", null),
                Arguments.of(
                        "dashboard-ui",
                        "POST",
                        "/api/alerts",
                        "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[]}"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("internalApis")
    void anInternalApiCalledWithoutACredentialAnswers401(String service, String method, String path, String body)
            throws Exception {
        HttpResponse<String> anonymous =
                Http.sendAnonymous(method, services.get(service).url(path), body);

        assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(anonymous.body())
                .contains("Authorization: Bearer")
                .doesNotContain("Exception")
                .doesNotContain(ServiceCredential.token());
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("internalApis")
    void anInternalApiCalledWithAWrongCredentialAnswers401(String service, String method, String path, String body)
            throws Exception {
        HttpResponse<String> forged = Http.client()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        services.get(service).url(path))
                                .header("Authorization", ServiceCredential.authorization() + "x")
                                .header("Content-Type", "application/json")
                                .method(
                                        method,
                                        body == null
                                                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                                : java.net.http.HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void execWithTheCredentialReachesTheManager() throws Exception {
        HttpResponse<String> exec = Http.send(
                "POST",
                services.get("instance-manager").url("/api/instances/some-instance/exec"),
                "{\"command\":[\"true\"]}");

        assertThat(exec.statusCode())
                .as("the credential is what the 401 was about")
                .isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"instance-manager", "quality-orchestrator", "report-service", "dashboard-ui", "bridge-gateway"})
    void aRebindingHostIsRejectedEvenWithTheCredential(String service) throws Exception {
        URI api = services.get(service).url(service.equals("dashboard-ui") ? "/sign-in" : "/actuator/prometheus");

        assertThat(Http.statusWithHost(api, "evil.example:" + api.getPort(), ServiceCredential.authorization()))
                .isEqualTo(403);
        assertThat(Http.statusWithHost(api, "127.0.0.1.evil.example", ServiceCredential.authorization()))
                .isEqualTo(403);
        assertThat(Http.statusWithHost(api, "localhost:" + api.getPort(), ServiceCredential.authorization()))
                .isEqualTo(200);
    }

    @Test
    void execWithARebindingHostIsRejected() throws Exception {
        URI exec = services.get("instance-manager").url("/api/instances");

        assertThat(Http.statusWithHost(exec, "evil.example", ServiceCredential.authorization()))
                .isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"instance-manager", "quality-orchestrator", "report-service", "dashboard-ui", "bridge-gateway"})
    void theActuatorThatNamesClientsNeedsTheCredentialButHealthStaysOpen(String service) throws Exception {
        ServiceProcess process = services.get(service);

        assertThat(Http.sendAnonymous("GET", process.url("/actuator/prometheus"), null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(Http.sendAnonymous("GET", process.url("/actuator/metrics"), null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(Http.send("GET", process.url("/actuator/prometheus"), null).statusCode())
                .isEqualTo(200);
        assertThat(Http.sendAnonymous("GET", process.url("/actuator/health"), null)
                        .statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("internalApis")
    void theMonitoringCredentialOpensNoApi(String service, String method, String path, String body) throws Exception {
        HttpResponse<String> monitoring =
                Http.send(method, services.get(service).url(path), body, ServiceCredential.monitoringAuthorization());

        assertThat(monitoring.statusCode())
                .as("the monitoring credential is " + path + "'s to refuse, unless it is the alert receiver")
                .isEqualTo(path.equals("/api/alerts") ? 204 : 401);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"instance-manager", "quality-orchestrator", "report-service", "dashboard-ui", "bridge-gateway"})
    void theMonitoringCredentialReadsEveryServicesMetrics(String service) throws Exception {
        assertThat(Http.send(
                                "GET",
                                services.get(service).url("/actuator/prometheus"),
                                null,
                                ServiceCredential.monitoringAuthorization())
                        .statusCode())
                .isEqualTo(200);
        assertThat(Http.send(
                                "GET",
                                services.get(service).url("/actuator/metrics"),
                                null,
                                ServiceCredential.monitoringAuthorization())
                        .statusCode())
                .as("only the scrape, not the rest of the actuator")
                .isEqualTo(401);
    }

    @Test
    void anotherLocalUserSeesNoResultsWithoutSigningIn() throws Exception {
        ServiceProcess dashboard = services.get("dashboard-ui");

        HttpResponse<String> page = browserGet(dashboard.url("/"), null);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/sign-in"));
        assertThat(Http.sendAnonymous("GET", dashboard.url("/events"), null).statusCode())
                .isEqualTo(401);
        assertThat(Http.sendAnonymous("GET", dashboard.url("/fragments/runs"), null)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void anotherLocalUserStartsNoRunsWithoutSigningIn() throws Exception {
        ServiceProcess dashboard = services.get("dashboard-ui");

        assertThat(Http.sendAnonymous("POST", dashboard.url("/runs?clientId=alice&profile=quick"), null)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void anotherLocalUserGetsNoSignInLink() throws Exception {
        ServiceProcess dashboard = services.get("dashboard-ui");

        assertThat(Http.sendAnonymous("POST", dashboard.url("/api/sign-in-links"), null)
                        .statusCode())
                .as("links are for the platform's tools")
                .isEqualTo(401);
    }

    @Test
    void aSignInLinkSignsTheBrowserIn() throws Exception {
        ServiceProcess dashboard = services.get("dashboard-ui");

        HttpResponse<String> signedIn = browserGet(signInLink(dashboard), null);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> overview = browserGet(dashboard.url("/"), sessionCookie(signedIn));
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("DevOps Paradise");
    }

    @Test
    void aSignInLinkWorksOnce() throws Exception {
        URI link = signInLink(services.get("dashboard-ui"));
        browserGet(link, null);

        assertThat(browserGet(link, null).statusCode())
                .as("the same link a second time")
                .isEqualTo(401);
    }

    @Test
    void theBrowserNeverHoldsTheServiceCredential() throws Exception {
        ServiceProcess dashboard = services.get("dashboard-ui");

        HttpResponse<String> signedIn = browserGet(signInLink(dashboard), null);
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        HttpResponse<String> overview = browserGet(dashboard.url("/"), sessionCookie(signedIn));
        assertThat(overview.body()).doesNotContain(ServiceCredential.token());
    }

    private static URI signInLink(ServiceProcess dashboard) throws Exception {
        HttpResponse<String> issued = Http.send("POST", dashboard.url("/api/sign-in-links"), null);
        return URI.create(tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(issued.body())
                .path("url")
                .asString());
    }

    private static String sessionCookie(HttpResponse<String> signedIn) {
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    @Test
    void theAdminTokenSignsIn() throws Exception {
        ServiceProcess dashboard = services.get("dashboard-ui");
        String admin = Files.readString(home.resolve("admin-token")).strip();

        HttpResponse<String> signedIn = signInWith(dashboard, admin);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("sign-in"));
    }

    @Test
    void aGuessedAdminTokenDoesNotSignIn() throws Exception {
        ServiceProcess dashboard = services.get("dashboard-ui");
        String admin = Files.readString(home.resolve("admin-token")).strip();

        assertThat(signInWith(dashboard, admin.substring(0, admin.length() - 1) + "x")
                        .statusCode())
                .isEqualTo(401);
    }

    private static HttpResponse<String> browserGet(URI uri, String cookie) throws Exception {
        java.net.http.HttpRequest.Builder request =
                java.net.http.HttpRequest.newBuilder(uri).header("Accept", "text/html");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return Http.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> signInWith(ServiceProcess dashboard, String token) throws Exception {
        return Http.client()
                .send(
                        java.net.http.HttpRequest.newBuilder(dashboard.url("/sign-in"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token="
                                        + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void exposingTheGatewayToATeamNeverExposesExec() throws Exception {
        Optional<InetAddress> lan = nonLoopbackAddress();
        assumeThat(lan).as("this machine has a non-loopback IPv4 address").isPresent();

        assertThat(reachable(lan.get(), services.get("bridge-gateway").url("").getPort()))
                .as("the gateway, exposed")
                .isTrue();
        for (String internal :
                new String[] {"instance-manager", "quality-orchestrator", "report-service", "dashboard-ui"}) {
            assertThat(reachable(lan.get(), services.get(internal).url("").getPort()))
                    .as(internal + " from " + lan.get())
                    .isFalse();
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean reachable(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}

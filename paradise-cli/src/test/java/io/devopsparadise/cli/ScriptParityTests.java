package io.devopsparadise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.contracts.clients.ClientNames;
import io.devopsparadise.testsupport.RepoPaths;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The PowerShell twin against the bash script. PowerShell cannot be installed on this machine (Debian does not
 * package it and its download is not reachable), so instead of running it this test checks that both scripts
 * document the same usage, accept the same options, default the same way, print the same guidance, and hand the
 * same options to paradise-cli.
 */
class ScriptParityTests {

    private static final String BASH = read("scripts/start-devops-paradise.sh");
    private static final String POWERSHELL = read("scripts/start-devops-paradise.ps1");

    private static String read(String path) {
        try {
            return Files.readString(RepoPaths.root().resolve(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The usage text from "CLIENT_NAME" to the environment line, without comment marks. */
    private static List<String> usage(String script, String linePrefix) {
        List<String> lines = new ArrayList<>();
        boolean inside = false;
        for (String line : script.lines().toList()) {
            String text = line.startsWith(linePrefix) ? line.substring(linePrefix.length()) : line;
            if (text.strip().startsWith("CLIENT_NAME ")) {
                inside = true;
            }
            if (inside && !text.isBlank()) {
                lines.add(text.strip());
            }
            if (inside && text.contains("PARADISE_ADMIN_TOKEN")) {
                break;
            }
        }
        return lines;
    }

    private static Set<String> matches(String text, String regex) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @Test
    void bothDocumentTheSameUsage() {
        List<String> bash = usage(BASH, "#");
        List<String> powershell = usage(POWERSHELL, "");

        assertThat(bash)
                .hasSizeGreaterThan(10)
                .contains(
                        "CLIENT_NAME      letters, digits, '.', '_', '-' (default: the client registered for WORKSPACE, else $(whoami)-$(date +%s))");
        assertThat(powershell).isEqualTo(bash);
    }

    @Test
    void bothAcceptTheSameOptions() {
        Set<String> bash = matches(BASH, "\\n\\s+(--[a-z-]+)(?:\\|-h)?\\)");
        Set<String> powershell = matches(POWERSHELL, "'(--[a-z-]+)'");

        assertThat(bash)
                .containsExactlyInAnyOrder(
                        "--help",
                        "--status",
                        "--stop",
                        "--backend",
                        "--memory",
                        "--cpus",
                        "--no-run",
                        "--platform-only",
                        "--compose",
                        "--ha",
                        "--pull");
        assertThat(powershell).containsAll(bash);
    }

    @Test
    void bothDefaultTheSameWay() {
        assertThat(BASH)
                .contains("profile=\"${positional[2]:-comprehensive}\"")
                .contains("workspace_arg=\"${positional[1]:-$(pwd)}\"");
        assertThat(POWERSHELL).contains("} else { 'comprehensive' }").contains("} else { (Get-Location).Path }");
        for (String port : List.of(
                "PARADISE_INSTANCE_MANAGER_PORT:-8110",
                "PARADISE_QUALITY_PORT:-8120",
                "PARADISE_REPORTS_PORT:-8130",
                "PARADISE_DASHBOARD_PORT:-8140",
                "PARADISE_GATEWAY_PORT:-8100")) {
            String[] variableAndPort = port.split(":-");
            assertThat(BASH).contains(port);
            assertThat(POWERSHELL)
                    .containsPattern("Variable = '" + variableAndPort[0] + "'; Default = " + variableAndPort[1]);
        }
        for (String both : List.of(
                "ghcr.io/oraios/serena:latest",
                "code-process",
                "docker/code-backend",
                ".devops-paradise",
                "target/.paradise-build")) {
            assertThat(BASH).contains(both);
            assertThat(POWERSHELL).contains(both);
        }
    }

    @Test
    void bothPrintTheSameGuidance() {
        for (String message : List.of(
                "Java 17 or newer is required and 'java' is not on the PATH",
                "Java 17 or newer is required, found:",
                "does not exist or is not a directory; give the project directory to work on",
                "is not allowed: use 1-63 letters, digits",
                "is not a profile name (quick, standard, comprehensive or a custom one)",
                "is taken by another program; free it, or give",
                "exited while starting: ",
                "the end of its log (",
                "did not become healthy in 120 s",
                "building the services (the first time takes a few minutes)",
                "the build failed; run",
                "unknown option",
                "too many arguments",
                "--compose needs Docker",
                "already runs (pid",
                "--pull needs Docker",
                "so the client gets the 'code'",
                "backend: code, in a container built here",
                "backend: code-process, since",
                "Serena's image could not be pulled",
                "serena runs the image pulled here, pinned:",
                "it runs unpinned (PARADISE_SERENA_REQUIRE_DIGEST=false)")) {
            assertThat(BASH).as("bash: " + message).contains(message);
            assertThat(POWERSHELL).as("powershell: " + message).contains(message);
        }
    }

    @Test
    void bothCheckAClientNameByTheRuleEveryServiceChecks() {
        assertThat(BASH).contains("\"$client\" =~ ^" + ClientNames.REGEX + "$ ]]");
        assertThat(POWERSHELL).contains("$client -notmatch '^" + ClientNames.REGEX + "$'");
    }

    @Test
    void bothHandParadiseCliTheSameOptions() {
        Set<String> bash = matches(BASH.substring(BASH.indexOf("setup=(")), "(--[a-z-]+)[ )]");
        Set<String> powershell = matches(POWERSHELL.substring(POWERSHELL.indexOf("$setup = @(")), "'(--[a-z-]+)'");

        assertThat(bash)
                .contains(
                        "--workspace",
                        "--profile",
                        "--backend",
                        "--home",
                        "--gateway-url",
                        "--dashboard-url",
                        "--name",
                        "--no-run");
        assertThat(powershell).isEqualTo(bash);
    }
}

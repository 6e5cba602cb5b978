package io.devopsparadise.instances.runtime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the placeholders of a profile's command and environment: {port}, {port:NAME}, {containerPort:NAME},
 * {workspace}, {instanceId}, {clientId}, {dataDir}. Anything else in braces is left as it is.
 */
final class CommandTemplate {

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{(port|containerPort|workspace|instanceId|clientId|dataDir)(?::([A-Za-z0-9_-]+))?}");

    private final LaunchSpec spec;
    private final String workspace;
    private final boolean containerPorts;

    CommandTemplate(LaunchSpec spec, String workspace, boolean containerPorts) {
        this.spec = spec;
        this.workspace = workspace;
        this.containerPorts = containerPorts;
    }

    String fill(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(value(matcher.group(1), matcher.group(2))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String value(String key, String argument) {
        return switch (key) {
            case "port" -> String.valueOf(port(argument, containerPorts));
            case "containerPort" -> String.valueOf(port(argument, true));
            case "workspace" -> workspace;
            case "instanceId" -> spec.instanceId();
            case "clientId" -> spec.clientId();
            case "dataDir" -> String.valueOf(spec.dataDir());
            default -> throw new IllegalStateException("unreachable: " + key);
        };
    }

    private int port(String name, boolean inside) {
        String portName = name == null ? spec.profile().mcpPort() : name;
        Integer hostPort = spec.ports().get(portName);
        if (hostPort == null) {
            throw new IllegalArgumentException("profile " + spec.profile().name() + " names port '" + portName
                    + "' in its command, but declares only " + spec.ports().keySet());
        }
        return inside ? spec.profile().containerPort(portName, hostPort) : hostPort;
    }
}

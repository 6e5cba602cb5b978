package io.devopsparadise.gateway.tools;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The gateway's own tools, found as beans. */
@Component
public class GatewayTools {

    private final Map<String, GatewayTool> byName;

    public GatewayTools(List<GatewayTool> tools) {
        tools.stream()
                .filter(tool -> !tool.name().startsWith(GatewayTool.PREFIX))
                .findAny()
                .ifPresent(tool -> {
                    throw new IllegalStateException(
                            "gateway tool " + tool.name() + " must be named " + GatewayTool.PREFIX + "…");
                });
        this.byName = tools.stream()
                .collect(Collectors.toMap(
                        GatewayTool::name,
                        Function.identity(),
                        (a, b) -> {
                            throw new IllegalStateException("two gateway tools named " + a.name());
                        },
                        java.util.TreeMap::new));
    }

    public Optional<GatewayTool> find(String name) {
        return Optional.ofNullable(name).map(byName::get);
    }

    public List<GatewayTool> all() {
        return List.copyOf(byName.values());
    }

    public static boolean isGatewayToolName(String name) {
        return name != null && name.startsWith(GatewayTool.PREFIX);
    }
}

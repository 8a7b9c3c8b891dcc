package dev.claudecode.spring;

import dev.claudecode.hook.HookEvent;
import dev.claudecode.hook.HookOutput;
import dev.claudecode.mcp.McpParam;
import dev.claudecode.mcp.McpTool;
import dev.claudecode.mcp.SdkMcpServer;
import dev.claudecode.permission.CanUseTool;
import dev.claudecode.permission.PermissionResult;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** An application whose Claude Code callbacks, MCP tools and OpenTelemetry are beans. */
@SpringBootApplication
public class TestApplication {

    /** The weather tools, served in-process. */
    public static class Weather {
        final List<String> cities = new CopyOnWriteArrayList<>();

        /**
         * @param city a city
         * @return its temperature
         */
        @McpTool(description = "Current temperature of a city in degrees Celsius")
        public double temperature(@McpParam(name = "city", description = "the city") String city) {
            cities.add(city);
            return 4.5;
        }
    }

    @Bean
    Weather weather() {
        return new Weather();
    }

    @Bean
    SdkMcpServer weatherServer(Weather weather) {
        return SdkMcpServer.builder("weather").toolsFrom(weather).build();
    }

    @Bean
    List<String> permissionPrompts() {
        return new CopyOnWriteArrayList<>();
    }

    @Bean
    CanUseTool canUseTool(List<String> permissionPrompts) {
        return request -> {
            permissionPrompts.add(request.toolName());
            return request.toolName().startsWith("mcp__weather__") ? PermissionResult.allow()
                    : PermissionResult.deny("Only the weather tools.");
        };
    }

    @Bean
    ClaudeCodeHook noShell() {
        return ClaudeCodeHook.of(HookEvent.PRE_TOOL_USE, (input, toolUseId, context) -> HookOutput.empty());
    }

    @Bean
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }

    @Bean(destroyMethod = "close")
    OpenTelemetrySdk openTelemetry(InMemorySpanExporter spans) {
        return OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .build();
    }
}

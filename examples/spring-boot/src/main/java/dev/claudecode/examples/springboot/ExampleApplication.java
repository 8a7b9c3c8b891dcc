package dev.claudecode.examples.springboot;

import dev.claudecode.mcp.McpParam;
import dev.claudecode.mcp.McpTool;
import dev.claudecode.mcp.SdkMcpServer;
import dev.claudecode.permission.CanUseTool;
import dev.claudecode.permission.PermissionResult;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A sample application: {@code GET /ask?question=...} answers through a Claude Code session that
 * may use one Java tool (the warehouse stock) and nothing else. The session options come from
 * {@code application.properties}; metrics and the {@code claudeCode} health indicator are at
 * {@code /actuator}.
 */
@SpringBootApplication
public class ExampleApplication {

    /**
     * @param args Spring Boot's arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(ExampleApplication.class, args);
    }

    /** The warehouse, offered to the model as an in-process MCP tool. */
    public static class Warehouse {

        /**
         * @param item an item
         * @return how many are in stock
         */
        @McpTool(description = "How many of an item are in stock")
        public int stock(@McpParam(name = "item", description = "the item") String item) {
            return item.equalsIgnoreCase("umbrella") ? 12 : 0;
        }
    }

    @Bean
    SdkMcpServer warehouse() {
        return SdkMcpServer.builder("warehouse").toolsFrom(new Warehouse()).build();
    }

    @Bean
    CanUseTool onlyTheWarehouse() {
        return request -> request.toolName().startsWith("mcp__warehouse__") ? PermissionResult.allow()
                : PermissionResult.deny("This application only lets the model look up the warehouse.");
    }
}

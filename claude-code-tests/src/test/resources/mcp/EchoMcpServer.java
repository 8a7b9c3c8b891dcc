import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal MCP server over stdio for the integration tests, run as a single-file Java program:
 * it answers initialize, tools/list and tools/call for one tool, "echo". Given "--extras" after its
 * name it also has a tool "sleep" (waits "ms" milliseconds) and one MCP Apps resource,
 * ui://echo/widget. JSON-RPC messages are newline-delimited; only the few fields it needs are
 * read, with patterns.
 */
public class EchoMcpServer {

    private static final Pattern METHOD = Pattern.compile("\"method\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\"[^\"]*\"|-?\\d+)");
    private static final Pattern VERSION = Pattern.compile("\"protocolVersion\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TEXT = Pattern.compile("\"text\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern MS = Pattern.compile("\"ms\"\\s*:\\s*(\\d+)");
    private static final String WIDGET = "{\"uri\":\"ui://echo/widget\",\"name\":\"widget\",\"mimeType\":\"text/html;profile=mcp-app\"}";

    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : "echo";
        boolean extras = args.length > 1 && args[1].equals("--extras");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            Matcher method = METHOD.matcher(line);
            Matcher id = ID.matcher(line);
            if (!method.find() || !id.find()) {
                continue; // a notification or a response: nothing to answer
            }
            String result = switch (method.group(1)) {
                case "initialize" -> {
                    Matcher version = VERSION.matcher(line);
                    yield "{\"protocolVersion\":\"" + (version.find() ? version.group(1) : "2025-06-18")
                            + "\",\"capabilities\":{\"tools\":{}" + (extras ? ",\"resources\":{}" : "")
                            + "},\"serverInfo\":{\"name\":\"" + name + "\",\"version\":\"1.2.3\"}}";
                }
                case "tools/list" -> "{\"tools\":[{\"name\":\"echo\",\"description\":\"Echoes its text\","
                        + "\"inputSchema\":{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}}},"
                        + "\"annotations\":{\"readOnlyHint\":true}}"
                        + (extras ? ",{\"name\":\"sleep\",\"description\":\"Waits\",\"inputSchema\":{\"type\":\"object\","
                                + "\"properties\":{\"ms\":{\"type\":\"number\"}}}}" : "")
                        + "]}";
                case "resources/list" -> "{\"resources\":[" + (extras ? WIDGET : "") + "]}";
                case "resources/read" -> "{\"contents\":[{\"uri\":\"ui://echo/widget\",\"mimeType\":\"text/html;profile=mcp-app\","
                        + "\"text\":\"<p>MARKER-WIDGET</p>\",\"_meta\":{\"ui\":{\"prefersBorder\":true}}}]}";
                case "tools/call" -> {
                    Matcher ms = MS.matcher(line);
                    if (line.contains("\"name\":\"sleep\"") && ms.find()) {
                        Thread.sleep(Long.parseLong(ms.group(1)));
                        yield "{\"content\":[{\"type\":\"text\",\"text\":\"slept\"}]}";
                    }
                    Matcher text = TEXT.matcher(line);
                    yield "{\"content\":[{\"type\":\"text\",\"text\":\"" + (text.find() ? text.group(1) : "") + "\"}]}";
                }
                case "ping" -> "{}";
                default -> null;
            };
            String reply = result != null
                    ? "{\"jsonrpc\":\"2.0\",\"id\":" + id.group(1) + ",\"result\":" + result + "}"
                    : "{\"jsonrpc\":\"2.0\",\"id\":" + id.group(1) + ",\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}";
            System.out.println(reply);
            System.out.flush();
        }
    }
}

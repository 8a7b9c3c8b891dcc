import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An MCP server over stdio for the secret-delivery tests, run as a single-file Java program. Its
 * one tool, "fingerprint", answers the SHA-256 of the variables VAULT_TOKEN (given to the server
 * through its MCP configuration's env) and SETTINGS_SECRET (given to the CLI through its settings'
 * env, which the CLI passes on): proof that each reached it, without the values ever being printed.
 */
public class VaultMcpServer {

    private static final Pattern METHOD = Pattern.compile("\"method\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\"[^\"]*\"|-?\\d+)");
    private static final Pattern VERSION = Pattern.compile("\"protocolVersion\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            Matcher method = METHOD.matcher(line);
            Matcher id = ID.matcher(line);
            if (!method.find() || !id.find()) {
                continue;
            }
            String result = switch (method.group(1)) {
                case "initialize" -> {
                    Matcher version = VERSION.matcher(line);
                    yield "{\"protocolVersion\":\"" + (version.find() ? version.group(1) : "2025-06-18")
                            + "\",\"capabilities\":{\"tools\":{}},\"serverInfo\":{\"name\":\"vault\",\"version\":\"1.0.0\"}}";
                }
                case "tools/list" -> "{\"tools\":[{\"name\":\"fingerprint\",\"description\":\"Fingerprints the vault token\","
                        + "\"inputSchema\":{\"type\":\"object\",\"properties\":{}},\"annotations\":{\"readOnlyHint\":true}}]}";
                case "tools/call" -> "{\"content\":[{\"type\":\"text\",\"text\":\"vault=" + sha256(System.getenv("VAULT_TOKEN"))
                        + " settings=" + sha256(System.getenv("SETTINGS_SECRET")) + "\"}]}";
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

    static String sha256(String value) throws Exception {
        if (value == null) {
            return "unset";
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}

package io.cuepoint.api.ops;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Where the management endpoints ({@code /metrics}, {@code /health/live}, {@code /health/ready}) listen.
 * Environment variable {@value #PORT}: a TCP port (default {@value #DEFAULT_PORT} for the cluster roles and
 * {@code cuepoint serve}; {@code cuepoint analyze} has none unless it is set), {@code 0} for any free port (the
 * port is logged as "Management endpoints on port N"), or {@code off} for none. Any other value fails at
 * start-up with a message naming the variable. The endpoints are plain, unauthenticated HTTP on every
 * interface and carry no video data: keep them on the cluster network.
 *
 * @param port the port to bind, 0 for any free one; empty when the endpoints are off
 */
public record ManagementConfig(OptionalInt port) {
    public static final String PORT = "CUEPOINT_MANAGEMENT_PORT";
    public static final int DEFAULT_PORT = 9400;

    /** No endpoints. */
    public static ManagementConfig off() {
        return new ManagementConfig(OptionalInt.empty());
    }

    /**
     * @param onByDefault whether an unset variable means {@value #DEFAULT_PORT} (the services) or off
     *                    ({@code cuepoint analyze})
     * @throws IllegalArgumentException naming {@value #PORT} when its value is neither a port nor {@code off}
     */
    public static ManagementConfig fromEnvironment(Map<String, String> env, boolean onByDefault) {
        String value = env.get(PORT);
        if (value == null || value.isBlank()) {
            return onByDefault ? new ManagementConfig(OptionalInt.of(DEFAULT_PORT)) : off();
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("off")) {
            return off();
        }
        try {
            int port = Integer.parseInt(v);
            if (port >= 0 && port <= 65_535) {
                return new ManagementConfig(OptionalInt.of(port));
            }
        } catch (NumberFormatException e) {
            // Reported below with the accepted values.
        }
        throw new IllegalArgumentException(PORT + " must be a TCP port (0 to 65535, 0 = any free port) or 'off', got '"
                + value + "'");
    }

    public boolean enabled() {
        return port.isPresent();
    }
}

package io.cuepoint.api.egress;

import io.micronaut.core.annotation.Nullable;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Host names that C libraries, browsers and curl read as IPv4 addresses although they are not four decimal
 * numbers: {@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1}, {@code 127.1} (inet_aton's forms). Java's
 * resolver reads some of them differently, so the egress guard refuses them all rather than guess which address a
 * connection would reach.
 */
final class NumericHosts {
    private NumericHosts() {
    }

    /** The address inet_aton would read, or null when the host is not such a numeric form. */
    @Nullable
    static Inet4Address decode(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length == 0 || parts.length > 4) {
            return null;
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long v = number(parts[i]);
            if (v == null) {
                return null;
            }
            values[i] = v;
        }
        // The last part fills all the bytes the earlier parts left: a.b.c.d, a.b.cd, a.bcd, abcd.
        long address = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                return null;
            }
            address |= values[i] << (24 - 8 * i);
        }
        long last = values[values.length - 1];
        if (last >= 1L << (8 * (5 - values.length))) {
            return null;
        }
        address |= last;
        byte[] bytes = {(byte) (address >> 24), (byte) (address >> 16), (byte) (address >> 8), (byte) address};
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    @Nullable
    private static Long number(String part) {
        if (!part.matches("0x[0-9a-f]+|[0-9]+")) {
            return null;
        }
        try {
            if (part.startsWith("0x")) {
                return part.length() > 2 && part.length() <= 10 ? Long.parseLong(part.substring(2), 16) : null;
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return part.length() <= 12 ? Long.parseLong(part.substring(1), 8) : null;
            }
            return !part.isEmpty() && part.length() <= 10 ? Long.parseLong(part) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package io.cuepoint.api.egress;

import io.micronaut.core.annotation.Nullable;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The special-purpose address blocks (IANA IPv4 and IPv6 special-purpose registries, RFC 6890 and successors) that
 * a server-side fetch must not reach by default, each with the words that explain a refusal. IPv6 forms that embed
 * an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by the address they embed.
 */
final class AddressRanges {
    /** Checked first and by exact address: the instance metadata services of the big clouds. */
    private static final Map<Cidr, String> METADATA = ranges(
            "169.254.169.254", "a cloud metadata address",
            "169.254.170.2", "a cloud metadata address (container credentials)",
            "fd00:ec2::254", "a cloud metadata address",
            "100.100.100.200", "a cloud metadata address");

    /** In order: the first block that contains an address names the refusal. */
    private static final Map<Cidr, String> BLOCKED = ranges(
            "0.0.0.0/32", "the unspecified address",
            "255.255.255.255/32", "the broadcast address",
            "0.0.0.0/8", "a 'this network' address (0.0.0.0/8)",
            "10.0.0.0/8", "a private address (RFC 1918)",
            "100.64.0.0/10", "a carrier-grade NAT address (100.64.0.0/10)",
            "127.0.0.0/8", "a loopback address",
            "169.254.0.0/16", "a link-local address",
            "172.16.0.0/12", "a private address (RFC 1918)",
            "192.0.0.0/24", "a reserved address (IETF protocol assignments)",
            "192.0.2.0/24", "a documentation address (TEST-NET-1)",
            "192.88.99.0/24", "a reserved address (6to4 relay anycast)",
            "192.168.0.0/16", "a private address (RFC 1918)",
            "198.18.0.0/15", "a benchmarking address (198.18.0.0/15)",
            "198.51.100.0/24", "a documentation address (TEST-NET-2)",
            "203.0.113.0/24", "a documentation address (TEST-NET-3)",
            "224.0.0.0/4", "a multicast address",
            "240.0.0.0/4", "a reserved address (240.0.0.0/4)",
            "::/128", "the unspecified address",
            "::1/128", "a loopback address",
            "64:ff9b:1::/48", "a local-use NAT64 address",
            "100::/64", "a discard-only address",
            "2001::/23", "a reserved address (IETF protocol assignments)",
            "2001:db8::/32", "a documentation address",
            "3fff::/20", "a documentation address",
            "fc00::/7", "a unique-local address",
            "fe80::/10", "a link-local address",
            "fec0::/10", "a site-local address",
            "ff00::/8", "a multicast address");

    private AddressRanges() {
    }

    /** Why an address is special; empty for an ordinary public address. */
    static Optional<String> classify(InetAddress address) {
        Optional<String> own = lookup(address);
        if (own.isPresent()) {
            return own;
        }
        Inet4Address embedded = embeddedV4(address);
        if (embedded == null) {
            return Optional.empty();
        }
        return lookup(embedded).map(why -> "an IPv6 form of " + embedded.getHostAddress() + ", " + why);
    }

    /**
     * The IPv4 address inside an IPv4-mapped ({@code ::ffff:0:0/96}), IPv4-compatible ({@code ::/96}), NAT64
     * ({@code 64:ff9b::/96}) or 6to4 ({@code 2002::/16}) IPv6 address; null otherwise.
     */
    @Nullable
    static Inet4Address embeddedV4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] a = address.getAddress();
        int offset;
        if (zero(a, 0, 10) && ((a[10] == (byte) 0xff && a[11] == (byte) 0xff) || (a[10] == 0 && a[11] == 0))) {
            offset = 12;
        } else if (a[0] == 0 && a[1] == 0x64 && a[2] == (byte) 0xff && a[3] == (byte) 0x9b && zero(a, 4, 12)) {
            offset = 12;
        } else if (a[0] == 0x20 && a[1] == 0x02) {
            offset = 2;
        } else {
            return null;
        }
        byte[] v4 = new byte[4];
        System.arraycopy(a, offset, v4, 0, 4);
        try {
            return (Inet4Address) InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static Optional<String> lookup(InetAddress address) {
        for (var blocks : new Map[] {METADATA, BLOCKED}) {
            @SuppressWarnings("unchecked")
            Map<Cidr, String> typed = blocks;
            for (var block : typed.entrySet()) {
                if (block.getKey().contains(address)) {
                    return Optional.of(block.getValue());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean zero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Map<Cidr, String> ranges(String... pairs) {
        var map = new LinkedHashMap<Cidr, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(Cidr.parse(pairs[i]), pairs[i + 1]);
        }
        return map;
    }
}

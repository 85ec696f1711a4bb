package io.cuepoint.api.egress;

import io.cuepoint.api.ApiException;
import io.cuepoint.api.config.EgressConfig;
import jakarta.inject.Singleton;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides which addresses the api may contact on a client's behalf (URL sources, webhooks): never loopback,
 * private, link-local, carrier-grade NAT, multicast, reserved or cloud metadata addresses, nor the IPv6 forms
 * that embed them, unless {@code cuepoint.egress.allowed-networks} names them. The check that counts is the one
 * on the addresses a connection actually uses ({@link GuardedDnsResolver}); {@link #checkUrl} answers a client
 * early with the reason.
 */
@Singleton
public final class EgressGuard {
    private final List<Cidr> allowed;

    public EgressGuard(EgressConfig config) {
        this.allowed = config.allowed();
    }

    /** Why the address may not be contacted, such as "a loopback address"; empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        if (allowed(address)) {
            return Optional.empty();
        }
        return AddressRanges.classify(address);
    }

    /**
     * Checks a URL before it is fetched: http or https, a host, no ambiguous numeric host, and at least one
     * resolved address that may be contacted.
     *
     * @throws ApiException 400 naming the host and the reason
     */
    public void checkUrl(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ApiException.badRequest("refused: only http and https URLs can be fetched, not "
                    + (scheme.isEmpty() ? "'" + uri + "'" : scheme + ":"));
        }
        String host = host(uri);
        if (Cidr.literal(host) == null) {
            Inet4Address numeric = NumericHosts.decode(host);
            if (numeric != null) {
                String why = refusal(numeric).map(r -> ", " + r).orElse("");
                throw ApiException.badRequest("refused: " + host + " is an ambiguous numeric form of "
                        + numeric.getHostAddress() + why + "; write IPv4 addresses as four decimal numbers");
            }
        }
        resolveAllowed(host);
    }

    /**
     * The addresses of a host that may be contacted, in resolver order.
     *
     * @throws ApiException 400 when none may (naming the first refused address and why) or the host is unknown
     */
    public List<InetAddress> resolveAllowed(String host) {
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw ApiException.badRequest("cannot resolve the host " + host);
        }
        return allowedOf(host, all);
    }

    /** The allowed subset of a host's resolved addresses; 400 naming the reason when there is none. */
    List<InetAddress> allowedOf(String host, InetAddress[] resolved) {
        var ok = new ArrayList<InetAddress>();
        String firstRefusal = null;
        for (InetAddress a : resolved) {
            Optional<String> why = refusal(a);
            if (why.isEmpty()) {
                ok.add(a);
            } else if (firstRefusal == null) {
                firstRefusal = Cidr.literal(host) != null ? host + " is " + why.get()
                        : host + " resolves to " + a.getHostAddress() + ", " + why.get();
            }
        }
        if (ok.isEmpty()) {
            throw ApiException.badRequest("refused: " + (firstRefusal == null ? host + " has no address" : firstRefusal)
                    + " (cuepoint.egress.allowed-networks can allow it)");
        }
        return ok;
    }

    /** The host of a URL without IPv6 brackets. */
    static String host(URI uri) {
        String host = uri.getHost();
        if (host == null && uri.getRawAuthority() != null) {
            // java.net.URI leaves the host out when it is no valid host name, as for 0x7f.1; others read it anyway.
            String authority = uri.getRawAuthority();
            host = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":\\d*$", "");
            if (NumericHosts.decode(host) == null) {
                throw ApiException.badRequest("refused: not a valid host name: " + host);
            }
        }
        if (host == null || host.isEmpty()) {
            throw ApiException.badRequest("refused: the URL names no host: " + uri);
        }
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private boolean allowed(InetAddress address) {
        Inet4Address embedded = AddressRanges.embeddedV4(address);
        for (Cidr network : allowed) {
            if (network.contains(address) || (embedded != null && network.contains(embedded))) {
                return true;
            }
        }
        return false;
    }
}

package io.cuepoint.api.egress;

import io.cuepoint.api.ApiException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The egress client's only way from a host name to addresses: resolves, then hands the connection only the
 * addresses the {@link EgressGuard} allows. The connection goes to an address that was checked, so a name that
 * resolves to a public address for the early check and to a private one a moment later (DNS rebinding) gains
 * nothing.
 */
final class GuardedDnsResolver implements DnsResolver {
    private final EgressGuard guard;

    GuardedDnsResolver(EgressGuard guard) {
        this.guard = guard;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] all = SystemDefaultDnsResolver.INSTANCE.resolve(host);
        try {
            return guard.allowedOf(host, all).toArray(InetAddress[]::new);
        } catch (ApiException refused) {
            throw new RefusedHostException(refused);
        }
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return List.of(resolve(host)).stream().map(a -> new InetSocketAddress(a, port)).toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        // Only used for Kerberos/SPNEGO, which the egress client never does; answering the name itself avoids a
        // second, unchecked lookup.
        return host;
    }

    /** Carries the guard's refusal through the client, which only lets IOExceptions pass. */
    static final class RefusedHostException extends UnknownHostException {
        private final transient ApiException refusal;

        RefusedHostException(ApiException refusal) {
            super(refusal.getMessage());
            this.refusal = refusal;
        }

        ApiException refusal() {
            return refusal;
        }
    }
}

package io.cuepoint.api.config;

import io.cuepoint.api.egress.Cidr;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Outbound HTTP: what the api fetches (URL sources) and calls (webhooks). Keys under {@code cuepoint.egress.*}
 * (environment {@code CUEPOINT_EGRESS_*}).
 *
 * @param allowedNetworks  {@code allowed-networks}: CIDR blocks (such as {@code 10.20.0.0/16} or
 *                         {@code fd12::/64}) that may be contacted although they are loopback, private, link-local
 *                         or otherwise internal; comma-separated; default none
 * @param maxRedirects     {@code max-redirects}: redirects followed per fetch, each target checked again;
 *                         default 5, at most 20
 * @param connectTimeout   {@code connect-timeout}: to open one connection; default 10s
 * @param readTimeout      {@code read-timeout}: longest silence while waiting for a response or its body;
 *                         default 30s
 * @param maxDownloadBytes {@code max-download-bytes}: largest URL source in bytes; default
 *                         {@code cuepoint.max-upload-bytes}
 * @param downloadTimeout  {@code download-timeout}: a URL source must be fetched completely, redirects included,
 *                         within this time; default 10m
 */
@ConfigurationProperties("cuepoint.egress")
public record EgressConfig(
        @Nullable List<String> allowedNetworks,
        @Bindable(defaultValue = "5") int maxRedirects,
        @Bindable(defaultValue = "10s") Duration connectTimeout,
        @Bindable(defaultValue = "30s") Duration readTimeout,
        @Nullable Long maxDownloadBytes,
        @Bindable(defaultValue = "10m") Duration downloadTimeout) {

    public EgressConfig {
        allowedNetworks = allowedNetworks == null ? List.of()
                : allowedNetworks.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
        for (String network : allowedNetworks) {
            try {
                Cidr.parse(network);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("cuepoint.egress.allowed-networks: " + e.getMessage());
            }
        }
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw new ConfigurationException("cuepoint.egress.max-redirects must be 0 to 20, not " + maxRedirects);
        }
        positive("connect-timeout", connectTimeout);
        positive("read-timeout", readTimeout);
        positive("download-timeout", downloadTimeout);
        if (maxDownloadBytes != null && maxDownloadBytes <= 0) {
            throw new ConfigurationException("cuepoint.egress.max-download-bytes must be positive, not "
                    + maxDownloadBytes);
        }
    }

    /** The allowed networks, parsed. */
    public List<Cidr> allowed() {
        var result = new ArrayList<Cidr>();
        allowedNetworks.forEach(n -> result.add(Cidr.parse(n)));
        return result;
    }

    /** The download limit: {@code max-download-bytes}, else the upload limit. */
    public long downloadLimit(CuepointConfig cuepoint) {
        return maxDownloadBytes != null ? maxDownloadBytes : cuepoint.maxUploadBytes();
    }

    /** The key that sets {@link #downloadLimit}, for messages. */
    public String downloadLimitKey() {
        return maxDownloadBytes != null ? "cuepoint.egress.max-download-bytes" : "cuepoint.max-upload-bytes";
    }

    private static void positive(String key, @Nullable Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new ConfigurationException("cuepoint.egress." + key + " must be a positive duration, not " + d);
        }
    }
}

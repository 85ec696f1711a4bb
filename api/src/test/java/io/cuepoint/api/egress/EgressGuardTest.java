package io.cuepoint.api.egress;

import io.cuepoint.api.ApiException;
import io.cuepoint.api.config.EgressConfig;
import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The egress guard's address classes, allowances and URL checks; addresses are literals, so no DNS is needed. */
class EgressGuardTest {
    private final EgressGuard strict = guard(List.of());

    @Test
    void internalAddressesAreRefusedWithTheirReason() throws Exception {
        assertRefused("127.0.0.1", "a loopback address");
        assertRefused("127.255.1.2", "a loopback address");
        assertRefused("::1", "a loopback address");
        assertRefused("10.0.0.1", "a private address (RFC 1918)");
        assertRefused("172.31.255.255", "a private address (RFC 1918)");
        assertRefused("192.168.1.1", "a private address (RFC 1918)");
        assertRefused("fd12:3456::1", "a unique-local address");
        assertRefused("169.254.10.10", "a link-local address");
        assertRefused("fe80::1", "a link-local address");
        assertRefused("100.64.0.1", "a carrier-grade NAT address (100.64.0.0/10)");
        assertRefused("224.0.0.251", "a multicast address");
        assertRefused("ff02::1", "a multicast address");
        assertRefused("0.0.0.0", "the unspecified address");
        assertRefused("::", "the unspecified address");
        assertRefused("255.255.255.255", "the broadcast address");
        assertRefused("0.1.2.3", "a 'this network' address (0.0.0.0/8)");
        assertRefused("198.18.0.1", "a benchmarking address (198.18.0.0/15)");
        assertRefused("192.0.2.1", "a documentation address (TEST-NET-1)");
        assertRefused("240.0.0.1", "a reserved address (240.0.0.0/4)");
        assertRefused("2001:db8::1", "a documentation address");
        assertRefused("169.254.169.254", "a cloud metadata address");
        assertRefused("fd00:ec2::254", "a cloud metadata address");
        assertRefused("100.100.100.200", "a cloud metadata address");
    }

    @Test
    void ipv6FormsOfInternalIpv4AddressesAreRefused() throws Exception {
        // Java turns ::ffff:a.b.c.d into an IPv4 address when it parses it; built from bytes it stays IPv6.
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 127;
        mapped[15] = 1;
        assertThat(strict.refusal(InetAddress.getByAddress(mapped))).isPresent();
        assertRefused("::127.0.0.1", "an IPv6 form of 127.0.0.1, a loopback address");
        assertRefused("::169.254.169.254", "an IPv6 form of 169.254.169.254, a cloud metadata address");
        assertRefused("64:ff9b::a00:1", "an IPv6 form of 10.0.0.1, a private address (RFC 1918)");
        assertRefused("2002:c0a8:101::1", "an IPv6 form of 192.168.1.1, a private address (RFC 1918)");
        assertThat(strict.refusal(address("64:ff9b::808:808"))).isEmpty();
    }

    @Test
    void publicAddressesPass() throws Exception {
        for (String a : List.of("8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700:4700::1111", "100.128.0.1",
                "172.32.0.1", "11.0.0.1")) {
            assertThat(strict.refusal(address(a))).as(a).isEmpty();
        }
    }

    @Test
    void allowedNetworksOverrideTheRefusals() throws Exception {
        EgressGuard guard = guard(List.of("127.0.0.1/32", "10.20.0.0/16", "fd12::/16"));
        assertThat(guard.refusal(address("127.0.0.1"))).isEmpty();
        assertThat(guard.refusal(address("::127.0.0.1"))).isEmpty();
        assertThat(guard.refusal(address("10.20.3.4"))).isEmpty();
        assertThat(guard.refusal(address("fd12:3456::1"))).isEmpty();
        assertThat(guard.refusal(address("127.0.0.2"))).contains("a loopback address");
        assertThat(guard.refusal(address("10.21.0.1"))).isPresent();
        assertThat(guard.refusal(address("169.254.169.254"))).isPresent();
    }

    @Test
    void urlsNeedHttpAHostAndAPlainAddress() {
        assertThat(refusal("ftp://example.com/a.mp4")).contains("only http and https");
        assertThat(refusal("file:///etc/passwd")).contains("only http and https");
        assertThat(refusal("http:///nohost")).contains("names no host");
        assertThat(refusal("http://127.0.0.1/x")).isEqualTo("refused: 127.0.0.1 is a loopback address "
                + "(cuepoint.egress.allowed-networks can allow it)");
        assertThat(refusal("http://[::1]:8080/x")).contains("::1 is a loopback address");
        assertThat(refusal("http://2130706433/")).contains("2130706433", "127.0.0.1", "loopback");
        assertThat(refusal("http://0x7f.1/")).contains("0x7f.1", "127.0.0.1");
        assertThat(refusal("http://0177.0.0.1/")).contains("127.0.0.1");
        assertThat(refusal("http://127.1/")).contains("127.0.0.1");
        assertThat(refusal("http://010.0.0.1/")).contains("8.0.0.1", "ambiguous");
    }

    @Test
    void numericHostFormsDecodeAsInetAton() throws Exception {
        assertThat(NumericHosts.decode("2130706433")).isEqualTo(address("127.0.0.1"));
        assertThat(NumericHosts.decode("0x7f000001")).isEqualTo(address("127.0.0.1"));
        assertThat(NumericHosts.decode("0x7f.1")).isEqualTo(address("127.0.0.1"));
        assertThat(NumericHosts.decode("10.1")).isEqualTo(address("10.0.0.1"));
        assertThat(NumericHosts.decode("192.168.257")).isEqualTo(address("192.168.1.1"));
        assertThat(NumericHosts.decode("example.com")).isNull();
        assertThat(NumericHosts.decode("4294967296")).isNull();
        assertThat(NumericHosts.decode("1.2.3.4.5")).isNull();
        assertThat(NumericHosts.decode("-1")).isNull();
    }

    @Test
    void badAllowedNetworksStopStartUpNamingTheKey() {
        var e = catchThrowableOfType(ConfigurationException.class, () -> guard(List.of("10.0.0.0/33")));
        assertThat(e).hasMessageContaining("cuepoint.egress.allowed-networks").hasMessageContaining("10.0.0.0/33");
        assertThat(catchThrowableOfType(ConfigurationException.class, () -> guard(List.of("intranet.local"))))
                .hasMessageContaining("cuepoint.egress.allowed-networks");
        assertThat(Cidr.parse("fe80::/10").contains(address("fe80::abcd"))).isTrue();
        assertThat(Cidr.parse("fe80::/10").contains(address("fec0::1"))).isFalse();
    }

    private void assertRefused(String literal, String why) {
        assertThat(strict.refusal(address(literal))).as(literal).contains(why);
    }

    private String refusal(String url) {
        var e = catchThrowableOfType(ApiException.class, () -> strict.checkUrl(URI.create(url)));
        assertThat(e).as(url).isNotNull();
        assertThat(e.status().getCode()).isEqualTo(400);
        return e.getMessage();
    }

    private static InetAddress address(String literal) {
        byte[] bytes = Cidr.literal(literal);
        assertThat(bytes).as(literal).isNotNull();
        try {
            return InetAddress.getByAddress(bytes);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static EgressGuard guard(List<String> allowed) {
        return new EgressGuard(new EgressConfig(allowed, 5, Duration.ofSeconds(1), Duration.ofSeconds(1), null,
                Duration.ofSeconds(5)));
    }
}

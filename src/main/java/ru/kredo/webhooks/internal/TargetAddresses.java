package ru.kredo.webhooks.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import ru.kredo.platform.Rejected;

/**
 * Decides where Kredo may send webhooks: http or https only and, unless private addresses are allowed, never into
 * Kredo's own network (SSRF): loopback, private, link-local, carrier-grade NAT, multicast, reserved — nor an IPv6
 * address that embeds one (IPv4-compatible, IPv4-mapped, NAT64, 6to4) or tunnels to one (Teredo). A host written as a
 * number in another base ({@code 2130706433}, {@code 0x7f.1}) is read as the address it is. Checked when an endpoint
 * is saved and again at each attempt, where {@link #vettedAddresses} is the HTTP client's only DNS lookup: the
 * connection goes to exactly the addresses checked, so DNS rebinding cannot switch them in between.
 */
@Component
public class TargetAddresses {

	private static final int MAX_LENGTH = 2000;

	/** The system's DNS; tests answer for it. */
	@FunctionalInterface
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;
	}

	private final boolean allowPrivate;
	private final Resolver resolver;

	@Autowired
	TargetAddresses(WebhookProperties properties) {
		this(properties, InetAddress::getAllByName);
	}

	TargetAddresses(WebhookProperties properties, Resolver resolver) {
		this.allowPrivate = properties.allowPrivateAddresses();
		this.resolver = resolver;
	}

	/** The URL as an absolute http(s) URI to a public host, or {@link Rejected} saying what is wrong. */
	public URI check(String url) {
		URI uri = target(url);
		if (allowPrivate) {
			return uri;
		}
		try {
			vettedAddresses(uri.getHost());
		}
		catch (UnknownHostException ex) {
			throw new Rejected("webhook.url-unknown-host");
		}
		return uri;
	}

	/** The URL's form alone (scheme, host), without looking the host up: the lookup is the connection's. */
	URI target(String url) {
		URI uri = parse(url == null ? "" : url.strip());
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !scheme.equals("http")) {
			throw new Rejected("webhook.url-scheme");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			throw new Rejected("webhook.url-invalid");
		}
		return uri;
	}

	/**
	 * The host's addresses, looked up once and every one checked; {@link Rejected} ({@code webhook.url-private}) if
	 * any is inside the network, {@link UnknownHostException} if the host has none.
	 */
	InetAddress[] vettedAddresses(String host) throws UnknownHostException {
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		InetAddress numeric = LegacyIpv4.parse(bare);
		InetAddress[] addresses = numeric != null ? new InetAddress[] { numeric } : resolver.resolve(bare);
		if (addresses == null || addresses.length == 0) {
			throw new UnknownHostException(bare);
		}
		if (!allowPrivate) {
			for (InetAddress address : addresses) {
				if (isInternal(address)) {
					throw new Rejected("webhook.url-private");
				}
			}
		}
		return addresses.clone();
	}

	private static URI parse(String url) {
		if (url.isEmpty() || url.length() > MAX_LENGTH) {
			throw new Rejected("webhook.url-invalid");
		}
		try {
			return new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new Rejected("webhook.url-invalid");
		}
	}

	static boolean isInternal(InetAddress address) {
		byte[] b = address.getAddress();
		return b.length == 4 ? isInternalIpv4(b) : isInternalIpv6(address, b);
	}

	private static boolean isInternalIpv4(byte[] b) {
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		return first == 0 || first == 10 || first == 127 || first >= 224 // this network, private, loopback, multicast, reserved
				|| (first == 169 && second == 254) || (first == 172 && (second & 0xf0) == 16)
				|| (first == 192 && second == 168) || (first == 100 && (second & 0xc0) == 64) // CGNAT 100.64/10
				|| (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
				|| (first == 198 && (second & 0xfe) == 18); // benchmarking 198.18/15
	}

	private static boolean isInternalIpv6(InetAddress address, byte[] b) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
			return true;
		}
		if (zeros(b, 0, 10) && (b[10] & b[11] & 0xff) == 0xff) { // IPv4-mapped ::ffff:a.b.c.d
			return isInternalIpv4(new byte[] { b[12], b[13], b[14], b[15] });
		}
		if (zeros(b, 0, 12)) { // IPv4-compatible ::a.b.c.d (and ::, ::1)
			return isInternalIpv4(new byte[] { b[12], b[13], b[14], b[15] });
		}
		if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) { // NAT64 64:ff9b::/96, 64:ff9b:1::/48
			return !zeros(b, 4, 12) || isInternalIpv4(new byte[] { b[12], b[13], b[14], b[15] });
		}
		if (first == 0x20 && second == 0x02) { // 6to4 2002:a.b.c.d::/48
			return isInternalIpv4(new byte[] { b[2], b[3], b[4], b[5] });
		}
		if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) { // Teredo 2001::/32 tunnels to any IPv4
			return true;
		}
		if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) { // documentation
			return true;
		}
		return first == 0x01 && second == 0 && zeros(b, 2, 8); // discard-only 100::/64
	}

	private static boolean zeros(byte[] b, int from, int to) {
		for (int i = from; i < to; i++) {
			if (b[i] != 0) {
				return false;
			}
		}
		return true;
	}
}

package ru.kredo.webhooks.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import ru.kredo.platform.PrivateNetworks;
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
		InetAddress numeric = PrivateNetworks.numeric(bare);
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
		return PrivateNetworks.isInternal(address);
	}
}

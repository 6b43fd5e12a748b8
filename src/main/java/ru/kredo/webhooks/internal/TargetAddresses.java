package ru.kredo.webhooks.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.springframework.stereotype.Component;

import ru.kredo.platform.Rejected;

/**
 * Decides where Kredo may send webhooks: http or https only and, unless private addresses are allowed, never into
 * loopback, private, link-local or carrier-grade NAT ranges, so that an endpoint cannot be used to reach Kredo's own
 * network (SSRF). Checked when an endpoint is saved and again before each attempt, since DNS may change.
 */
@Component
public class TargetAddresses {

	private static final int MAX_LENGTH = 2000;

	private final boolean allowPrivate;

	TargetAddresses(WebhookProperties properties) {
		this.allowPrivate = properties.allowPrivateAddresses();
	}

	/** The URL as an absolute http(s) URI to a public host, or {@link Rejected} saying what is wrong. */
	public URI check(String url) {
		URI uri = parse(url == null ? "" : url.strip());
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !scheme.equals("http")) {
			throw new Rejected("webhook.url-scheme");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			throw new Rejected("webhook.url-invalid");
		}
		if (!allowPrivate) {
			requirePublic(uri.getHost());
		}
		return uri;
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

	private static void requirePublic(String host) {
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			throw new Rejected("webhook.url-unknown-host");
		}
		for (InetAddress address : addresses) {
			if (isInternal(address)) {
				throw new Rejected("webhook.url-private");
			}
		}
	}

	static boolean isInternal(InetAddress address) {
		byte[] bytes = address.getAddress();
		boolean ipv4 = bytes.length == 4;
		return address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()
				|| (ipv4 && (bytes[0] == 0 || ((bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64)))
				|| (!ipv4 && (bytes[0] & 0xfe) == 0xfc);
	}
}

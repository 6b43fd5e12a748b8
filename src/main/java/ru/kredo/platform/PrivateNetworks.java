package ru.kredo.platform;

import java.net.InetAddress;

/**
 * The networks an address a tenant gives (a webhook's endpoint, a Bitrix24 portal) must not be in, so that a tenant
 * cannot make Kredo call into its own network (SSRF): loopback, private, link-local, carrier-grade NAT, multicast,
 * reserved — and an IPv6 address that embeds one (IPv4-compatible, IPv4-mapped, NAT64, 6to4) or tunnels to one
 * (Teredo). A host written as a number in another base ({@code 2130706433}, {@code 0x7f.1}) is read as the address it
 * is ({@link #numeric}). The callers look a host up once, check every address, and connect to one of those.
 */
public final class PrivateNetworks {

	private PrivateNetworks() {
	}

	/** The IPv4 address a host written as a number stands for ({@code 2130706433}, {@code 0x7f.1}), or {@code null}. */
	public static InetAddress numeric(String host) {
		return LegacyIpv4.parse(host);
	}

	/**
	 * Whether the address is inside a network Kredo never calls on a tenant's behalf (the list is in
	 * {@code docs/webhooks.md}, «Which addresses are refused»).
	 */
	public static boolean isInternal(InetAddress address) {
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

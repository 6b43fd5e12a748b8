package ru.kredo.platform;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The client a per-address limit counts: an IPv4 address is one client; an IPv6 address stands for its /64 network,
 * since an ISP gives one subscriber (a home, a phone) a whole /64 and he may send each request from another of its
 * 2⁶⁴ addresses — counted one by one, every per-address limit would be no limit over IPv6. Different spellings of
 * one address ({@code 2001:db8::7}, {@code 2001:DB8:0:0::7}, IPv4-mapped {@code ::ffff:203.0.113.7}) are one client.
 * Only for limits: the address itself is what is recorded (a consent's evidence) and shown.
 */
public final class ClientAddress {

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}(%.*)?");

	private static final int SUBSCRIBER_PREFIX_BYTES = 8;

	private ClientAddress() {
	}

	/** The key of the client at {@code address} (a request's remote address) for a per-address limit. */
	public static String forLimits(String address) {
		if (address == null || !address.contains(":") || !IPV6.matcher(address).matches()) {
			return address;
		}
		try {
			// Brackets make the JDK read an IPv6 literal or refuse it, never ask the DNS.
			InetAddress parsed = InetAddress.getByName("[" + address.replaceFirst("%.*$", "") + "]");
			if (!(parsed instanceof Inet6Address)) {
				return parsed.getHostAddress();
			}
			byte[] network = Arrays.copyOf(Arrays.copyOf(parsed.getAddress(), SUBSCRIBER_PREFIX_BYTES), 16);
			return InetAddress.getByAddress(network).getHostAddress() + "/64";
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}
}

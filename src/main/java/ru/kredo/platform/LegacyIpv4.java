package ru.kredo.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 address in the forms C's {@code inet_aton} (and so the system resolver) accepts besides the dotted quad:
 * one to four parts, each decimal, octal ({@code 0177}) or hexadecimal ({@code 0x7f}), the last filling the remaining
 * bytes — {@code 2130706433}, {@code 0x7f.1}, {@code 127.1} are all 127.0.0.1. A DNS name never looks like that (a
 * top-level domain is not numeric), so such a host is read as the address it is rather than looked up.
 */
final class LegacyIpv4 {

	private LegacyIpv4() {
	}

	/** The address, or {@code null} when the host is not a number of this kind. */
	static InetAddress parse(String host) {
		String[] parts = host.split("\\.", -1);
		if (parts.length > 4 || host.isEmpty()) {
			return null;
		}
		long[] values = new long[parts.length];
		for (int i = 0; i < parts.length; i++) {
			Long value = number(parts[i]);
			if (value == null) {
				return null;
			}
			values[i] = value;
		}
		long address = 0;
		for (int i = 0; i < values.length - 1; i++) {
			if (values[i] > 0xff) {
				return null;
			}
			address |= values[i] << (8 * (3 - i));
		}
		long last = values[values.length - 1];
		if (last >= 1L << (8 * (5 - values.length))) {
			return null;
		}
		address |= last;
		try {
			return InetAddress.getByAddress(host, new byte[] { (byte) (address >>> 24), (byte) (address >>> 16),
					(byte) (address >>> 8), (byte) address });
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Long number(String part) {
		try {
			if (part.length() > 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
				return part.length() > 10 ? null : Long.parseLong(part.substring(2), 16);
			}
			if (part.isEmpty() || part.length() > 12 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
				return null;
			}
			return part.length() > 1 && part.charAt(0) == '0' ? Long.parseLong(part, 8) : Long.parseLong(part);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}
}

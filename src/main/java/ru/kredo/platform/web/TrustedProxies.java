package ru.kredo.platform.web;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.tomcat.util.http.MimeHeaders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import jakarta.servlet.ServletException;

/**
 * Believes {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port} only when the connection comes
 * from one of the reverse proxies named in {@code kredo.trusted-proxies}: addresses ({@code 127.0.0.1}) or ranges in
 * CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}), as a Kubernetes Ingress or a cloud balancer comes from one.
 * With none named (the default) they are ignored entirely, and the client address, scheme and host are the
 * connection's own.
 * <p>
 * Tomcat's own {@link RemoteIpValve} does the work, at the very start of a request, so every part of Kredo (the rate
 * limits, redirects, HSTS, the session cookie's {@code Secure} flag) sees the same client; it matches the ranges
 * with Tomcat's {@link NetMask} (an IPv4-mapped IPv6 address, {@code ::ffff:10.1.2.3}, is the IPv4 one). Spring
 * Boot's {@code server.forward-headers-strategy} stays {@code none}: its {@code framework} strategy believed every
 * client, and its {@code native} one trusts all private networks (10/8, 172.16/12, 192.168/16, 100.64/10…) by
 * default.
 * <p>
 * A range wider than {@code /8} (IPv4), or than {@code /16} (IPv6, {@code /8} within the unique local addresses
 * {@code fc00::/7}), is refused at start: {@code 0.0.0.0/0} or {@code ::/0} would believe every client again, and a
 * range that wide is a typo, not a network of proxies (docs/security.md).
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3})(?::\\d{1,5})?");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private static final Pattern IPV6_BRACKETED = Pattern.compile("\\[([^\\]]*)](?::\\d{1,5})?");

	private static final int WIDEST_IPV4 = 8;

	private static final int WIDEST_IPV6 = 16;

	private static final int WIDEST_UNIQUE_LOCAL = 8;

	private static final NetMask UNIQUE_LOCAL = new NetMask("fc00::/7");

	private final List<String> ranges;

	@Autowired
	TrustedProxies(Environment environment) {
		this(Binder.get(environment).bind("kredo.trusted-proxies", Bindable.listOf(String.class)).orElse(List.of()));
	}

	/** Checks every entry now, so that a bad one stops Kredo at start with its reason. */
	TrustedProxies(List<String> proxies) {
		this.ranges = proxies.stream().map(String::strip).filter(p -> !p.isEmpty()).map(TrustedProxies::range).distinct().toList();
	}

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		RemoteIpValve valve = valve();
		if (valve != null) {
			factory.addEngineValves(valve);
		}
	}

	/** The valve that reads the proxies' headers, or none when no proxy is trusted. */
	RemoteIpValve valve() {
		if (ranges.isEmpty()) {
			return null;
		}
		RemoteIpValve valve = new AddressesOnly();
		// Every entry carries its prefix, so that Tomcat reads the list as CIDR ranges (NetMaskSet), not a regex.
		valve.setInternalProxies(String.join(",", ranges));
		valve.setTrustedProxies(null);
		valve.setRemoteIpHeader("X-Forwarded-For");
		valve.setProtocolHeader("X-Forwarded-Proto");
		valve.setProtocolHeaderHttpsValue("https");
		valve.setHostHeader("X-Forwarded-Host");
		valve.setPortHeader("X-Forwarded-Port");
		return valve;
	}

	/** The proxies as ranges, an address being its own range ({@code 127.0.0.1/32}). */
	List<String> ranges() {
		return ranges;
	}

	/** Whether a connection from this address (as Tomcat prints it) is from a trusted proxy. */
	boolean trusts(String address) {
		InetAddress connection = address(address);
		return ranges.stream().map(NetMask::new).anyMatch(range -> range.matches(connection));
	}

	/**
	 * Tomcat looks up in the DNS every {@code X-Forwarded-For} entry it checks against ranges: a name there (sent by
	 * a host within a trusted range, or {@code unknown} written by a proxy) would cost a lookup on the request's
	 * thread, and a name that resolves into a range would pass for a proxy. Only addresses are walked: the list is
	 * cut at its right-most entry that is not one, so that the client is whoever wrote that entry. A port after an
	 * address ({@code 203.0.113.7:4711}, {@code [2001:db8::7]:4711}) is dropped, so that it does not make each
	 * connection another client.
	 */
	static final class AddressesOnly extends RemoteIpValve {

		private static final String HEADER = "X-Forwarded-For";

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			MimeHeaders headers = request.getCoyoteRequest().getMimeHeaders();
			List<String> values = Collections.list(request.getHeaders(HEADER));
			if (!values.isEmpty()) {
				headers.removeHeader(HEADER);
				String walked = addressesOnly(String.join(",", values));
				if (!walked.isEmpty()) {
					headers.addValue(HEADER).setString(walked);
				}
			}
			super.invoke(request, response);
		}

		static String addressesOnly(String forwardedFor) {
			String[] entries = forwardedFor.split(",");
			Deque<String> kept = new ArrayDeque<>();
			for (int i = entries.length - 1; i >= 0; i--) {
				String entry = entries[i].strip();
				if (entry.isEmpty()) {
					continue;
				}
				String address = literal(entry);
				if (address == null) {
					break;
				}
				kept.addFirst(address);
			}
			return String.join(", ", kept);
		}

		/** The address an entry names, without a port, or null when it is not an address (never a DNS lookup). */
		private static String literal(String entry) {
			Matcher ipv4 = IPV4_WITH_PORT.matcher(entry);
			if (ipv4.matches()) {
				String address = ipv4.group(1);
				return Arrays.stream(address.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255) ? address : null;
			}
			Matcher bracketed = IPV6_BRACKETED.matcher(entry);
			String ipv6 = bracketed.matches() ? bracketed.group(1) : entry;
			if (!IPV6.matcher(ipv6).matches()) {
				return null;
			}
			try {
				// Brackets make the JDK parse an IPv6 literal or refuse it, never ask the DNS.
				return InetAddress.getByName("[" + ipv6 + "]").getHostAddress();
			}
			catch (UnknownHostException ex) {
				return null;
			}
		}
	}

	private static String range(String entry) {
		int slash = entry.indexOf('/');
		String literal = slash < 0 ? entry : entry.substring(0, slash);
		InetAddress address = address(literal);
		int bits = address instanceof Inet4Address ? 32 : 128;
		int prefix = slash < 0 ? bits : prefix(entry, entry.substring(slash + 1), bits);
		boolean ipv4 = address instanceof Inet4Address;
		if (ipv4 && literal.contains(":")) {
			throw refused(entry, "an IPv4-mapped IPv6 address: write the IPv4 address (" + address.getHostAddress() + ")");
		}
		int widest = ipv4 ? WIDEST_IPV4 : UNIQUE_LOCAL.matches(address) ? WIDEST_UNIQUE_LOCAL : WIDEST_IPV6;
		if (prefix < widest) {
			throw refused(entry, "wider than /" + widest + ": every client in it could claim to be anyone"
					+ " (name the proxies' own addresses or their subnet)");
		}
		String range = address.getHostAddress().replaceFirst("%.*$", "") + "/" + prefix;
		new NetMask(range); // Tomcat's own reading of it, so that what it refuses is refused here, at start
		return range;
	}

	private static int prefix(String entry, String digits, int bits) {
		if (!digits.matches("\\d{1,3}") || Integer.parseInt(digits) > bits) {
			throw refused(entry, "the prefix after '/' must be a number from 0 to " + bits);
		}
		return Integer.parseInt(digits);
	}

	private static InetAddress address(String literal) {
		// An address, never a name: a name would be looked up in the DNS, once, at start.
		if (!IPV4.matcher(literal).matches() && !literal.contains(":")) {
			throw refused(literal, "not an IP address or a range (10.0.0.0/8); host names are not taken");
		}
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw refused(literal, "not an IP address");
		}
	}

	private static IllegalArgumentException refused(String entry, String why) {
		return new IllegalArgumentException("kredo.trusted-proxies: '" + entry + "' is " + why);
	}
}

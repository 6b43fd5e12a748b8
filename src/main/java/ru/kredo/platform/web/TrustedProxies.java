package ru.kredo.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Believes {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port} only when the connection comes
 * from one of the reverse proxies named in {@code kredo.trusted-proxies}; with none named (the default) they are
 * ignored entirely, and the client address, scheme and host are the connection's own.
 * <p>
 * Tomcat's own {@link RemoteIpValve} does the work, at the very start of a request, so every part of Kredo (the rate
 * limits, redirects, HSTS, the session cookie's {@code Secure} flag) sees the same client. Spring Boot's
 * {@code server.forward-headers-strategy} stays {@code none}: its {@code framework} strategy believed every client,
 * and its {@code native} one trusts all private networks (10/8, 172.16/12, 192.168/16, 100.64/10…) by default.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private final List<String> proxies;

	@Autowired
	TrustedProxies(Environment environment) {
		this(Binder.get(environment).bind("kredo.trusted-proxies", Bindable.listOf(String.class)).orElse(List.of()));
	}

	TrustedProxies(List<String> proxies) {
		this.proxies = proxies.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
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
		if (proxies.isEmpty()) {
			return null;
		}
		RemoteIpValve valve = new RemoteIpValve();
		valve.setInternalProxies(pattern(proxies));
		valve.setTrustedProxies(null);
		valve.setRemoteIpHeader("X-Forwarded-For");
		valve.setProtocolHeader("X-Forwarded-Proto");
		valve.setProtocolHeaderHttpsValue("https");
		valve.setHostHeader("X-Forwarded-Host");
		valve.setPortHeader("X-Forwarded-Port");
		return valve;
	}

	/** Tomcat matches the connection's address as it prints it ({@code 0:0:0:0:0:0:0:1} for {@code ::1}). */
	static String pattern(List<String> proxies) {
		return proxies.stream()
			.map(TrustedProxies::address)
			.map(address -> Pattern.quote(address.getHostAddress().replaceFirst("%.*$", "")) + (address.getAddress().length == 16 ? "(%.*)?" : ""))
			.distinct()
			.collect(Collectors.joining("|"));
	}

	private static InetAddress address(String literal) {
		// An address, never a name: a name would be looked up in the DNS, once, at start.
		if (!IPV4.matcher(literal).matches() && !literal.contains(":")) {
			throw new IllegalArgumentException("kredo.trusted-proxies takes IP addresses, not '" + literal + "'");
		}
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("kredo.trusted-proxies: '" + literal + "' is not an IP address", ex);
		}
	}
}

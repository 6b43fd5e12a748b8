package ru.kredo.platform;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address people reach Kredo at, for links that leave a page: in e-mails, PDFs, the start-up log and a payment
 * provider's return address. {@code kredo.base-url} when set (as it must be in production, behind a proxy);
 * otherwise {@code http://localhost:<the port the server actually listens on>}.
 */
@Component
public class PublicAddress {

	private final String configured;
	private volatile String local = "http://localhost:8080";

	public PublicAddress(@Value("${kredo.base-url:}") String configured) {
		this.configured = configured.strip().replaceAll("/+$", "");
	}

	@EventListener
	void serverStarted(WebServerInitializedEvent started) {
		if (!"management".equals(started.getApplicationContext().getServerNamespace())) {
			local = "http://localhost:" + started.getWebServer().getPort();
		}
	}

	/** The base, without a trailing slash: {@code https://lk.agency.ru} or {@code http://localhost:8081}. */
	public String base() {
		return configured.isEmpty() ? local : configured;
	}

	/** An absolute URL of a path of Kredo's, e.g. {@code /verify}. */
	public URI of(String path) {
		return UriComponentsBuilder.fromUriString(base()).path(path).build().toUri();
	}
}

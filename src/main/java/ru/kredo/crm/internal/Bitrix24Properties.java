package ru.kredo.crm.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Bitrix24 connector ({@code kredo.crm.bitrix24.*}, {@code docs/configuration.md}).
 *
 * @param baseUrl the portal's address; {@code {portal}} is replaced by the tenant's portal (mybroker.bitrix24.ru). Its
 *        REST API is under {@code /rest/}, its consent page at {@code /oauth/authorize/}
 * @param oauthUrl Bitrix24's authorisation server, which exchanges codes and refresh tokens ({@code /oauth/token/});
 *        may name {@code {portal}} too
 * @param timeout how long one request waits for Bitrix24
 * @param pollInterval how often the queue is looked at
 * @param batchSize how many deliveries one poll claims
 * @param maxAttempts attempts before a delivery is failed for good
 * @param backoff the wait after the first failed attempt; it doubles after each next one
 * @param rateLimitBackoff the wait after a {@code QUERY_LIMIT_EXCEEDED}; doubles likewise
 * @param requestsPerSecond the most requests Kredo sends one portal per second (Bitrix24's bucket drains 2 a second)
 * @param refreshBefore how long before the access token (an hour) expires Kredo takes a new one instead of using it
 * @param allowPrivateAddresses allow a portal on a loopback, private or link-local address (an on-premise portal in
 *        Kredo's own network); off, such a portal is refused when saved and never called (SSRF)
 */
@ConfigurationProperties("kredo.crm.bitrix24")
public record Bitrix24Properties(
		@DefaultValue("https://{portal}") String baseUrl,
		@DefaultValue("https://oauth.bitrix.info") String oauthUrl,
		@DefaultValue("10s") Duration timeout,
		@DefaultValue("5s") Duration pollInterval,
		@DefaultValue("20") int batchSize,
		@DefaultValue("8") int maxAttempts,
		@DefaultValue("30s") Duration backoff,
		@DefaultValue("2s") Duration rateLimitBackoff,
		@DefaultValue("2") int requestsPerSecond,
		@DefaultValue("1m") Duration refreshBefore,
		@DefaultValue("false") boolean allowPrivateAddresses) {

	/** The portal's address, without a trailing slash. */
	public String base(String portal) {
		return baseUrl.replace("{portal}", portal).replaceAll("/$", "");
	}

	/** Where the portal's REST methods are: what Bitrix24's token answer calls {@code client_endpoint}. */
	public String restEndpoint(String portal) {
		return base(portal) + "/rest/";
	}

	/** The authorisation server's token address for this portal. */
	public String tokenUrl(String portal) {
		return oauthUrl.replace("{portal}", portal).replaceAll("/$", "") + "/oauth/token/";
	}
}

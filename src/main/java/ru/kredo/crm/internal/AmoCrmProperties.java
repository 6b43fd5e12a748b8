package ru.kredo.crm.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the amoCRM connector ({@code kredo.crm.amocrm.*}, {@code docs/configuration.md}).
 *
 * @param baseUrl the account's API address; {@code {subdomain}} is replaced by the tenant's subdomain
 * @param consentUrl amoCRM's consent page, where «Подключить» sends the admin
 * @param timeout how long one request waits for amoCRM
 * @param pollInterval how often the queue is looked at
 * @param batchSize how many deliveries one poll claims
 * @param maxAttempts attempts before a delivery is failed for good
 * @param backoff the wait after the first failed attempt; it doubles after each next one
 * @param rateLimitBackoff the wait after a 429 when amoCRM gives no {@code Retry-After}; doubles likewise
 * @param requestsPerSecond the most requests Kredo sends one account per second (amoCRM allows 7)
 * @param refreshBefore how long before the access token expires it is refreshed
 */
@ConfigurationProperties("kredo.crm.amocrm")
public record AmoCrmProperties(
		@DefaultValue("https://{subdomain}.amocrm.ru") String baseUrl,
		@DefaultValue("https://www.amocrm.ru/oauth") String consentUrl,
		@DefaultValue("10s") Duration timeout,
		@DefaultValue("5s") Duration pollInterval,
		@DefaultValue("20") int batchSize,
		@DefaultValue("8") int maxAttempts,
		@DefaultValue("30s") Duration backoff,
		@DefaultValue("2s") Duration rateLimitBackoff,
		@DefaultValue("7") int requestsPerSecond,
		@DefaultValue("5m") Duration refreshBefore) {

	/** The API address of an account. */
	public String base(String subdomain) {
		return baseUrl.replace("{subdomain}", subdomain).replaceAll("/$", "");
	}
}

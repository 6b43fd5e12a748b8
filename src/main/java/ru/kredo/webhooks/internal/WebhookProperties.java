package ru.kredo.webhooks.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of webhook delivery ({@code kredo.webhooks.*}).
 *
 * @param allowPrivateAddresses whether endpoints may point at loopback, private or link-local addresses; off in
 *        production, so a tenant cannot make Kredo call into its own network (SSRF)
 * @param pollInterval how often the dispatcher looks for due deliveries
 * @param disableAfter how long an endpoint may fail without a single success before it is disabled
 * @param timeout the connect and the read timeout of one attempt
 * @param batchSize how many deliveries the dispatcher claims at once
 * @param secretOverlap how long a rotated secret keeps signing beside the new one ({@code 0}: it stops at once)
 * @param lease how long a claimed delivery is the claiming node's: longer than an attempt can take (connect plus read
 *        timeout); a node that dies with deliveries claimed leaves them to another node once it runs out
 */
@ConfigurationProperties("kredo.webhooks")
public record WebhookProperties(
		@DefaultValue("false") boolean allowPrivateAddresses,
		@DefaultValue("5s") Duration pollInterval,
		@DefaultValue("24h") Duration disableAfter,
		@DefaultValue("10s") Duration timeout,
		@DefaultValue("50") int batchSize,
		@DefaultValue("24h") Duration secretOverlap,
		@DefaultValue("2m") Duration lease) {

	public WebhookProperties {
		if (lease.compareTo(timeout.multipliedBy(2)) <= 0) {
			throw new IllegalArgumentException("kredo.webhooks.lease must be longer than twice kredo.webhooks.timeout"
					+ " (connect plus read): " + lease + " is not");
		}
	}
}

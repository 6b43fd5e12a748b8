package ru.kredo.payments.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of payments ({@code kredo.payments.*}; {@code kredo.payments.allocation-order} is collections', which owns
 * the debt's components: {@code collections.internal.AllocationProperties}).
 *
 * @param provider which provider takes payments: {@code sandbox} (built in, for the demo and tests) or
 *        {@code yookassa}
 * @param minimumAmount the smallest payment in roubles; ЮKassa takes nothing under one rouble
 */
@ConfigurationProperties("kredo.payments")
public record PaymentProperties(
		@DefaultValue("sandbox") String provider,
		@DefaultValue("1.00") BigDecimal minimumAmount,
		@DefaultValue YooKassa yookassa,
		@DefaultValue Sandbox sandbox) {

	/**
	 * ЮKassa's API v3.
	 *
	 * @param shopId the shop's id, the user name of Basic authentication
	 * @param secretKey the shop's secret key, its password
	 * @param timeout how long one request waits for ЮKassa's answer
	 * @param attempts how many times creating a payment is tried, with the same {@code Idempotence-Key}, when ЮKassa
	 *        answers 5xx, times out or drops the connection (a 4xx is final at once)
	 * @param backoff the wait before the second try; it doubles before each next one
	 */
	public record YooKassa(@DefaultValue("https://api.yookassa.ru/v3") URI baseUrl, String shopId, String secretKey,
			@DefaultValue("10s") Duration timeout, @DefaultValue("3") int attempts,
			@DefaultValue("500ms") Duration backoff) {

		/** Whether a shop is configured at all: without its id and key Kredo cannot take payments through ЮKassa. */
		public boolean configured() {
			return shopId != null && !shopId.isBlank() && secretKey != null && !secretKey.isBlank();
		}
	}

	/**
	 * The sandbox provider.
	 *
	 * @param duplicateNotifications send every notification twice, as real providers sometimes do
	 * @param outOfOrderNotifications after a payment settles, also send a stale "pending" notification
	 * @param anyTenant for tests only: the sandbox serves every tenant, not only the demo's (a sandbox payment closes
	 *        a debt and issues a certificate without any money moving)
	 */
	public record Sandbox(@DefaultValue("true") boolean duplicateNotifications,
			@DefaultValue("true") boolean outOfOrderNotifications, @DefaultValue("false") boolean anyTenant) {
	}
}

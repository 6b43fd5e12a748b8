package ru.kredo.payments.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import ru.kredo.payments.DebtComponent;

/**
 * Settings of payments ({@code kredo.payments.*}).
 *
 * @param provider which provider takes payments: {@code sandbox} (built in, for the demo and tests) or
 *        {@code yookassa}
 * @param allocationOrder the order in which payments pay off a debt's components; ст. 319 ГК РФ by default
 * @param minimumAmount the smallest payment in roubles; ЮKassa takes nothing under one rouble
 */
@ConfigurationProperties("kredo.payments")
public record PaymentProperties(
		@DefaultValue("sandbox") String provider,
		@DefaultValue({ "STATE_DUTY", "FEES", "INTEREST", "PRINCIPAL", "PENALTIES" }) List<DebtComponent> allocationOrder,
		@DefaultValue("1.00") BigDecimal minimumAmount,
		@DefaultValue YooKassa yookassa,
		@DefaultValue Sandbox sandbox) {

	/**
	 * ЮKassa's API v3.
	 *
	 * @param shopId the shop's id, the user name of Basic authentication
	 * @param secretKey the shop's secret key, its password
	 */
	public record YooKassa(@DefaultValue("https://api.yookassa.ru/v3") URI baseUrl, String shopId, String secretKey,
			@DefaultValue("10s") Duration timeout) {
	}

	/**
	 * The sandbox provider.
	 *
	 * @param duplicateNotifications send every notification twice, as real providers sometimes do
	 * @param outOfOrderNotifications after a payment settles, also send a stale "pending" notification
	 */
	public record Sandbox(@DefaultValue("true") boolean duplicateNotifications,
			@DefaultValue("true") boolean outOfOrderNotifications) {
	}
}

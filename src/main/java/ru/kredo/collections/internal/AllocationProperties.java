package ru.kredo.collections.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import ru.kredo.collections.DebtComponent;

/**
 * The order in which a payment pays off a debt's components, ст. 319 ГК РФ by default. It belongs to the debt, so
 * collections reads it; the setting keeps the name it had when payments owned it ({@code kredo.payments.allocation-order}),
 * so a configuration that set it keeps working. {@code PaymentProperties} binds the rest of {@code kredo.payments.*}.
 *
 * @param allocationOrder every component once, the first paid first
 */
@ConfigurationProperties("kredo.payments")
public record AllocationProperties(
		@DefaultValue({ "STATE_DUTY", "FEES", "INTEREST", "PRINCIPAL", "PENALTIES" }) List<DebtComponent> allocationOrder) {
}

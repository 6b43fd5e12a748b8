package ru.kredo.signals;

import java.util.List;

import ru.kredo.tenancy.TenantId;

/**
 * Published once per batch of credit events, in the batch's transaction, with every signal the batch raised or folded
 * into, in the order they were raised. One publication per batch rather than per signal: a daily bureau file raises
 * tens of thousands of signals, and each publication is a row the event registry writes and completes.
 *
 * @param signals never empty
 */
public record SignalsRaised(List<SignalRaised> signals) {

	public SignalsRaised {
		if (signals.isEmpty()) {
			throw new IllegalArgumentException("a batch that raised nothing publishes nothing");
		}
		signals = List.copyOf(signals);
	}

	/** The tenants whose signals these are, each once: what a listener asks about before the batch is recorded for it. */
	public List<TenantId> tenants() {
		return signals.stream().map(SignalRaised::tenantId).distinct().toList();
	}

	public static SignalsRaised of(SignalRaised... signals) {
		return new SignalsRaised(List.of(signals));
	}
}

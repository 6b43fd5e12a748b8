package ru.kredo.signals;

import java.util.List;

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

	public static SignalsRaised of(SignalRaised... signals) {
		return new SignalsRaised(List.of(signals));
	}
}

package ru.kredo.events;

/**
 * What the listeners of one {@link CreditEventsRecorded} made of its events, told back to the ingestion that published
 * it: the listeners run synchronously, in the chunk's thread and transaction, so the ingestion reads the tally once
 * the chunk has committed and adds it to its upload's counts (docs/credit-events.md, «Feeds»). The signals module
 * knows what matched and what it raised; the events module cannot ask it (it depends on events), so it is told here.
 */
public final class MatchTally {

	private int matched;
	private int signalsRaised;

	/**
	 * @param matchedEvents the events that matched at least one watch
	 * @param raised the new signals they raised (events folded into a signal open before raise none)
	 */
	public void add(int matchedEvents, int raised) {
		if (matchedEvents < 0 || raised < 0) {
			throw new IllegalArgumentException("matched " + matchedEvents + ", raised " + raised);
		}
		matched += matchedEvents;
		signalsRaised += raised;
	}

	public int matched() {
		return matched;
	}

	public int signalsRaised() {
		return signalsRaised;
	}

	@Override
	public String toString() {
		return "MatchTally[matched=" + matched + ", signalsRaised=" + signalsRaised + "]";
	}
}

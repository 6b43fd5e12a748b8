package ru.kredo.events.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import ru.kredo.events.CreditEvent;
import ru.kredo.events.Subject;

/**
 * A credit bureau that reports on two populations, the people tenants watch and strangers, with a given share of
 * events about the watched. Most people have nothing to report for weeks; a few are in the middle of a story (an
 * application, its decision, the contract, the disbursement) or in a burst of applications to one lender after
 * another, and they make up a good part of the stream. The same seed gives the same stream: same people, same
 * events, same ids.
 */
public final class BureauSimulator {

	private static final int BURST_PEOPLE = 256;
	private static final double BURST_SHARE = 0.35;

	private final SplittableRandom random;
	private final String source;
	private final String idPrefix;
	private final Population watched;
	private final Population strangers;
	private final double watchedShare;
	private final Map<Long, CreditLife> lives = new HashMap<>();
	private final List<Long> busy = new ArrayList<>();
	private long sequence;

	/**
	 * @param source the bureau's name, the events' {@code source}
	 * @param watchedShare the share of new stories about watched people, 0 to 1
	 */
	public BureauSimulator(long seed, String source, Population watched, Population strangers, double watchedShare) {
		if (watchedShare < 0 || watchedShare > 1 || watched.size() + strangers.size() == 0) {
			throw new IllegalArgumentException("nobody to report on");
		}
		this.random = new SplittableRandom(seed);
		this.source = source;
		this.idPrefix = Long.toString(seed, 36) + "-";
		this.watched = watched;
		this.strangers = strangers;
		this.watchedShare = strangers.size() == 0 ? 1 : watched.size() == 0 ? 0 : watchedShare;
	}

	/** The next event, as if it happened at {@code occurredAt}. */
	public CreditEvent next(Instant occurredAt) {
		long person = nextPerson();
		CreditLife.Step step = lives.computeIfAbsent(person, p -> CreditLife.atRandom(random)).next(random);
		if (step.settled()) {
			busy.remove(person);
		}
		else if (!busy.contains(person)) {
			if (busy.size() == BURST_PEOPLE) {
				busy.remove(random.nextInt(BURST_PEOPLE));
			}
			busy.add(person);
		}
		return new CreditEvent(source, idPrefix + sequence++, step.type(), occurredAt, subject(person), step.lender(),
				step.amount(), step.daysPastDue());
	}

	/** {@code count} events spread evenly at random over {@code span} from {@code from}, in time order. */
	public List<CreditEvent> next(int count, Instant from, Duration span) {
		long spanMillis = Math.max(1, span.toMillis());
		List<CreditEvent> events = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			long at = spanMillis * i / Math.max(1, count) + random.nextLong(Math.max(1, spanMillis / Math.max(1, count)));
			events.add(next(from.plusMillis(Math.min(at, spanMillis - 1))));
		}
		return events;
	}

	// A person is a long: index * 2, plus 1 for the watched.
	private long nextPerson() {
		if (!busy.isEmpty() && random.nextDouble() < BURST_SHARE) {
			return busy.get(random.nextInt(busy.size()));
		}
		if (random.nextDouble() < watchedShare) {
			return random.nextLong(watched.size()) * 2 + 1;
		}
		return random.nextLong(strangers.size()) * 2;
	}

	private Subject subject(long person) {
		return ((person & 1) == 1 ? watched.get(person / 2) : strangers.get(person / 2)).subject();
	}
}

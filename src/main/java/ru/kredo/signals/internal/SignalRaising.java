package ru.kredo.signals.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.events.CreditEventsRecorded;
import ru.kredo.events.RecordedEvent;
import ru.kredo.monitoring.Recommendation;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.Watch;
import ru.kredo.monitoring.WatchedPerson;
import ru.kredo.monitoring.Watches;
import ru.kredo.monitoring.Watches.RecommendationMet;
import ru.kredo.privacy.BlindIndex;
import ru.kredo.signals.SignalWording;
import ru.kredo.signals.SignalRanking;
import ru.kredo.signals.SignalsRaised;
import ru.kredo.tenancy.TenantId;

/**
 * Turns a batch of new credit events into signals, in the batch's transaction: finds the active watches of their
 * subjects in every tenant (by passport, or by ФИО + date of birth where passports do not contradict), keeps the
 * events each watch wants, and folds repeats into the open signal of the same watch and type within the fold window.
 */
@Component
class SignalRaising {

	// The first key of the advisory locks that guard folding (see lockWatches): "KS" (Kredo signals).
	private static final int FOLD_LOCKS = 0x4b53;

	private static final Logger log = LoggerFactory.getLogger(SignalRaising.class);

	private final JdbcClient jdbc;
	private final Watches watches;
	private final SignalRanking ranking;
	private final SignalWording wording;
	private final ApplicationEventPublisher events;
	private final SignalRows rows;
	private final Duration foldWindow;
	private final TimeOrderedIds ids;
	private final BusinessCalendar calendar;

	SignalRaising(JdbcClient jdbc, Watches watches, SignalRanking ranking, SignalWording wording,
			ApplicationEventPublisher events, SignalRows rows,
			@Value("${kredo.signals.fold-window:72h}") Duration foldWindow, Clock clock,
			BusinessCalendar calendar) {
		this.jdbc = jdbc;
		this.watches = watches;
		this.ranking = ranking;
		this.wording = wording;
		this.events = events;
		this.rows = rows;
		this.foldWindow = foldWindow;
		this.ids = new TimeOrderedIds(clock);
		this.calendar = calendar;
	}

	@EventListener
	void on(CreditEventsRecorded recorded) {
		long start = System.nanoTime();
		List<Match> matches = match(recorded.events());
		long matched = System.nanoTime();
		if (!matches.isEmpty()) {
			int raised = raise(matches);
			// Told back to the ingestion for its upload's counts: events that matched a watch, and new signals.
			recorded.tally().add((int) matches.stream().map(m -> m.event().id()).distinct().count(), raised);
		}
		if (log.isDebugEnabled()) {
			log.debug("{} events: matching {} ms, {} matches raised in {} ms", recorded.events().size(),
					(matched - start) / 1_000_000, matches.size(), (System.nanoTime() - matched) / 1_000_000);
		}
	}

	List<Match> match(List<RecordedEvent> events) {
		long start = System.nanoTime();
		// Only events about people someone may watch can match (the events module asked WatchedKeys, caught up in
		// this transaction, when it stored them); the rest skip the database.
		List<RecordedEvent> batch = new ArrayList<>();
		for (RecordedEvent event : events) {
			if (event.ofInterest()) {
				batch.add(event);
			}
		}

		Set<BlindIndex> passports = new HashSet<>();
		Set<BlindIndex> names = new HashSet<>();
		for (RecordedEvent event : batch) {
			if (event.passportIndex() != null) {
				passports.add(event.passportIndex());
			}
			names.add(event.nameAndBirthDateIndex());
		}
		long filtered = System.nanoTime();
		Map<BlindIndex, List<WatchedPerson>> byPassport = new HashMap<>();
		Map<BlindIndex, List<WatchedPerson>> byName = new HashMap<>();
		for (WatchedPerson person : watches.activeFor(passports, names)) {
			if (person.passportIndex() != null) {
				byPassport.computeIfAbsent(person.passportIndex(), k -> new ArrayList<>()).add(person);
			}
			byName.computeIfAbsent(person.nameAndBirthDateIndex(), k -> new ArrayList<>()).add(person);
		}
		if (log.isDebugEnabled()) {
			log.debug("matching {} events: {} candidates filtered in {} ms, watches read in {} ms",
					events.size(), batch.size(), (filtered - start) / 1_000_000,
					(System.nanoTime() - filtered) / 1_000_000);
		}
		List<Match> matches = new ArrayList<>();
		for (RecordedEvent event : batch) {
			Set<UUID> seen = new HashSet<>();
			LocalDate day = calendar.agencyDate(event.occurredAt());
			for (WatchedPerson person : candidates(event, byPassport, byName)) {
				Watch watch = person.watch();
				if (seen.add(watch.id().value()) && watch.wants(event.type(), day)) {
					matches.add(new Match(event, person));
				}
			}
		}
		return matches;
	}

	private static List<WatchedPerson> candidates(RecordedEvent event, Map<BlindIndex, List<WatchedPerson>> byPassport,
			Map<BlindIndex, List<WatchedPerson>> byName) {
		List<WatchedPerson> candidates = new ArrayList<>();
		if (event.passportIndex() != null) {
			candidates.addAll(byPassport.getOrDefault(event.passportIndex(), List.of()));
		}
		for (WatchedPerson person : byName.getOrDefault(event.nameAndBirthDateIndex(), List.of())) {
			// Same name and birthday but different passports: two people.
			if (event.passportIndex() == null || person.passportIndex() == null
					|| person.passportIndex().equals(event.passportIndex())) {
				candidates.add(person);
			}
		}
		return candidates;
	}

	/** Raises and folds the matches' signals; says how many new signals it raised. */
	private int raise(List<Match> matches) {
		matches.sort((a, b) -> a.event().occurredAt().compareTo(b.event().occurredAt()));
		long start = System.nanoTime();
		lockWatches(matches);
		Map<String, OpenSignal> open = openSignals(matches);
		long read = System.nanoTime();
		Map<TenantId, SignalRanking.Ranking> rankings = ranking.of(matches.stream().map(m -> m.person().watch().tenantId()).toList());
		Map<UUID, OpenSignal> changed = new LinkedHashMap<>();
		List<OpenSignal> created = new ArrayList<>();
		List<SignalRows.Link> links = new ArrayList<>();
		List<RecommendationMet> met = new ArrayList<>();
		for (Match match : matches) {
			Watch watch = match.person().watch();
			RecordedEvent event = match.event();
			String key = watch.id().value() + "." + event.type();
			OpenSignal signal = open.get(key);
			if (signal != null && !event.occurredAt().isAfter(signal.lastEventAt.plus(foldWindow))) {
				signal.fold(event);
			}
			else {
				signal = new OpenSignal(ids.next(), match.person(), event,
						rankings.get(watch.tenantId()).priority(watch.segment(), event.type()));
				open.put(key, signal);
				created.add(signal);
			}
			changed.put(signal.id, signal);
			links.add(new SignalRows.Link(watch.tenantId().value(), watch.id().value(), event.id(), signal.id));
			if (watch.segment() == Segment.PREPARING) {
				// Only what the watch recommends and has not met yet (as read with it): most chunks then have nothing
				// to tick and spare the statement; the statement checks again, against the row as it is now.
				Recommendation.metBy(event.type())
					.filter(r -> watch.recommendations().contains(r) && !watch.recommendationsMet().contains(r))
					.ifPresent(r -> met.add(new RecommendationMet(watch.tenantId(), watch.id(), r)));
			}
		}
		long folded = System.nanoTime();
		rows.insert(created);
		long inserted = System.nanoTime();
		Set<UUID> createdIds = new HashSet<>(created.stream().map(s -> s.id).toList());
		rows.update(changed.values().stream().filter(s -> !createdIds.contains(s.id)).toList());
		long updated = System.nanoTime();
		rows.link(links);
		long linked = System.nanoTime();
		watches.recommendationsMet(met);
		long written = System.nanoTime();
		events.publishEvent(new SignalsRaised(changed.values().stream().map(signal -> signal.raised(wording)).toList()));
		if (log.isDebugEnabled()) {
			log.debug("{} signals: open ones read {} ms, ranked and folded {} ms, inserted {} ms, updated {} ms, linked {} ms,"
					+ " recommendations {} ms, published {} ms", changed.size(), (read - start) / 1_000_000,
					(folded - read) / 1_000_000, (inserted - folded) / 1_000_000, (updated - inserted) / 1_000_000,
					(linked - updated) / 1_000_000, (written - linked) / 1_000_000, (System.nanoTime() - written) / 1_000_000);
		}
		return created.size();
	}

	/**
	 * The fold guard: one transaction at a time raises a watch's signals. Two chunks in flight, or a chunk and the
	 * trickle, would otherwise each read no open signal of a watch and each open one. Taken for all of a chunk's
	 * watches before anything of theirs is read or written, in one order, so that two chunks never wait for each other
	 * in a circle; held to the end of the transaction. (A transaction-level advisory lock in Kredo's namespace for
	 * signals; two watches whose ids hash alike merely share one.)
	 */
	private void lockWatches(List<Match> matches) {
		int[] keys = matches.stream().mapToInt(m -> m.person().watch().id().value().hashCode()).distinct().sorted().toArray();
		jdbc.sql("select count(pg_advisory_xact_lock(?, k)) from (select unnest(?::int[]) as k order by 1) as watches")
			.params(FOLD_LOCKS, keys)
			.query(Long.class)
			.single();
	}

	private Map<String, OpenSignal> openSignals(List<Match> matches) {
		UUID[] watchIds = matches.stream().map(m -> m.person().watch().id().value()).distinct().toArray(UUID[]::new);
		Map<UUID, WatchedPerson> people = new HashMap<>();
		matches.forEach(m -> people.put(m.person().watch().id().value(), m.person()));
		Map<String, OpenSignal> open = new HashMap<>();
		jdbc.sql("""
				select id, watch_id, event_type, priority, event_count, first_event_at, last_event_at, amount
				from signals where status = 'OPEN' and watch_id = any(?)""")
			.param(watchIds)
			.query(row -> {
				OpenSignal signal = OpenSignal.existing(row, people.get(row.getObject("watch_id", UUID.class)));
				open.put(signal.person.watch().id().value() + "." + signal.type, signal);
			});
		return open;
	}

	record Match(RecordedEvent event, WatchedPerson person) {

		Match {
			Objects.requireNonNull(event);
			Objects.requireNonNull(person);
		}
	}
}

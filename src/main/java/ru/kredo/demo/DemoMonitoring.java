package ru.kredo.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.contacts.PersonDetails;
import ru.kredo.events.CreditEventIngestion;
import ru.kredo.events.IngestionReport;
import ru.kredo.events.simulator.BureauSimulator;
import ru.kredo.events.simulator.Population;
import ru.kredo.monitoring.Consent;
import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.monitoring.Recommendation;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.WatchStatus;
import ru.kredo.monitoring.WatchTerms;
import ru.kredo.monitoring.Watches;
import ru.kredo.tenancy.TenantId;

/**
 * Puts the demo people on monitoring, with consents and the segments a broker and an agency really use, and gives
 * them a history: a few hundred bureau events of today, so the queue is not empty on the first visit.
 */
@Component
class DemoMonitoring {

	static final Population STRANGERS = new Population(7, 1_000_000);
	static final int HISTORY = 300;

	private static final Logger log = LoggerFactory.getLogger(DemoMonitoring.class);
	// A broker's book: clients in progress, prospects to win back, people preparing, dormant and served clients.
	private static final List<Segment> BROKER_SEGMENTS = List.of(Segment.IN_PROGRESS, Segment.IN_PROGRESS,
			Segment.PROSPECT, Segment.PROSPECT, Segment.PROSPECT, Segment.PREPARING, Segment.PREPARING, Segment.PAUSED,
			Segment.PAUSED, Segment.ACTIVE, Segment.ACTIVE);

	private final Watches watches;
	private final CreditEventIngestion ingestion;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final BusinessCalendar calendar;

	DemoMonitoring(Watches watches, CreditEventIngestion ingestion, TransactionTemplate transaction, Clock clock, BusinessCalendar calendar) {
		this.watches = watches;
		this.ingestion = ingestion;
		this.transaction = transaction;
		this.clock = clock;
		this.calendar = calendar;
	}

	/** Once per database: the demo tenants' people on monitoring, and a history of today's events. */
	void startOnce(TenantId broker, TenantId collector) {
		if (watched(broker) + watched(collector) > 0) {
			return;
		}
		Random random = new Random(2024);
		transaction.executeWithoutResult(status -> {
			watch(broker, random, 0, DemoData.BROKER_PEOPLE, false);
			watch(collector, random, DemoData.BROKER_PEOPLE, DemoData.PEOPLE.size(), true);
		});
		Instant now = clock.instant();
		Instant midnight = LocalDate.ofInstant(now, calendar.agencyZone()).atStartOfDay(calendar.agencyZone()).toInstant();
		BureauSimulator bureau = new BureauSimulator(now.toEpochMilli(), DemoTrickle.SOURCE, DemoData.PEOPLE, STRANGERS, 0.3);
		IngestionReport report = ingestion.ingest(bureau.next(HISTORY, midnight, Duration.between(midnight, now)));
		log.info("Demo monitoring: {} people watched, {} past bureau events", DemoData.PEOPLE.size(), report.accepted());
	}

	private long watched(TenantId tenant) {
		long count = 0;
		for (WatchStatus status : WatchStatus.values()) {
			count += watches.count(tenant, status);
		}
		return count;
	}

	private void watch(TenantId tenant, Random random, long from, long to, boolean debtors) {
		List<PersonDetails> people = new ArrayList<>();
		List<WatchTerms> terms = new ArrayList<>();
		LocalDate today = calendar.today();
		for (long i = from; i < to; i++) {
			people.add(DemoData.PEOPLE.get(i).details());
			Segment segment = debtors ? Segment.DEBTOR : BROKER_SEGMENTS.get(random.nextInt(BROKER_SEGMENTS.size()));
			Consent consent = new Consent(today.minusDays(random.nextInt(150)),
					debtors ? "Взыскание просроченной задолженности" : "Подбор кредита и сопровождение сделки",
					ConsentMethod.values()[random.nextInt(3)], null, null);
			Set<Recommendation> advice = segment == Segment.PREPARING
					? Set.of(Recommendation.values()[random.nextInt(Recommendation.values().length)]) : Set.of();
			terms.add(new WatchTerms(segment, debtors ? 12 : 6, Set.of(), null, null, consent, advice));
		}
		watches.watchAll(tenant, null, people, terms);
	}
}

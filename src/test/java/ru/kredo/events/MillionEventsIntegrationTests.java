package ru.kredo.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.MeterRegistry;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.contacts.PersonDetails;
import ru.kredo.contacts.PersonKeys;
import ru.kredo.events.internal.EventRecords;
import ru.kredo.events.simulator.BureauSimulator;
import ru.kredo.events.simulator.Population;
import ru.kredo.events.simulator.SimulatedPerson;
import ru.kredo.monitoring.Consent;
import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.Watch;
import ru.kredo.monitoring.WatchTerms;
import ru.kredo.monitoring.Watches;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.platform.EmbeddedDatabase;
import ru.kredo.signals.SignalRaised;
import ru.kredo.signals.SignalsRaised;
import ru.kredo.tenancy.TenantKind;
import ru.kredo.webhooks.WebhookEndpoint;
import ru.kredo.webhooks.WebhookEndpoints;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16's proof on one machine: a million bureau events (the simulator's, a realistic share of them about the
 * people one agency watches, a few records that are no events) published to an embedded KRaft broker and consumed by
 * two Kredo nodes on one PostgreSQL — this JVM's and a second JVM ({@link SecondNode}) — the second killed with
 * SIGKILL while the stream flows and while both nodes dispatch webhooks. Then every valid event is stored once (count
 * and the set of ids), every bad record is on the rejected topic and nowhere else, every signal the stream should raise
 * (worked out here from the events and the watched people, not by Kredo's matching) is raised once with every event
 * folded in once, and the agency's CRM — a receiver that checks the Standard Webhooks signature — gets each signal's
 * {@code signal.raised} once: no webhook id twice, none missing.
 * <p>
 * The count is {@code -Dkredo.test.million.events}: a million unless given, and a million in the build ({@code pom.xml});
 * a smaller count makes a quicker local run, with the same checks. The numbers of the last runs, and what
 * takes the time, are in {@code docs/scaling.md}, «Events through Kafka».
 */
@IntegrationTest
@DirtiesContext
@EmbeddedKafka(partitions = 4, bootstrapServersProperty = "kredo.test.kafka-brokers",
		topics = { MillionEventsIntegrationTests.TOPIC, MillionEventsIntegrationTests.TOPIC + ".rejected" },
		brokerProperties = { "group.min.session.timeout.ms=1000", "group.initial.rebalance.delay.ms=0" })
@TestPropertySource(properties = { "spring.kafka.bootstrap-servers=${kredo.test.kafka-brokers}",
		"kredo.events.kafka.topic=" + MillionEventsIntegrationTests.TOPIC, "kredo.events.kafka.partitions=4",
		"spring.kafka.consumer.properties[session.timeout.ms]=6000",
		"spring.kafka.consumer.properties[heartbeat.interval.ms]=1000",
		// Both nodes dispatch webhooks as production does, in the background (the test profile leaves it to tests), and
		// resubmit what a dead node left outstanding; shorter leases and waits than production's, or the test waits.
		"kredo.webhooks.poll-interval=250ms", "kredo.webhooks.timeout=5s", "kredo.webhooks.lease=15s",
		"kredo.event-publications.check-interval=5s", "kredo.event-publications.resubmit-after=20s" })
class MillionEventsIntegrationTests {

	static final String TOPIC = "kredo.credit-events.million";
	static final String GROUP = "kredo-credit-events";

	/** People the agency watches, and the share of the bureau's new stories about them. */
	static final int WATCHED = 2_000;
	static final double WATCHED_SHARE = 0.02;
	/** Records that are no events, spread over the stream. */
	static final int BAD = 12;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Watches watches;

	@Autowired
	WebhookEndpoints endpoints;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	KafkaAdmin kafkaAdmin;

	@Autowired
	KafkaTemplate<String, byte[]> creditEventsProducer;

	@Autowired
	JsonMapper json;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transaction;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	PersonKeys keys;

	@Autowired
	ObjectProvider<EmbeddedDatabase> embeddedDatabase;

	@Value("${spring.kafka.bootstrap-servers}")
	String brokers;

	@Value("${kredo.time-zone:Europe/Moscow}")
	ZoneId agencyZone;

	@Test
	void aMillionEventsThroughTwoNodesOneKilledAreStoredOnceSignalledOnceAndEachSignalWebhookedOnce() throws Exception {
		int total = Integer.getInteger("kredo.test.million.events", 1_000_000);
		int valid = total - BAD;
		long seed = UUID.randomUUID().getMostSignificantBits();
		String source = "million-" + UUID.randomUUID();
		long start = System.nanoTime();
		Map<String, Long> times = new java.util.LinkedHashMap<>();

		EmbeddedDatabase database = embeddedDatabase.getIfAvailable();
		try (SecondNode node = SecondNode.start(database, brokers, TOPIC,
				"--kredo.webhooks.poll-interval=250ms", "--kredo.webhooks.timeout=5s", "--kredo.webhooks.lease=15s",
				"--kredo.event-publications.check-interval=5s", "--kredo.event-publications.resubmit-after=20s");
				Receiver crm = new Receiver(json)) {
			// While the second JVM starts: the agency, its watched people and its CRM's endpoint.
			Provisioned tenant = fixtures.tenant(TenantKind.COLLECTOR);
			Population watchedPeople = new Population(seed, WATCHED);
			People people = watch(tenant, watchedPeople);
			WebhookEndpoint endpoint = endpoints.add(tenant.tenant().id(), crm.url(), "CRM", List.of("signal.raised"));
			crm.secret = endpoint.secret().value();
			times.put("setup", System.nanoTime());

			await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> groupMembers() == 2);
			times.put("second node up", System.nanoTime());

			// The stream: the simulator's events of today (the watches' first day), the bad records among them.
			BureauSimulator bureau = new BureauSimulator(seed + 1, source, watchedPeople,
					new Population(seed + 2, 50_000_000), WATCHED_SHARE);
			EventRecords records = new EventRecords(json, keys);
			Instant from = people.today().atStartOfDay(agencyZone).toInstant();
			// Up to now (just after the agency's midnight, a minute on: no rule refuses an event a little ahead).
			Duration span = Duration.between(from, Instant.now()).minusSeconds(1);
			span = span.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : span;
			Expected expected = new Expected();
			AtomicInteger failedSends = new AtomicInteger();
			String idPrefix = null;
			int killAt = valid * 2 / 5;
			boolean killed = false;
			double duplicatesBeforeKill = 0;
			long lastLook = 0;
			Set<String> leasedAtKill = Set.of();
			int outstandingAtKill = 0;
			int storedAtKill = 0;
			for (int sent = 0, bad = 0; sent < total; sent++) {
				String key;
				byte[] value;
				if (bad < BAD && sent == (long) total * (2 * bad + 1) / (2 * BAD)) {
					key = "bad-" + bad;
					value = badRecord(source, bad++).getBytes(StandardCharsets.UTF_8);
				}
				else {
					int n = sent - bad;
					CreditEvent event = bureau.next(from.plus(span.multipliedBy(n).dividedBy(valid)));
					if (idPrefix == null) {
						idPrefix = event.eventId().substring(0, event.eventId().lastIndexOf('-') + 1);
					}
					expected.add(event, people);
					key = records.key(event);
					value = records.value(event);
				}
				creditEventsProducer.send(TOPIC, key, value).whenComplete((r, ex) -> {
					if (ex != null) {
						failedSends.incrementAndGet();
					}
				});
				// Killed mid-stream: once the nodes have stored a good part and the second has committed batches.
				if (!killed && sent % 2_000 == 0 && System.nanoTime() - lastLook > 1_000_000_000L) {
					lastLook = System.nanoTime();
					if (stored(source) >= killAt && node.hasStoredABatch()) {
						killed = true;
						duplicatesBeforeKill = count("duplicate");
						node.kill();
						leasedAtKill = leasedDeliveries(endpoint);
						outstandingAtKill = outstandingPublications();
						storedAtKill = stored(source);
						times.put("killed", System.nanoTime());
					}
				}
			}
			creditEventsProducer.flush();
			times.put("published", System.nanoTime());
			System.out.printf("million: %,d records published after %.1f s%n", total, (System.nanoTime() - start) / 1e9);
			assertThat(failedSends.get()).as("records the broker did not take").isZero();
			if (!killed) {
				// Published faster than stored: kill it now, in the middle of what is still to be read.
				await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
					.until(() -> stored(source) >= killAt && node.hasStoredABatch());
				duplicatesBeforeKill = count("duplicate");
				node.kill();
				leasedAtKill = leasedDeliveries(endpoint);
				outstandingAtKill = outstandingPublications();
				storedAtKill = stored(source);
				times.put("killed", System.nanoTime());
			}

			await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(1)).until(() -> stored(source) >= valid);
			times.put("all stored", System.nanoTime());
			System.out.printf("million: %,d stored at the kill, all %,d stored after %.1f s%n", storedAtKill, valid,
					(System.nanoTime() - start) / 1e9);
			double reread = count("duplicate") - duplicatesBeforeKill;

			// Every valid event once, and nothing else: the ids stored are exactly the stream's.
			BitSet seen = new BitSet(valid);
			List<String> strays = new ArrayList<>();
			AtomicInteger twice = new AtomicInteger();
			String prefix = idPrefix;
			jdbc.sql("select source_event_id from credit_events where source = ?").param(source).query(row -> {
				String id = row.getString(1);
				int n = id.startsWith(prefix) ? parse(id.substring(prefix.length())) : -1;
				if (n < 0 || n >= valid) {
					strays.add(id);
				}
				else if (seen.get(n)) {
					twice.incrementAndGet();
				}
				else {
					seen.set(n);
				}
			});
			assertThat(strays).as("stored ids that are no valid event's (the bad records' among them)").isEmpty();
			assertThat(twice.get()).as("events stored twice").isZero();
			assertThat(seen.cardinality()).as("valid events stored").isEqualTo(valid);
			assertThat(stored(source)).isEqualTo(valid);

			// Every bad record went to the rejected topic (a re-read batch may send its rejections again).
			assertThat(rejectedKeys()).containsExactlyInAnyOrderElementsOf(
					java.util.stream.IntStream.range(0, BAD).mapToObj(i -> "bad-" + i).toList());

			// Every expected signal once, folding each of its events once.
			Map<String, Integer> raised = new HashMap<>();
			Map<String, Integer> signalsPerKey = new HashMap<>();
			Set<UUID> signalIds = new HashSet<>();
			jdbc.sql("select id, watch_id, event_type, event_count from signals where tenant_id = ?")
				.param(tenant.tenant().id().value())
				.query(row -> {
					String k = row.getObject("watch_id", UUID.class) + "." + row.getString("event_type");
					signalsPerKey.merge(k, 1, Integer::sum);
					raised.merge(k, row.getInt("event_count"), Integer::sum);
					signalIds.add(row.getObject("id", UUID.class));
				});
			assertThat(signalsPerKey.values()).as("signals per watch and type").allMatch(n -> n == 1);
			assertThat(raised).as("signals (watch.type → events folded)").isEqualTo(expected.signals);
			int links = jdbc.sql("select count(*) from signal_events where tenant_id = ?")
				.param(tenant.tenant().id().value()).query(Integer.class).single();
			assertThat(links).as("events linked to signals").isEqualTo(expected.matches);
			times.put("checked", System.nanoTime());

			// Each signal's webhook: delivered, the signature good, one webhook id per signal, no signal missing. What
			// the dead node had claimed comes due again when its lease runs out (kredo.webhooks.lease), and what it had
			// stored but not handed to the webhooks' listener is resubmitted by the surviving node (EventPublicationResubmission).
			boolean allDelivered = true;
			try {
				await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
					.until(() -> crm.signals().size() >= signalIds.size() && undelivered(endpoint) == 0);
			}
			catch (org.awaitility.core.ConditionTimeoutException ex) {
				allDelivered = false;
			}
			times.put("webhooks", System.nanoTime());
			List<String> repeated = crm.twice();

			long end = System.nanoTime();
			StringBuilder report = new StringBuilder(String.format(
					"million: %,d records (%,d valid, %d bad), %,d events about the %,d watched people; second node killed"
							+ " at %,d stored, %d deliveries leased and %d event publications outstanding; %,.0f events"
							+ " re-read as duplicates; %,d signals (%,d events folded); %,d webhook ids received, %d of them"
							+ " again after the kill, %d publications still outstanding; %.1f s in all", total, valid, BAD,
					expected.aboutWatched, WATCHED, storedAtKill, leasedAtKill.size(), outstandingAtKill, reread,
					signalIds.size(), expected.matches, crm.ids.size(), repeated.size(), outstandingPublications(),
					(end - start) / 1e9));
			long last = start;
			for (Map.Entry<String, Long> time : times.entrySet()) {
				report.append(String.format("%n  %s: +%.1f s", time.getKey(), (time.getValue() - last) / 1e9));
				last = time.getValue();
			}
			System.out.println(report);

			assertThat(allDelivered).as("every signal's webhook delivered (%d of %d signals received, %d deliveries not"
					+ " delivered)", crm.signals().size(), signalIds.size(), undelivered(endpoint)).isTrue();
			assertThat(crm.unverified.get()).as("requests whose signature did not verify").isZero();
			assertThat(crm.signals()).as("signals received by webhook").isEqualTo(signalIds);
			assertThat(crm.signalIds.values()).as("signals received under two webhook ids").noneMatch(ids -> ids.contains(" "));
			assertThat(crm.ids.size()).as("webhook ids").isEqualTo(signalIds.size());
			// At least once: a message the dead node had sent, and the CRM taken, but not yet recorded as delivered when
			// it died, is sent again by the other node under the same webhook-id, for the CRM to tell (Standard
			// Webhooks). Only those: a message sent twice that was not in the dead node's hands is a double.
			assertThat(leasedAtKill).as("webhook ids received twice: only those in flight when the node died")
				.containsAll(repeated);
			assertThat(repeated).allMatch(id -> crm.ids.get(id).get() == 2);
		}
	}

	/**
	 * The fix the million found, on its own: a node commits a chunk with its raised signals and dies before handing them
	 * to the webhooks' listener. Its publication stays in the table; another node resubmits it once older than
	 * {@code resubmit-after}, and the signal's webhook is queued and sent. (Before {@code EventPublicationResubmission}, only
	 * the dead node's own restart would have: with the job off, this test fails.) The dead node is played by putting
	 * its publication back, as it was written, after this node's listener had run.
	 */
	@Test
	void aPublicationADeadNodeLeftIsHandedToItsListenerByAnotherNode() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		try (Receiver crm = new Receiver(json)) {
			WebhookEndpoint endpoint = endpoints.add(tenant.tenant().id(), crm.url(), "CRM", List.of("signal.raised"));
			crm.secret = endpoint.secret().value();
			SignalRaised signal = new SignalRaised(tenant.tenant().id(), UUID.randomUUID(), UUID.randomUUID(),
					UUID.randomUUID(), "Семёнова Анна Петровна", Segment.PROSPECT, CreditEventType.APPLICATION, 1,
					"Подала заявку на кредит", 1, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), null, null);
			// The publication as it is written with the transaction, kept aside before the listener deletes it.
			jdbc.sql("create table if not exists test_kept_publications (like event_publication)").update();
			jdbc.sql("""
					create or replace function test_keep_publication() returns trigger language plpgsql as $$
					begin insert into test_kept_publications select new.*; return new; end $$""").update();
			jdbc.sql("create trigger test_keep_publication after insert on event_publication for each row"
					+ " execute function test_keep_publication()").update();
			try {
				transaction.executeWithoutResult(status -> events.publishEvent(SignalsRaised.of(signal)));
				await().atMost(Duration.ofSeconds(30)).until(() -> crm.signals().contains(signal.signalId()));
			}
			finally {
				jdbc.sql("drop trigger test_keep_publication on event_publication").update();
			}
			String id = crm.signalIds.get(signal.signalId());
			try {
				// The dead node's state: the chunk committed (its publication), the listener never ran (no delivery).
				jdbc.sql("delete from webhook_attempts where delivery_id in (select id from webhook_deliveries where endpoint_id = ?)")
					.param(endpoint.id().value()).update();
				jdbc.sql("delete from webhook_deliveries where endpoint_id = ?").param(endpoint.id().value()).update();
				int restored = jdbc.sql("""
						insert into event_publication
						select id, listener_id, event_type, serialized_event, publication_date - interval '1 minute', null, status,
						    completion_attempts, last_resubmission_date - interval '1 minute'
						from test_kept_publications where listener_id like '%SignalsRaisedListener%' and serialized_event like ?""")
					.param("%" + signal.signalId() + "%").update();
				assertThat(restored).as("the webhooks' publication of the signal").isEqualTo(1);
			}
			finally {
				jdbc.sql("drop table test_kept_publications").update();
			}

			// resubmit-after is 20 s here, checked every 5 s: the signal's message comes again, under its own id.
			await().atMost(Duration.ofSeconds(30)).until(() -> crm.ids.get(id).get() == 2);
			assertThat(crm.unverified.get()).isZero();
			assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ?")
				.param("%" + signal.signalId() + "%").query(Integer.class).single()).as("publications left").isZero();
		}
	}

	/** The agency's watched people: their watches, and how the stream's events are told to be theirs. */
	record People(LocalDate today, Map<String, Set<UUID>> byPassport, Map<String, Map<String, Set<UUID>>> byNameAndBirth) {
	}

	private People watch(Provisioned tenant, Population people) {
		LocalDate today = watches.today();
		Map<String, Set<UUID>> byPassport = new HashMap<>();
		Map<String, Map<String, Set<UUID>>> byNameAndBirth = new HashMap<>();
		WatchTerms terms = WatchTerms.of(Segment.DEBTOR, new Consent(today, "Взыскание", ConsentMethod.PAPER, null, null));
		for (int from = 0; from < people.size(); from += 500) {
			List<SimulatedPerson> batch = new ArrayList<>();
			List<PersonDetails> details = new ArrayList<>();
			for (long i = from; i < Math.min(people.size(), from + 500); i++) {
				batch.add(people.get(i));
				details.add(people.get(i).details());
			}
			List<Watch> watched = watches.watchAll(tenant.tenant().id(), null, details,
					java.util.Collections.nCopies(details.size(), terms));
			for (int i = 0; i < batch.size(); i++) {
				SimulatedPerson person = batch.get(i);
				UUID watch = watched.get(i).id().value();
				byPassport.computeIfAbsent(passport(person.subject()), k -> new HashSet<>()).add(watch);
				byNameAndBirth.computeIfAbsent(nameAndBirth(person.subject()), k -> new HashMap<>())
					.computeIfAbsent(passport(person.subject()), k -> new HashSet<>()).add(watch);
			}
		}
		return new People(today, byPassport, byNameAndBirth);
	}

	/**
	 * What the stream should raise, by the rule of docs/credit-events.md written afresh: an event is a watched
	 * person's when its passport is his, or its ФИО and birth date are his and the passports do not differ; every
	 * watch wants every type (none named), and all of a day's events of one watch and type fold into one signal.
	 */
	static final class Expected {

		final Map<String, Integer> signals = new HashMap<>();
		int matches;
		int aboutWatched;

		void add(CreditEvent event, People people) {
			Set<UUID> matched = new HashSet<>();
			String passport = passport(event.subject());
			if (passport != null) {
				matched.addAll(people.byPassport().getOrDefault(passport, Set.of()));
			}
			people.byNameAndBirth().getOrDefault(nameAndBirth(event.subject()), Map.of()).forEach((theirs, watches) -> {
				if (passport == null || theirs == null || theirs.equals(passport)) {
					matched.addAll(watches);
				}
			});
			if (!matched.isEmpty()) {
				aboutWatched++;
			}
			for (UUID watch : matched) {
				signals.merge(watch + "." + event.type().name(), 1, Integer::sum);
				matches++;
			}
		}
	}

	private static String passport(Subject subject) {
		return subject.passport() == null ? null : subject.passport().series() + subject.passport().number();
	}

	private static String nameAndBirth(Subject subject) {
		return String.join("|", subject.name().lastName(), subject.name().firstName(),
				String.valueOf(subject.name().middleName()), subject.birthDate().toString());
	}

	/** Records a bureau might send by mistake: no JSON, no subject, no type Kredo knows, no time it can read. */
	private static String badRecord(String source, int n) {
		String subject = "\"subject\":{\"lastName\":\"Иванов\",\"firstName\":\"Иван\",\"birthDate\":\"1980-01-02\"}";
		return switch (n % 4) {
			case 0 -> "{\"source\":\"" + source + "\",\"eventId\":\"bad-" + n;
			case 1 -> "{\"source\":\"" + source + "\",\"eventId\":\"bad-" + n + "\",\"type\":\"1.1\","
					+ "\"occurredAt\":\"2026-12-01T10:00:00Z\"}";
			case 2 -> "{\"source\":\"" + source + "\",\"eventId\":\"bad-" + n + "\",\"type\":\"99.9\","
					+ "\"occurredAt\":\"2026-12-01T10:00:00Z\"," + subject + "}";
			default -> "{\"source\":\"" + source + "\",\"eventId\":\"bad-" + n + "\",\"type\":\"1.1\","
					+ "\"occurredAt\":\"вчера\"," + subject + "}";
		};
	}

	private static int parse(String number) {
		try {
			return Integer.parseInt(number);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private int stored(String source) {
		return jdbc.sql("select count(*) from credit_events where source = ?").param(source).query(Integer.class).single();
	}

	/** The messages of the deliveries claimed and not yet recorded (leased), by either node. */
	private Set<String> leasedDeliveries(WebhookEndpoint endpoint) {
		return Set.copyOf(jdbc.sql("""
				select message_id from webhook_deliveries
				where tenant_id = ? and endpoint_id = ? and status = 'PENDING' and next_attempt_at > now()""")
			.params(endpoint.tenantId().value(), endpoint.id().value()).query(String.class).list());
	}

	/** Event publications between modules (a chunk's raised signals among them) whose listeners have not finished. */
	private int outstandingPublications() {
		return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Integer.class).single();
	}

	private int undelivered(WebhookEndpoint endpoint) {
		return jdbc.sql("select count(*) from webhook_deliveries where tenant_id = ? and endpoint_id = ? and status <> 'DELIVERED'")
			.params(endpoint.tenantId().value(), endpoint.id().value()).query(Integer.class).single();
	}

	private double count(String outcome) {
		var counter = meters.find("kredo.events.kafka.records").tag("outcome", outcome).counter();
		return counter == null ? 0 : counter.count();
	}

	private int groupMembers() throws Exception {
		try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
			var group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
			return (int) group.members().stream().filter(member -> !member.assignment().topicPartitions().isEmpty()).count();
		}
	}

	/** The keys of the rejected topic's records, each once. */
	private Set<String> rejectedKeys() {
		Map<String, Object> settings = KafkaTestUtils.consumerProps(broker, "rejections-" + UUID.randomUUID(), false);
		Set<String> found = new HashSet<>();
		try (Consumer<String, byte[]> rejections = new DefaultKafkaConsumerFactory<String, byte[]>(settings,
				new org.apache.kafka.common.serialization.StringDeserializer(),
				new org.apache.kafka.common.serialization.ByteArrayDeserializer()).createConsumer()) {
			rejections.subscribe(List.of(TOPIC + ".rejected"));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, byte[]> record : rejections.poll(Duration.ofMillis(500))) {
					found.add(record.key());
				}
				return found.size() >= BAD;
			});
			// Anything more that is there.
			for (ConsumerRecord<String, byte[]> record : rejections.poll(Duration.ofSeconds(1))) {
				found.add(record.key());
			}
		}
		return found;
	}

	/**
	 * The agency's CRM: a webhook endpoint on 127.0.0.1 written from docs/webhooks.md and the Standard Webhooks
	 * specification, not from Kredo's signer. It verifies each request's signature (HMAC-SHA256 of
	 * {@code id.timestamp.body} with the secret, any {@code v1,} entry) and counts what it got by webhook id.
	 */
	static final class Receiver implements AutoCloseable {

		private final HttpServer server;
		private final JsonMapper json;
		final Map<String, AtomicInteger> ids = new ConcurrentHashMap<>();
		final Map<UUID, String> signalIds = new ConcurrentHashMap<>();
		final AtomicInteger unverified = new AtomicInteger();
		volatile String secret = "";

		Receiver(JsonMapper json) throws IOException {
			this.json = json;
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.createContext("/kredo/webhook", this::handle);
			server.start();
		}

		String url() {
			return "http://127.0.0.1:" + server.getAddress().getPort() + "/kredo/webhook";
		}

		Set<UUID> signals() {
			return Set.copyOf(signalIds.keySet());
		}

		List<String> twice() {
			return ids.entrySet().stream().filter(e -> e.getValue().get() > 1).map(Map.Entry::getKey).toList();
		}

		private void handle(HttpExchange exchange) throws IOException {
			byte[] body = exchange.getRequestBody().readAllBytes();
			String id = exchange.getRequestHeaders().getFirst("webhook-id");
			boolean verified = verify(id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
					exchange.getRequestHeaders().getFirst("webhook-signature"), body);
			int status = 401;
			if (!verified) {
				unverified.incrementAndGet();
			}
			else {
				JsonNode payload = json.readTree(body);
				UUID signal = UUID.fromString(payload.get("data").get("signalId").asString());
				if ("signal.raised".equals(payload.get("type").asString())) {
					ids.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
					// The ids each signal came under: the same one again is a redelivery, another one a second message.
					signalIds.merge(signal, id, (known, again) -> List.of(known.split(" ")).contains(again) ? known
							: known + " " + again);
					status = 200;
				}
			}
			byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		}

		private boolean verify(String id, String timestamp, String header, byte[] body) {
			if (id == null || timestamp == null || header == null || !secret.startsWith("whsec_")) {
				return false;
			}
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(java.util.Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
				mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
				byte[] expected = mac.doFinal(body);
				for (String candidate : header.split(" ")) {
					if (candidate.startsWith("v1,")
							&& MessageDigest.isEqual(expected, java.util.Base64.getDecoder().decode(candidate.substring(3)))) {
						return true;
					}
				}
				return false;
			}
			catch (GeneralSecurityException | IllegalArgumentException ex) {
				return false;
			}
		}

		@Override
		public void close() {
			server.stop(0);
		}
	}
}

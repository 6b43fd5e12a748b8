package ru.kredo.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.micrometer.core.instrument.MeterRegistry;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.apikeys.ApiKeys;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PassportNumber;
import ru.kredo.contacts.PersonDetails;
import ru.kredo.events.internal.EventRecords;
import ru.kredo.events.internal.EventTopicFeed;
import ru.kredo.events.simulator.BureauSimulator;
import ru.kredo.events.simulator.Population;
import ru.kredo.monitoring.Consent;
import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.WatchTerms;
import ru.kredo.monitoring.Watches;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bureau events through Apache Kafka, on an embedded KRaft broker: the REST feed publishes, this application's
 * consumer stores through the same pipeline, offsets are committed after the chunks, and a second Kredo node (its own
 * JVM, {@link SecondNode}) killed with SIGKILL in the middle of the stream loses nothing and doubles nothing.
 */
@IntegrationTest
// The broker's address goes to a system property, by default spring.kafka.bootstrap-servers, which outlives the class
// and turned Kafka on in every context made after it in the JVM: a name of its own, given to this context only. The
// context, its consumer and the broker close after the class.
@DirtiesContext
@EmbeddedKafka(partitions = 4, bootstrapServersProperty = "kredo.test.kafka-brokers",
		topics = { KafkaEventsIntegrationTests.TOPIC, KafkaEventsIntegrationTests.TOPIC + ".rejected" },
		brokerProperties = { "group.min.session.timeout.ms=1000", "group.initial.rebalance.delay.ms=0" })
@TestPropertySource(properties = { "spring.kafka.bootstrap-servers=${kredo.test.kafka-brokers}",
		"kredo.events.kafka.topic=" + KafkaEventsIntegrationTests.TOPIC,
		"kredo.events.kafka.partitions=4", "kredo.events.chunk-size=100", "kredo.events.kafka.max-poll-records=2000",
		// A killed node's partitions go to the others once the broker misses its heartbeats for this long.
		"spring.kafka.consumer.properties[session.timeout.ms]=6000",
		"spring.kafka.consumer.properties[heartbeat.interval.ms]=1000" })
class KafkaEventsIntegrationTests {

	static final String TOPIC = "kredo.credit-events.test";
	static final String GROUP = "kredo-credit-events";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiKeys apiKeys;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Watches watches;

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
	ConcurrentMessageListenerContainer<String, byte[]> creditEventsConsumers;

	@Autowired
	CreditEventIntake intake;

	@Autowired
	FeedUploads feedUploads;

	@Autowired
	JsonMapper json;

	@Autowired
	ru.kredo.contacts.PersonKeys keys;

	@Autowired
	org.springframework.beans.factory.ObjectProvider<ru.kredo.platform.EmbeddedDatabase> embeddedDatabase;

	@Value("${spring.kafka.bootstrap-servers}")
	String brokers;

	final String source = "kafka-" + UUID.randomUUID();
	final Random random = new Random(16);

	@Test
	void theFeedAnswers202OnceTheBrokerHasTheEventsAndEachIsStoredAndSignalledOnceHoweverOftenSent() throws Exception {
		assertThat(intake.queued()).isTrue();
		Provisioned tenant = fixtures.tenant(TenantKind.COLLECTOR);
		List<Person> watched = watch(tenant, 3);
		List<String> lines = new ArrayList<>();
		for (Person person : watched) {
			lines.add(person.event(source, "1.1", 0, watches.today()));
			lines.add(person.event(source, "2.2", 1, watches.today()));
		}
		strangers(20).forEach(lines::add);
		lines.add(5, "{\"source\":\"" + source + "\",\"eventId\":\"bad\",\"type\":\"9.9\"}");
		String body = String.join("\n", lines);
		ru.kredo.apikeys.IssuedApiKey issued = apiKeys.issue(TenantId.PLATFORM, "Лента " + source, "test");
		String feed = "Bearer " + issued.secret();

		mvc.perform(post("/api/v1/events").header("Authorization", feed).header("Accept-Language", "ru")
			.contentType("application/x-ndjson").content(body))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.received").value(27))
			.andExpect(jsonPath("$.queued").value(26))
			.andExpect(jsonPath("$.accepted").doesNotExist())
			.andExpect(jsonPath("$.rejected.length()").value(1))
			.andExpect(jsonPath("$.rejected[0].line").value(6))
			.andExpect(jsonPath("$.rejected[0].code").value("event.subject-required"));

		await().atMost(Duration.ofSeconds(60)).until(() -> stored(source) == 26);
		assertSignalledOnce(tenant, watched.size(), 2);
		// The push is an upload of its feed, its counts added by the node that stored its records (issue 16).
		await().atMost(Duration.ofSeconds(30)).until(() -> newestUpload(feed).accepted() == 26);
		FeedUpload first = newestUpload(feed);
		assertThat(first).extracting(FeedUpload::received, FeedUpload::queued, FeedUpload::accepted,
				FeedUpload::duplicates, FeedUpload::rejected, FeedUpload::matched)
			.containsExactly(27L, 26L, 26L, 0L, 1L, 6L);
		// Every tenant's new signals count, and the seeded passports are watched by this class's tenants of earlier
		// runs on the same database too: the signals this push raised are those linked to its events only.
		assertThat(first.signalsRaised()).isEqualTo(jdbc.sql("""
				select count(distinct l.signal_id) from signal_events l join credit_events e on e.id = l.event_id
				where e.source = ? and not exists (select 1 from signal_events o join credit_events oe on oe.id = o.event_id
				    where o.signal_id = l.signal_id and oe.source <> ?)""")
			.params(source, source).query(Long.class).single()).isGreaterThanOrEqualTo(6);
		mvc.perform(get("/api/v1/feeds/uploads").header("Authorization", feed))
			.andExpect(jsonPath("$.items[0].id").value(first.id().toString()))
			.andExpect(jsonPath("$.items[0].status").value("DONE"))
			.andExpect(jsonPath("$.items[0].queued").value(26))
			.andExpect(jsonPath("$.items[0].accepted").value(26))
			.andExpect(jsonPath("$.items[0].rejected").value(1));

		// The same batch again: every event is a duplicate.
		double duplicates = count("duplicate");
		mvc.perform(post("/api/v1/events").header("Authorization", feed).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isAccepted()).andExpect(jsonPath("$.queued").value(26));
		await().atMost(Duration.ofSeconds(60)).until(() -> count("duplicate") - duplicates >= 26);
		assertThat(stored(source)).isEqualTo(26);
		assertSignalledOnce(tenant, watched.size(), 2);
		await().atMost(Duration.ofSeconds(30)).until(() -> newestUpload(feed).duplicates() == 26);
		assertThat(newestUpload(feed)).extracting(FeedUpload::accepted, FeedUpload::matched, FeedUpload::signalsRaised)
			.containsExactly(0L, 0L, 0L);
		String page = mvc.perform(get("/operator/feeds/{feed}", issued.key().id().value())
			.with(user(fixtures.signedIn("operator@kredo.demo")))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("через Kafka: в очереди 26, сохранено узлами 26");
	}

	// The feed's newest upload as the operator sees it (with matched and signals raised).
	private FeedUpload newestUpload(String feed) throws Exception {
		String answer = mvc.perform(get("/api/v1/feeds/uploads").header("Authorization", feed).param("limit", "1"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		return feedUploads.get(UUID.fromString(json.readTree(answer).get("items").get(0).get("id").asString()));
	}

	@Test
	void theOperatorsFileIsQueuedAndItsPageSaysSo() throws Exception {
		String file = String.join("\n", strangers(3)) + "\n{\"source\":\"x\"}";
		MvcResult uploaded = mvc.perform(multipart("/operator/events")
			.file(new MockMultipartFile("file", "bureau.jsonl", "application/x-ndjson", file.getBytes(StandardCharsets.UTF_8)))
			.with(user(fixtures.signedIn("operator@kredo.demo"))).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();

		String page = mvc.perform(get("/operator/events").with(user(fixtures.signedIn("operator@kredo.demo")))
			.flashAttrs(uploaded.getFlashMap())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("ingestion-queued", "Прочитано событий: 4; отправлено в очередь Kafka: 3");
		await().atMost(Duration.ofSeconds(60)).until(() -> stored(source) == 3);
	}

	@Test
	void aRecordThatIsNoEventGoesToTheRejectedTopicWithItsReasonAndThePartitionGoesOn() throws Exception {
		Person person = new Person(new FullName(Fixtures.uniqueSurname("Кафкин"), "Ян", null), LocalDate.of(1980, 1, 2),
				null);
		String key = "one-person";
		creditEventsProducer.send(TOPIC, key, "{\"source\":\"broken".getBytes(StandardCharsets.UTF_8)).get();
		creditEventsProducer.send(TOPIC, key, person.event(source, "1.1", 0, watches.today()).getBytes(StandardCharsets.UTF_8)).get();

		await().atMost(Duration.ofSeconds(60)).until(() -> stored(source) == 1);
		Map<String, Object> settings = KafkaTestUtils.consumerProps(broker, "rejections-" + source, false);
		try (Consumer<String, byte[]> rejections = new DefaultKafkaConsumerFactory<String, byte[]>(settings,
				new org.apache.kafka.common.serialization.StringDeserializer(),
				new org.apache.kafka.common.serialization.ByteArrayDeserializer()).createConsumer()) {
			rejections.subscribe(List.of(TOPIC + ".rejected"));
			List<ConsumerRecord<String, byte[]>> ours = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				rejections.poll(Duration.ofMillis(500)).forEach(record -> {
					if (new String(record.value(), StandardCharsets.UTF_8).equals("{\"source\":\"broken")) {
						ours.add(record);
					}
				});
				return !ours.isEmpty();
			});
			ConsumerRecord<String, byte[]> rejected = ours.getFirst();
			assertThat(rejected.key()).isEqualTo(key);
			assertThat(header(rejected, EventTopicFeed.CODE)).isEqualTo("event.json-invalid");
			assertThat(header(rejected, EventTopicFeed.REASON)).isEqualTo("Строка не является правильным JSON.");
			assertThat(header(rejected, EventTopicFeed.ORIGIN)).startsWith(TOPIC + "-");
		}
	}

	@Test
	void offsetsResetToTheStartReadTheWholeTopicAgainAndNothingIsStoredOrSignalledTwice() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.COLLECTOR);
		List<Person> watched = watch(tenant, 4);
		List<String> lines = new ArrayList<>();
		watched.forEach(person -> lines.add(person.event(source, "2.6", 0, watches.today())));
		strangers(500).forEach(lines::add);
		publish(lines);
		await().atMost(Duration.ofSeconds(60)).until(() -> stored(source) == 504);
		assertSignalledOnce(tenant, 4, 1);
		// The counters move before the offsets are committed: once the group has read everything, they are final.
		await().atMost(Duration.ofSeconds(60)).until(this::caughtUp);
		double accepted = count("accepted");
		double read = count("accepted") + count("duplicate") + count("rejected");

		creditEventsConsumers.stop();
		long records;
		try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
			Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
			for (int p = 0; p < 4; p++) {
				partitions.put(new TopicPartition(TOPIC, p), OffsetSpec.latest());
			}
			records = admin.listOffsets(partitions).all().get().values().stream().mapToLong(o -> o.offset()).sum();
			admin.alterConsumerGroupOffsets(GROUP, partitions.keySet().stream()
				.collect(Collectors.toMap(p -> p, p -> new OffsetAndMetadata(0)))).all().get();
		}
		creditEventsConsumers.start();

		await().atMost(Duration.ofSeconds(60))
			.until(() -> count("accepted") + count("duplicate") + count("rejected") - read >= records);
		assertThat(count("accepted")).as("nothing new").isEqualTo(accepted);
		assertThat(stored(source)).isEqualTo(504);
		assertSignalledOnce(tenant, 4, 1);
	}

	/**
	 * Two nodes in one consumer group on one PostgreSQL, and one of them killed (SIGKILL) while the stream flows: the
	 * other takes its partitions from their last committed offsets, re-reads what the dead one had stored but not
	 * committed, and every valid event is stored once and every expected signal raised once.
	 */
	@Test
	void aNodeKilledMidStreamLosesNothingAndDoublesNothing() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.COLLECTOR);
		List<Person> watched = watch(tenant, 40);
		List<String> lines = new ArrayList<>();
		for (Person person : watched) {
			lines.add(person.event(source, "1.1", 0, watches.today()));
			lines.add(person.event(source, "2.2", 1, watches.today()));
			lines.add(person.event(source, "2.6", 2, watches.today()));
		}
		strangers(20_000 - lines.size()).forEach(lines::add);
		Collections.shuffle(lines, random);
		List<List<String>> batches = new ArrayList<>();
		for (int from = 0; from < lines.size(); from += 2_000) {
			batches.add(lines.subList(from, Math.min(lines.size(), from + 2_000)));
		}

		ru.kredo.platform.EmbeddedDatabase database = embeddedDatabase.getIfAvailable();
		try (SecondNode node = SecondNode.start(database, brokers, TOPIC,
				"--kredo.events.chunk-size=100", "--kredo.events.kafka.max-poll-records=2000")) {
			await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500)).until(() -> groupMembers() == 2);
			publish(batches.get(0));
			publish(batches.get(1));
			await().atMost(Duration.ofSeconds(60)).until(node::hasStoredABatch);
			// Killed while both nodes store the next batch: a part of it stored, none of it committed, most likely.
			int before = stored(source);
			publish(batches.get(2));
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
				.until(() -> stored(source) >= before + 500);
			node.kill();
		}
		double duplicates = count("duplicate");
		for (List<String> batch : batches.subList(3, batches.size())) {
			publish(batch);
		}

		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
			.until(() -> stored(source) == lines.size());
		assertSignalledOnce(tenant, watched.size(), 3);
		System.out.printf("node killed mid-stream: %.0f events re-read as duplicates%n", count("duplicate") - duplicates);
	}

	private void publish(List<String> lines) throws Exception {
		String feed = "Bearer " + apiKeys.issue(TenantId.PLATFORM, "Лента " + UUID.randomUUID(), "test").secret();
		mvc.perform(post("/api/v1/events").header("Authorization", feed).contentType("application/x-ndjson")
			.content(String.join("\n", lines))).andExpect(status().isAccepted())
			.andExpect(jsonPath("$.queued").value(lines.size()));
	}

	/** One signal per watch and event type, each folding exactly one event: nothing lost, nothing twice. */
	private void assertSignalledOnce(Provisioned tenant, int watchCount, int typesEach) {
		Map<String, Object> signals = jdbc.sql("""
				select count(*) as signals, coalesce(sum(event_count), 0) as folded, count(distinct watch_id) as watches,
				       (select count(*) from signal_events e where e.tenant_id = s.tenant_id) as links
				from signals s where tenant_id = ? group by tenant_id""")
			.param(tenant.tenant().id().value())
			.query()
			.singleRow();
		assertThat(((Number) signals.get("watches")).intValue()).isEqualTo(watchCount);
		assertThat(((Number) signals.get("signals")).intValue()).isEqualTo(watchCount * typesEach);
		assertThat(((Number) signals.get("folded")).intValue()).isEqualTo(watchCount * typesEach);
		assertThat(((Number) signals.get("links")).intValue()).isEqualTo(watchCount * typesEach);
	}

	private int stored(String source) {
		return jdbc.sql("select count(*) from credit_events where source = ?").param(source).query(Integer.class).single();
	}

	private double count(String outcome) {
		var counter = meters.find("kredo.events.kafka.records").tag("outcome", outcome).counter();
		return counter == null ? 0 : counter.count();
	}

	private boolean caughtUp() throws Exception {
		try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
				.partitionsToOffsetAndMetadata().get();
			Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
			for (int p = 0; p < 4; p++) {
				partitions.put(new TopicPartition(TOPIC, p), OffsetSpec.latest());
			}
			return admin.listOffsets(partitions).all().get().entrySet().stream()
				.allMatch(end -> committed.get(end.getKey()) != null
						&& committed.get(end.getKey()).offset() == end.getValue().offset());
		}
	}

	private int groupMembers() throws Exception {
		try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
			var group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
			return (int) group.members().stream().filter(member -> !member.assignment().topicPartitions().isEmpty()).count();
		}
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	private List<Person> watch(Provisioned tenant, int count) {
		List<Person> people = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Person person = new Person(new FullName(Fixtures.uniqueSurname("Кафка"), "Анна", "Петровна"),
					LocalDate.of(1970 + i % 30, 1 + i % 12, 1 + i % 28),
					PassportNumber.parse(String.format("%04d %06d", 4500 + random.nextInt(500), random.nextInt(1_000_000))));
			watches.watch(tenant.tenant().id(), new PersonDetails(person.name(), person.birthDate(), person.passport(),
					null, null, null, null, List.of(), List.of(), null),
					WatchTerms.of(Segment.DEBTOR, new Consent(watches.today(), "Взыскание", ConsentMethod.PAPER, null, null)));
			people.add(person);
		}
		return people;
	}

	// Events about people nobody watches, as a bureau's feed mostly is.
	private List<String> strangers(int count) {
		EventRecords records = new EventRecords(json, keys);
		return new BureauSimulator(random.nextLong(), source, new Population(0, 0), new Population(random.nextLong(), 1_000_000), 0)
			.next(count, Instant.now().minus(Duration.ofDays(1)), Duration.ofHours(20))
			.stream()
			.map(event -> new String(records.value(event), StandardCharsets.UTF_8))
			.toList();
	}

	record Person(FullName name, LocalDate birthDate, PassportNumber passport) {

		// Today's (the agency's) events, a second apart: within the fold window, on the watch's first day.
		String event(String source, String type, int second, LocalDate day) {
			return """
					{"source":"%s","eventId":"%s","type":"%s","occurredAt":"%sT00:00:%02d+03:00","subject":{"lastName":"%s",\
					"firstName":"%s","middleName":"Петровна","birthDate":"%s"%s}}"""
				.formatted(source, UUID.randomUUID(), type, day, second,
						name.lastName(), name.firstName(), birthDate,
						passport == null ? "" : ",\"passport\":\"" + passport.series() + passport.number() + "\"");
		}
	}
}

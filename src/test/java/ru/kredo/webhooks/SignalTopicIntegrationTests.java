package ru.kredo.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import ru.kredo.Fixtures;
import ru.kredo.Fixtures.WatchedWithSignal;
import ru.kredo.IntegrationTest;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * «Сигналы в Kafka» (issue 16) on an embedded KRaft broker: a tenant that switched it on finds each of its webhook
 * events on its own topic, once, with the webhook's payload, keyed by the signal and with the event's type, id and
 * version in headers; a tenant that switched it off finds nothing, nor another tenant's; and a broker that is away for
 * a while gets the messages later, none lost.
 */
@IntegrationTest
// The broker's address in a property of its own, given to this context only (as KafkaEventsIntegrationTests).
@DirtiesContext
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "kredo.test.signal-brokers",
		topics = SignalTopicIntegrationTests.EVENTS)
@TestPropertySource(properties = { "spring.kafka.bootstrap-servers=${kredo.test.signal-brokers}",
		"kredo.events.kafka.topic=" + SignalTopicIntegrationTests.EVENTS, "kredo.events.kafka.partitions=1",
		"kredo.webhooks.kafka.poll-interval=200ms", "kredo.webhooks.kafka.retry-after=500ms",
		// A broker away fails a send within seconds here, not the default ten.
		"spring.kafka.producer.properties[max.block.ms]=2000",
		"spring.kafka.producer.properties[request.timeout.ms]=2000",
		"spring.kafka.producer.properties[delivery.timeout.ms]=4000" })
class SignalTopicIntegrationTests {

	static final String EVENTS = "kredo.credit-events.signal-topic-test";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SignalTopics topics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Test
	void aSignalOfATenantThatSwitchedItOnIsOnItsTopicOnceWithTheWebhooksPayloadAndNeverAnothersOrASwitchedOffOnes()
			throws Exception {
		Provisioned on = fixtures.tenant(TenantKind.BROKER);
		Provisioned other = fixtures.tenant(TenantKind.BROKER);
		Provisioned off = fixtures.tenant(TenantKind.BROKER);
		String key = "Bearer " + on.apiKey().secret();
		mvc.perform(get("/api/v1/signal-topic").header("Authorization", key))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.available").value(true))
			.andExpect(jsonPath("$.enabled").value(false))
			.andExpect(jsonPath("$.topic").value(topics.topicOf(on.tenant().id())));
		mvc.perform(put("/api/v1/signal-topic").header("Authorization", key).contentType(MediaType.APPLICATION_JSON)
			.content("{\"enabled\":true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enabled").value(true))
			.andExpect(jsonPath("$.switchedOnAt").isNotEmpty());
		assertThat(jdbc.sql("select count(*) from audit_events where tenant_id = ? and action = 'SIGNAL_TOPIC_SWITCHED'")
			.param(on.tenant().id().value()).query(Long.class).single()).isEqualTo(1);
		// The other tenant has its own topic on, through its page; the third switched it on and off again.
		mvc.perform(post("/webhooks/kafka").param("enabled", "true").with(user(fixtures.admin(other))).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/webhooks/kafka").param("enabled", "true").with(user(fixtures.admin(off))).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/webhooks/kafka").param("enabled", "false").with(user(fixtures.admin(off))).with(csrf()))
			.andExpect(status().is3xxRedirection());
		String page = mvc.perform(get("/webhooks").with(user(fixtures.admin(on)))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("signal-topic-on", topics.topicOf(on.tenant().id()));

		WatchedWithSignal raised = fixtures.watchedWithSignal(on);
		WatchedWithSignal others = fixtures.watchedWithSignal(other);
		WatchedWithSignal offs = fixtures.watchedWithSignal(off);

		List<ConsumerRecord<String, byte[]>> records = readUntil(topics.topicOf(on.tenant().id()),
				found -> found.stream().anyMatch(r -> isRaised(r, raised.signal().id().value())));
		List<ConsumerRecord<String, byte[]>> raisedRecords = records.stream()
			.filter(r -> isRaised(r, raised.signal().id().value()))
			.toList();
		assertThat(raisedRecords).as("signal.raised once").hasSize(1);
		ConsumerRecord<String, byte[]> record = raisedRecords.getFirst();
		assertThat(record.key()).isEqualTo(raised.signal().id().value().toString());
		assertThat(header(record, "kredo-event-type")).isEqualTo("signal.raised");
		assertThat(header(record, "kredo-event-version")).isEqualTo("1");
		// The webhook's message: the same id and bytes as a delivery to an endpoint would carry.
		Map<String, Object> queued = jdbc.sql("""
				select message_id, payload from webhook_kafka_messages where tenant_id = ? and record_key = ?
				and event_type = 'signal.raised'""")
			.params(on.tenant().id().value(), raised.signal().id().value().toString())
			.query()
			.singleRow();
		assertThat(header(record, "kredo-event-id")).startsWith("msg_").isEqualTo(queued.get("message_id"));
		assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(queued.get("payload"));
		JsonNode payload = json.readTree(record.value());
		assertThat(payload.get("type").asString()).isEqualTo("signal.raised");
		assertThat(payload.get("version").asInt()).isEqualTo(1);
		assertThat(payload.get("data").get("signalId").asString()).isEqualTo(raised.signal().id().value().toString());
		assertThat(payload.get("data").has("externalId")).isTrue();

		// Only this tenant's signals on its topic (its watch folds the others' events about the same person).
		Set<String> ours = Set.copyOf(jdbc.sql("select id::text from signals where tenant_id = ?")
			.param(on.tenant().id().value()).query(String.class).list());
		assertThat(records).allSatisfy(r -> assertThat(ours).contains(r.key()));
		assertThat(records).noneMatch(r -> r.key().equals(others.signal().id().value().toString())
				|| r.key().equals(offs.signal().id().value().toString()));
		// The other tenant's signal is on its own topic; the tenant that switched off queued nothing.
		readUntil(topics.topicOf(other.tenant().id()),
				found -> found.stream().anyMatch(r -> isRaised(r, others.signal().id().value())));
		assertThat(queuedFor(off.tenant().id())).isZero();
	}

	@Test
	void aBrokerAwayForAWhileGetsTheMessagesLaterAndNoneIsLost() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.COLLECTOR);
		assertThat(topics.switchTo(tenant.tenant().id(), true)).isTrue();
		String topic = topics.topicOf(tenant.tenant().id());
		var brokers = ((EmbeddedKafkaKraftBroker) broker).getCluster().brokers().values();
		WatchedWithSignal raised;
		try {
			brokers.forEach(b -> b.shutdown());
			raised = fixtures.watchedWithSignal(tenant);
			// Tried while the broker is away, and not sent.
			await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
					select count(*) from webhook_kafka_messages where tenant_id = ? and attempts > 0 and sent_at is null""")
				.param(tenant.tenant().id().value()).query(Long.class).single() > 0);
		}
		finally {
			brokers.forEach(b -> b.startup());
		}
		UUID signal = raised.signal().id().value();
		List<ConsumerRecord<String, byte[]>> records = readUntil(topic,
				found -> found.stream().anyMatch(r -> isRaised(r, signal)));
		assertThat(records.stream().filter(r -> isRaised(r, signal))).hasSize(1);
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
				"select count(*) from webhook_kafka_messages where tenant_id = ? and sent_at is null")
			.param(tenant.tenant().id().value()).query(Long.class).single() == 0);
	}

	@Test
	void switchingWithoutAnAnswerIsRefusedAndChangesNothing() throws Exception {
		Provisioned tenant = fixtures.tenant(TenantKind.BROKER);
		mvc.perform(put("/api/v1/signal-topic").header("Authorization", "Bearer " + tenant.apiKey().secret())
			.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("signal-topic.enabled-required"));
		assertThat(topics.of(tenant.tenant().id()).enabled()).isFalse();
	}

	private long queuedFor(TenantId tenant) {
		return jdbc.sql("select count(*) from webhook_kafka_messages where tenant_id = ?").param(tenant.value())
			.query(Long.class).single();
	}

	private boolean isRaised(ConsumerRecord<String, byte[]> record, UUID signal) {
		return signal.toString().equals(record.key()) && "signal.raised".equals(header(record, "kredo-event-type"));
	}

	/** Reads the topic from its start until {@code done} holds for what was read, and returns all of it. */
	private List<ConsumerRecord<String, byte[]>> readUntil(String topic,
			java.util.function.Predicate<List<ConsumerRecord<String, byte[]>>> done) {
		Map<String, Object> settings = KafkaTestUtils.consumerProps(broker, "test-" + UUID.randomUUID(), false);
		settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
		try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(settings, new StringDeserializer(),
				new ByteArrayDeserializer()).createConsumer()) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach(read::add);
				return done.test(read);
			});
			// Anything published twice would be right behind.
			consumer.poll(Duration.ofSeconds(1)).forEach(read::add);
		}
		return read;
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}
}

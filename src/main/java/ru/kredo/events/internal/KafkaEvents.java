package ru.kredo.events.internal;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.unit.DataSize;

import io.micrometer.core.instrument.MeterRegistry;

import ru.kredo.contacts.PersonKeys;
import ru.kredo.events.CreditEventIngestion;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bureau events through Apache Kafka, only when {@code spring.kafka.bootstrap-servers} is set: without it nothing of
 * this exists and no Kafka client is made. The producer and consumer take every {@code spring.kafka.*} setting (TLS,
 * SASL, client id…) but not what the guarantees rest on, which is set here: {@code acks=all} and idempotence for the
 * producer; for the consumer no auto-commit, offsets committed by the listener after its batch is stored, the
 * consumer group {@code kredo.events.kafka.group}. Settings: docs/configuration.md, «Kafka».
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.kafka.bootstrap-servers")
class KafkaEvents {

	private final KafkaProperties kafka;
	private final String topic;

	KafkaEvents(KafkaProperties kafka, @Value("${kredo.events.kafka.topic:kredo.credit-events}") String topic) {
		this.kafka = kafka;
		this.topic = topic;
	}

	/** The producer of events and rejections: the broker has a record once every in-sync replica has it. */
	@Bean(destroyMethod = "destroy")
	KafkaTemplate<String, byte[]> creditEventsProducer() {
		Map<String, Object> settings = kafka.buildProducerProperties();
		// Kredo's producer is not transactional: each record stands alone, and duplicates are told by their key.
		settings.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		settings.put(ProducerConfig.ACKS_CONFIG, "all");
		settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(settings);
		// The factory is no bean (Spring Boot's own stays what its template uses): closed with the template.
		return new KafkaTemplate<>(producers) {

			@Override
			public void destroy() {
				super.destroy();
				producers.destroy();
			}
		};
	}

	@Bean
	EventTopic eventTopic(KafkaTemplate<String, byte[]> creditEventsProducer, PersonKeys keys, JsonMapper json,
			@Value("${kredo.events.max-line-length:1MB}") DataSize maxLineLength) {
		return new EventTopic(creditEventsProducer, topic, new EventRecords(json, keys), json,
				(int) maxLineLength.toBytes());
	}

	/** Made by Spring Boot's KafkaAdmin at start when missing (an existing topic is left as it is). */
	@Bean
	NewTopic creditEventsTopic(@Value("${kredo.events.kafka.partitions:12}") int partitions) {
		return TopicBuilder.name(topic).partitions(partitions).build();
	}

	@Bean
	NewTopic rejectedCreditEventsTopic(@Value("${kredo.events.kafka.rejected-topic:${kredo.events.kafka.topic:kredo.credit-events}.rejected}") String rejectedTopic) {
		return TopicBuilder.name(rejectedTopic).partitions(1).build();
	}

	/**
	 * The consumers of this node: {@code kredo.events.kafka.consumers} of them (each stores two chunks at a time, so
	 * two database connections each), in the group with every other node's. Off with {@code kredo.events.kafka.consume=false}
	 * (the command line publishes but never consumes).
	 */
	@Bean
	ConcurrentMessageListenerContainer<String, byte[]> creditEventsConsumers(CreditEventIngestion ingestion,
			KafkaTemplate<String, byte[]> creditEventsProducer, MessageSource messages, MeterRegistry meters,
			NewTopic rejectedCreditEventsTopic,
			@Value("${kredo.events.kafka.group:kredo-credit-events}") String group,
			@Value("${kredo.events.kafka.consumers:1}") int consumers,
			@Value("${kredo.events.kafka.max-poll-records:5000}") int maxPollRecords,
			@Value("${kredo.events.kafka.consume:true}") boolean consume) {
		Map<String, Object> settings = kafka.buildConsumerProperties();
		settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		// A new group reads the topic from its start: what was stored before is a duplicate, nothing is skipped.
		settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
		settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		ContainerProperties properties = new ContainerProperties(topic);
		properties.setGroupId(group);
		properties.setAckMode(AckMode.MANUAL_IMMEDIATE);
		properties.setMessageListener(new EventTopicFeed(ingestion, creditEventsProducer, rejectedCreditEventsTopic.name(),
				messages, meters));
		ConcurrentMessageListenerContainer<String, byte[]> container = new ConcurrentMessageListenerContainer<>(
				new DefaultKafkaConsumerFactory<>(settings), properties);
		container.setConcurrency(consumers);
		container.setAutoStartup(consume);
		container.setBeanName("creditEventsConsumers");
		// A batch that cannot be stored (the database is away) is tried again, ever more slowly, never skipped: skipping
		// would lose its events. A bad record never gets here; it is rejected as data.
		ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
		backOff.setMaxInterval(Duration.ofMinutes(1).toMillis());
		container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
		return container;
	}
}

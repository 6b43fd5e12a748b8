package ru.kredo.webhooks.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Makes a tenant's signals topic when it switches «Сигналы в Kafka» on. Where the brokers let no client make topics,
 * it is logged and the topic must be made beforehand (docs/webhooks.md, «Kafka»): the messages wait in the outbox.
 */
@Component
@ConditionalOnProperty("spring.kafka.bootstrap-servers")
public class SignalTopicAdmin {

	private static final Logger log = LoggerFactory.getLogger(SignalTopicAdmin.class);

	private final KafkaAdmin admin;
	private final int partitions;

	SignalTopicAdmin(KafkaAdmin admin, @Value("${kredo.webhooks.kafka.partitions:3}") int partitions) {
		this.admin = admin;
		this.partitions = partitions;
	}

	/** Makes the topic if it is missing (an existing one is left as it is). */
	public void create(String topic) {
		try {
			admin.createOrModifyTopics(TopicBuilder.name(topic).partitions(partitions).build());
		}
		catch (RuntimeException ex) {
			log.warn("could not make the signals topic {} (make it beforehand where clients may not): {}", topic,
					ex.getMessage());
		}
	}
}

package ru.kredo.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

import ru.kredo.IntegrationTest;
import ru.kredo.events.internal.EventTopic;

/**
 * Without {@code spring.kafka.bootstrap-servers} (the embedded single-process default) nothing of Kafka is made that
 * could connect: no consumer, no events producer, no topic; Spring Boot's own Kafka beans stay unused, and every channel
 * stores at once.
 */
@IntegrationTest
class WithoutKafkaIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	CreditEventIntake intake;

	@Test
	void noConsumerNoProducerAndBatchesAreStoredAtOnce() {
		assertThat(context.getEnvironment().getProperty("spring.kafka.bootstrap-servers")).isNull();
		assertThat(context.getBeansOfType(MessageListenerContainer.class)).isEmpty();
		assertThat(context.getBeansOfType(EventTopic.class)).isEmpty();
		assertThat(context.getBeansOfType(org.apache.kafka.clients.admin.NewTopic.class)).isEmpty();
		assertThat(context.getBeanNamesForType(KafkaTemplate.class)).doesNotContain("creditEventsProducer");
		assertThat(intake.queued()).isFalse();
	}
}

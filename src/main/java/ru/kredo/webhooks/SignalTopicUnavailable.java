package ru.kredo.webhooks;

import ru.kredo.platform.Rejected;

/** «Сигналы в Kafka» asked for where Kredo has no Kafka ({@code spring.kafka.bootstrap-servers} not set). */
public class SignalTopicUnavailable extends Rejected {

	public static final String CODE = "signal-topic.kafka-not-configured";

	public SignalTopicUnavailable() {
		super(CODE);
	}
}

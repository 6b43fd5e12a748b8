package ru.kredo.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.kredo.events.CreditEventType;
import ru.kredo.monitoring.Segment;
import ru.kredo.signals.SignalRaised;
import ru.kredo.tenancy.TenantId;

/** A CRM is told outright which signals mean «stop contacting», not left to read a priority 1 as a call to make. */
class WebhookPayloadsTests {

	private final JsonMapper json = JsonMapper.builder().build();
	private final WebhookPayloads payloads = new WebhookPayloads(json);

	@Test
	void aBankruptcyIsSentAsStopContactAndAnApplicationIsNot() {
		assertThat(data(CreditEventType.BANKRUPTCY).get("stopContact").asBoolean()).isTrue();
		assertThat(data(CreditEventType.BANKRUPTCY).get("priority").asInt()).isEqualTo(1);
		assertThat(data(CreditEventType.APPLICATION).get("stopContact").asBoolean()).isFalse();
	}

	/** An event type Kredo sends but an endpoint could not choose would never reach a filtered endpoint. */
	@Test
	void everyTypeKredoSendsCanBeChosenByAnEndpointExceptTheTest() throws Exception {
		List<String> declared = new ArrayList<>();
		for (Field field : WebhookPayloads.class.getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				declared.add((String) field.get(null));
			}
		}
		assertThat(declared).contains(WebhookPayloads.SIGNAL_RAISED, WebhookPayloads.PLAN_COMPLETED);
		assertThat(WebhookPayloads.EVENT_TYPES).containsExactlyInAnyOrderElementsOf(
				declared.stream().filter(type -> !type.equals(WebhookPayloads.TEST)).toList());
	}

	/**
	 * A signal open before that folded more events is {@code signal.folded}, with the same data as when it was raised,
	 * and another message than a raised one with the same count (issue 15).
	 */
	@Test
	void aFoldedSignalIsSentAsSignalFoldedWithTheDataOfSignalRaised() {
		TenantId tenant = new TenantId(UUID.randomUUID());
		UUID signal = UUID.randomUUID();
		Instant now = Instant.parse("2026-12-10T09:00:00Z");
		SignalRaised raised = new SignalRaised(tenant, signal, UUID.randomUUID(), UUID.randomUUID(), "Семёнова Анна Петровна",
				Segment.PROSPECT, CreditEventType.APPLICATION, 1, "…", 2, now, null, null, "1042", false);
		SignalRaised folded = new SignalRaised(tenant, signal, raised.watchId(), raised.contactId(), raised.contactName(),
				Segment.PROSPECT, CreditEventType.APPLICATION, 1, "…", 2, now, null, null, "1042", true);
		JsonNode raisedBody = json.readTree(payloads.signalRaised(raised, now));
		JsonNode foldedBody = json.readTree(payloads.signalRaised(folded, now));
		assertThat(raisedBody.get("type").asString()).isEqualTo("signal.raised");
		assertThat(foldedBody.get("type").asString()).isEqualTo("signal.folded");
		assertThat(foldedBody.get("data")).isEqualTo(raisedBody.get("data"));
		assertThat(WebhookPayloads.messageId(folded)).isNotEqualTo(WebhookPayloads.messageId(raised));
	}

	private JsonNode data(CreditEventType type) {
		SignalRaised event = new SignalRaised(new TenantId(UUID.randomUUID()), UUID.randomUUID(), UUID.randomUUID(),
				UUID.randomUUID(), "Семёнова Анна Петровна", Segment.DEBTOR, type, 1, "…", 1, Instant.now(), null, null);
		return json.readTree(payloads.signalRaised(event, Instant.now())).get("data");
	}
}

package ru.kredo.webhooks.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import ru.kredo.monitoring.ListImportFinished;
import ru.kredo.signals.OutcomeRecorded;

/**
 * The work of any tenant, a broker's or an agency's, beyond its signals ({@link SignalsRaisedListener}): an outcome
 * recorded on a signal ({@code signal.outcome_recorded}) and an uploaded list's import ended
 * ({@code list_import.finished}), issue 15. Each after its event's commit, through the event publication registry,
 * one message per event (its id made from the event).
 */
@Component
class TenantEventsListener {

	private final EventMessages messages;

	TenantEventsListener(EventMessages messages) {
		this.messages = messages;
	}

	/** How working a signal ended, as a manager (or an integrator) recorded it; a signal ends once. */
	@ApplicationModuleListener
	void on(OutcomeRecorded recorded) {
		messages.queue(WebhookPayloads.SIGNAL_OUTCOME_RECORDED, recorded.tenantId(), recorded.signalId().toString(), () -> {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("signalId", recorded.signalId());
			data.put("watchId", recorded.watchId());
			data.put("contactId", recorded.contactId());
			data.put("segment", recorded.segment() == null ? null : recorded.segment().name());
			data.put("eventType", recorded.eventType() == null ? null : recorded.eventType().name());
			data.put("count", recorded.count());
			data.put("outcome", recorded.outcome().name());
			data.put("reached", recorded.outcome().reached());
			data.put("success", recorded.outcome().success());
			data.put("closedAt", recorded.closedAt().toString());
			data.put("listId", recorded.listId());
			return data;
		});
	}

	/** An uploaded list's import ended: done, failed (with its code) or interrupted, with its counts. */
	@ApplicationModuleListener
	void on(ListImportFinished finished) {
		messages.queue(WebhookPayloads.LIST_IMPORT_FINISHED, finished.tenantId(),
				finished.importId() + ":" + finished.status(), () -> {
					Map<String, Object> data = new LinkedHashMap<>();
					data.put("importId", finished.importId());
					data.put("listId", finished.listId() == null ? null : finished.listId().value());
					data.put("listName", finished.listName());
					data.put("fileName", finished.fileName());
					data.put("state", finished.status().name());
					data.put("failureCode", finished.failureCode());
					// The names and meanings of the import's own answer (GET /api/v1/lists/imports/{id}).
					data.put("rowsRead", finished.total());
					data.put("accepted", finished.imported());
					data.put("awaitingConsent", finished.awaitingConsent());
					data.put("rejected", finished.rejected());
					data.put("keptWithNote", finished.noted());
					data.put("skipped", finished.skipped());
					data.put("startedAt", String.valueOf(finished.startedAt()));
					data.put("finishedAt", String.valueOf(finished.finishedAt()));
					return data;
				});
	}
}

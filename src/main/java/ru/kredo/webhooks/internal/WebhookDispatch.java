package ru.kredo.webhooks.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.webhooks.DisabledReason;
import ru.kredo.webhooks.WebhookAttempt;
import ru.kredo.webhooks.WebhookEndpoints;

/**
 * Sends due deliveries every {@code kredo.webhooks.poll-interval}: claims a batch, POSTs each in its own virtual
 * thread (one dead CRM must not hold up the others), records every attempt, and disables an endpoint that has failed
 * for longer than {@code kredo.webhooks.disable-after}.
 */
@Component
public class WebhookDispatch implements SchedulingConfigurer {

	static final AuditActor DISPATCHER = new AuditActor("system:webhooks", "Kredo");
	private static final Logger log = LoggerFactory.getLogger(WebhookDispatch.class);

	private final DeliveryQueue queue;
	private final WebhookSender sender;
	private final WebhookEndpoints endpoints;
	private final AuditLog audit;
	private final TransactionTemplate transaction;
	private final WebhookProperties properties;
	private final DisablingRule disabling;
	private final Clock clock;

	WebhookDispatch(DeliveryQueue queue, WebhookSender sender, WebhookEndpoints endpoints, AuditLog audit,
			TransactionTemplate transaction, WebhookProperties properties, Clock clock) {
		this.queue = queue;
		this.sender = sender;
		this.endpoints = endpoints;
		this.audit = audit;
		this.transaction = transaction;
		this.properties = properties;
		this.disabling = new DisablingRule(properties.disableAfter());
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::poll, properties.pollInterval(), properties.pollInterval()));
	}

	/** Each batch reads the clock afresh, so a long backlog neither sends stale timestamps nor outlives its lease. */
	public void poll() {
		try {
			while (dispatchBatch(clock.instant()) == properties.batchSize()) {
				// a full batch: there may be more due
			}
		}
		catch (RuntimeException ex) {
			log.error("Webhook dispatch failed; will try again at the next poll", ex);
		}
	}

	/** Attempts every delivery due at {@code now} (tests pass their own now); returns how many attempts were made. */
	public int dispatchDue(Instant now) {
		int attempted = 0;
		int batch;
		do {
			batch = dispatchBatch(now);
			attempted += batch;
		}
		while (batch == properties.batchSize());
		return attempted;
	}

	private int dispatchBatch(Instant now) {
		List<DueDelivery> batch = queue.claim(now, properties.batchSize());
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			batch.forEach(delivery -> threads.submit(() -> attempt(delivery, now)));
		}
		return batch.size();
	}

	private void attempt(DueDelivery delivery, Instant now) {
		try {
			attemptAndRecord(delivery, now);
		}
		catch (RuntimeException ex) {
			// The lease runs out and the delivery is tried again.
			log.error("Could not record the attempt of webhook delivery {}", delivery.id(), ex);
		}
	}

	private void attemptAndRecord(DueDelivery delivery, Instant now) {
		WebhookAttempt attempt = sender.send(delivery, now);
		transaction.executeWithoutResult(status -> {
			Optional<Instant> failingSince = queue.record(delivery, attempt);
			if (failingSince.isPresent() && disabling.disables(failingSince.get(), now)
					&& endpoints.disable(delivery.tenantId(), delivery.endpointId(), DisabledReason.FAILING, now)) {
				audit.record(delivery.tenantId(), DISPATCHER, AuditAction.WEBHOOK_ENDPOINT_DISABLED, "webhook-endpoint",
						delivery.endpointId(), "failing-since:" + failingSince.get());
			}
		});
	}
}

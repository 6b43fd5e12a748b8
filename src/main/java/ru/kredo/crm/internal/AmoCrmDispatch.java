package ru.kredo.crm.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.crm.internal.AmoCrmApi.AmoContact;
import ru.kredo.crm.internal.AmoCrmAccounts.Account;
import ru.kredo.crm.internal.CrmDeliveries.Delivery;
import ru.kredo.platform.Redacted;
import ru.kredo.tenancy.TenantId;

/**
 * Carries queued signals into amoCRM every {@code kredo.crm.amocrm.poll-interval}: finds the contact (by the
 * signal's external id as an amoCRM contact id, else by the contact's phones), creates the task, note or lead the
 * tenant chose, and records the outcome. One tenant's deliveries go one after another (amoCRM limits requests per
 * account), tenants in parallel. A 429 is retried after amoCRM's {@code Retry-After} or a doubling back-off; other
 * failures after {@code backoff}, doubling, until {@code max-attempts}; a 400 is final.
 * <p>
 * Never twice: {@link CrmDeliveries#sending} is committed before the create request; a delivery that has it and comes
 * round again (the answer was lost, or Kredo stopped) first looks in amoCRM for what carries its marker.
 */
@Component
public class AmoCrmDispatch implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(AmoCrmDispatch.class);

	private final CrmDeliveries deliveries;
	private final AmoCrmAccounts accounts;
	private final AmoCrmApi api;
	private final Contacts contacts;
	private final AmoCrmProperties properties;
	private final Clock clock;

	AmoCrmDispatch(CrmDeliveries deliveries, AmoCrmAccounts accounts, AmoCrmApi api, Contacts contacts,
			AmoCrmProperties properties, Clock clock) {
		this.deliveries = deliveries;
		this.accounts = accounts;
		this.api = api;
		this.contacts = contacts;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::poll, properties.pollInterval(), properties.pollInterval()));
	}

	public void poll() {
		try {
			dispatchDue(clock.instant());
		}
		catch (RuntimeException ex) {
			log.error("amoCRM dispatch failed; will try again at the next poll", ex);
		}
	}

	/** Works every delivery due at {@code now} (tests pass their own); returns how many were worked. */
	public int dispatchDue(Instant now) {
		return CrmBatches.work(deliveries, Crm.AMOCRM, now, properties.batchSize(), d -> attempt(d, now));
	}

	private void attempt(Delivery delivery, Instant now) {
		try {
			deliver(delivery, now);
		}
		catch (AmoCrmException ex) {
			failed(delivery, ex, now);
		}
		catch (RuntimeException ex) {
			log.error("amoCRM delivery {} failed", delivery.id(), ex);
			failed(delivery, new AmoCrmException(0, ex.getClass().getSimpleName(), null), now);
		}
	}

	private void deliver(Delivery delivery, Instant now) {
		Optional<Account> found = accounts.find(delivery.tenantId());
		if (found.isEmpty() || !found.get().connected()) {
			deliveries.failed(delivery, 0, "amoCRM is not connected", null, true, now);
			return;
		}
		Account account = found.get();
		TenantId tenant = delivery.tenantId();
		Optional<AmoContact> contact = contact(account, delivery);
		if (contact.isEmpty()) {
			deliveries.notFound(delivery, now);
			return;
		}
		AmoCrmAccounts.Action action = delivery.action() != null ? AmoCrmAccounts.Action.valueOf(delivery.action())
				: account.action();
		if (delivery.sentAt() != null) {
			Optional<Long> created = api.findCreated(tenant, account.subdomain(), action, contact.get(), delivery.marker());
			if (created.isPresent()) {
				deliveries.done(delivery, action.name(), contact.get().id(), created.get(), now);
				return;
			}
		}
		deliveries.sending(delivery, action.name(), contact.get().id(), now);
		String text = delivery.title() + " " + delivery.marker();
		long id = switch (action) {
			case TASK -> api.createTask(tenant, account.subdomain(), contact.get(), text, now.plus(Duration.ofDays(1)));
			case NOTE -> api.createNote(tenant, account.subdomain(), contact.get(), text);
			case LEAD -> api.createLead(tenant, account.subdomain(), contact.get(), "Kredo: " + text, account.pipelineId(),
					account.statusId());
		};
		deliveries.done(delivery, action.name(), contact.get().id(), id, now);
	}

	private Optional<AmoContact> contact(Account account, Delivery delivery) {
		String externalId = delivery.externalId();
		if (externalId != null && externalId.matches("\\d{1,18}")) {
			Optional<AmoContact> byId = api.contactById(delivery.tenantId(), account.subdomain(), Long.parseLong(externalId));
			if (byId.isPresent()) {
				return byId;
			}
		}
		for (PhoneNumber phone : contacts.phones(delivery.tenantId(), new ContactId(delivery.contactId()))) {
			Optional<AmoContact> byPhone = api.contactByPhone(delivery.tenantId(), account.subdomain(), phone.e164());
			if (byPhone.isPresent()) {
				return byPhone;
			}
		}
		return Optional.empty();
	}

	private void failed(Delivery delivery, AmoCrmException ex, Instant now) {
		int attempts = delivery.attempts() + 1;
		Instant next;
		if (ex.definitive() || attempts >= properties.maxAttempts()) {
			next = null;
		}
		else if (ex.rateLimited()) {
			next = now.plus(ex.retryAfter() != null ? ex.retryAfter() : doubled(properties.rateLimitBackoff(), attempts));
		}
		else {
			next = now.plus(doubled(properties.backoff(), attempts));
		}
		log.warn("amoCRM delivery {} failed ({}); {}", delivery.id(), Redacted.text(ex.getMessage()),
				next == null ? "giving up" : "next at " + next);
		deliveries.failed(delivery, ex.status(), ex.getMessage(), next, true, now);
	}

	private static Duration doubled(Duration first, int attempts) {
		return first.multipliedBy(1L << Math.min(attempts - 1, 10));
	}
}

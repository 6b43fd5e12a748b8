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
import ru.kredo.crm.internal.Bitrix24Accounts.Account;
import ru.kredo.crm.internal.Bitrix24Api.B24Contact;
import ru.kredo.crm.internal.CrmDeliveries.Delivery;
import ru.kredo.platform.Redacted;
import ru.kredo.tenancy.TenantId;

/**
 * Carries the queue's Bitrix24 rows into the portal every {@code kredo.crm.bitrix24.poll-interval}: finds the contact
 * (by the signal's external id as the Bitrix24 contact «ID», else by the contact's phones), creates the task, timeline
 * comment or deal the tenant chose, and records the outcome. One tenant's deliveries go one after another (Bitrix24
 * limits requests per portal), tenants in parallel. {@code QUERY_LIMIT_EXCEEDED} is retried after
 * {@code rate-limit-backoff}, doubling; other failures after {@code backoff}, doubling, until {@code max-attempts}; a
 * method's own refusal (400) is final.
 * <p>
 * Never twice: {@link CrmDeliveries#sending} is committed before the create request; a delivery that has it and comes
 * round again (the answer was lost, or Kredo stopped) first looks in Bitrix24 for what carries its marker.
 */
@Component
public class Bitrix24Dispatch implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(Bitrix24Dispatch.class);

	private final CrmDeliveries deliveries;
	private final Bitrix24Accounts accounts;
	private final Bitrix24Api api;
	private final Contacts contacts;
	private final Bitrix24Properties properties;
	private final Clock clock;

	Bitrix24Dispatch(CrmDeliveries deliveries, Bitrix24Accounts accounts, Bitrix24Api api, Contacts contacts,
			Bitrix24Properties properties, Clock clock) {
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
			log.error("Bitrix24 dispatch failed; will try again at the next poll", ex);
		}
	}

	/** Works every Bitrix24 delivery due at {@code now} (tests pass their own); returns how many were worked. */
	public int dispatchDue(Instant now) {
		return CrmBatches.work(deliveries, Crm.BITRIX24, now, properties.batchSize(), d -> attempt(d, now));
	}

	private void attempt(Delivery delivery, Instant now) {
		try {
			deliver(delivery, now);
		}
		catch (Bitrix24Exception ex) {
			failed(delivery, ex, now);
		}
		catch (RuntimeException ex) {
			log.error("Bitrix24 delivery {} failed", delivery.id(), ex);
			failed(delivery, new Bitrix24Exception(0, "", ex.getClass().getSimpleName()), now);
		}
	}

	private void deliver(Delivery delivery, Instant now) {
		Optional<Account> found = accounts.find(delivery.tenantId());
		if (found.isEmpty() || !found.get().connected()) {
			deliveries.failed(delivery, 0, "Bitrix24 is not connected", null, true, now);
			return;
		}
		Account account = found.get();
		TenantId tenant = delivery.tenantId();
		Optional<B24Contact> contact = contact(account, delivery);
		if (contact.isEmpty()) {
			deliveries.notFound(delivery, now);
			return;
		}
		Bitrix24Accounts.Action action = delivery.action() != null ? Bitrix24Accounts.Action.valueOf(delivery.action())
				: account.action();
		String origin = delivery.signalId() + "#" + delivery.signalCount();
		if (delivery.sentAt() != null) {
			Optional<Long> created = api.findCreated(tenant, account.portal(), action, contact.get(), delivery.marker(),
					origin);
			if (created.isPresent()) {
				deliveries.done(delivery, action.name(), contact.get().id(), created.get(), now);
				return;
			}
		}
		deliveries.sending(delivery, action.name(), contact.get().id(), now);
		String text = delivery.title() + " " + delivery.marker();
		long id = switch (action) {
			case TASK -> api.createTask(tenant, account.portal(), contact.get(), "Kredo: " + delivery.title(), text,
					now.plus(Duration.ofDays(1)));
			case COMMENT -> api.addComment(tenant, account.portal(), contact.get(), text);
			case DEAL -> api.createDeal(tenant, account.portal(), contact.get(), "Kredo: " + delivery.title(), text,
					account.categoryId(), account.stageId(), origin);
		};
		deliveries.done(delivery, action.name(), contact.get().id(), id, now);
	}

	private Optional<B24Contact> contact(Account account, Delivery delivery) {
		String externalId = delivery.externalId();
		if (externalId != null && externalId.matches("\\d{1,18}")) {
			Optional<B24Contact> byId = api.contactById(delivery.tenantId(), account.portal(), Long.parseLong(externalId));
			if (byId.isPresent()) {
				return byId;
			}
		}
		for (PhoneNumber phone : contacts.phones(delivery.tenantId(), new ContactId(delivery.contactId()))) {
			Optional<B24Contact> byPhone = api.contactByPhone(delivery.tenantId(), account.portal(), phone.e164());
			if (byPhone.isPresent()) {
				return byPhone;
			}
		}
		return Optional.empty();
	}

	private void failed(Delivery delivery, Bitrix24Exception ex, Instant now) {
		int attempts = delivery.attempts() + 1;
		Instant next;
		if (ex.definitive() || attempts >= properties.maxAttempts()) {
			next = null;
		}
		else if (ex.rateLimited()) {
			next = now.plus(doubled(properties.rateLimitBackoff(), attempts));
		}
		else {
			next = now.plus(doubled(properties.backoff(), attempts));
		}
		log.warn("Bitrix24 delivery {} failed ({}); {}", delivery.id(), Redacted.text(ex.getMessage()),
				next == null ? "giving up" : "next at " + next);
		deliveries.failed(delivery, ex.status(), ex.getMessage(), next, true, now);
	}

	private static Duration doubled(Duration first, int attempts) {
		return first.multipliedBy(1L << Math.min(attempts - 1, 10));
	}
}

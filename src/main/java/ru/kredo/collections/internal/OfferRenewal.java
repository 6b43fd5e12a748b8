package ru.kredo.collections.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import ru.kredo.collections.Offers;
import ru.kredo.tenancy.TenantClockMoved;
import ru.kredo.tenancy.TenantId;

/**
 * Once a day, just after midnight in the agency's zone (where offers' dates are set, {@code kredo.time-zone}), and at start: the offers the rules now
 * pre-approve (a debt grew old enough for a rule) are made, and those that lapsed unsigned are renewed; a debt whose
 * signed settlement lapsed unpaid is open again ({@link Offers#reopenLapsedSettlements}). Each tenant
 * in its own transaction; running it twice, or on two nodes at once, makes nothing twice (a debt has one offer).
 */
@Component
class OfferRenewal {

	private static final Logger log = LoggerFactory.getLogger(OfferRenewal.class);

	private final Offers offers;

	OfferRenewal(Offers offers) {
		this.offers = offers;
	}

	/**
	 * A sandbox's test clock moved: its lapsed settlements reopen and its offers are renewed at once, on its new today
	 * (docs/sandbox.md).
	 */
	@EventListener
	void on(TenantClockMoved moved) {
		offers.reopenLapsedSettlements(moved.tenantId());
		offers.makeOffers(moved.tenantId());
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(cron = "${kredo.offers.renewal-cron:30 0 0 * * *}", zone = "${kredo.time-zone}")
	@SchedulerLock(name = "offer-renewal", lockAtMostFor = "PT2H")
	void run() {
		int reopened = 0;
		for (TenantId tenant : offers.tenantsWithSettlements()) {
			try {
				reopened += offers.reopenLapsedSettlements(tenant);
			}
			catch (RuntimeException ex) {
				log.error("Could not reopen the debts of tenant {} whose settlements lapsed", tenant, ex);
			}
		}
		if (reopened > 0) {
			log.info("Debts open again, their settlements lapsed: {}", reopened);
		}
		int made = 0;
		for (TenantId tenant : offers.tenantsWithRules()) {
			try {
				made += offers.makeOffers(tenant);
			}
			catch (RuntimeException ex) {
				log.error("Could not renew the offers of tenant {}", tenant, ex);
			}
		}
		if (made > 0) {
			log.info("Offers made or renewed: {}", made);
		}
	}
}

package ru.kredo.plans.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.DebtId;
import ru.kredo.contacts.ContactId;
import ru.kredo.conversations.DebtorNotices;
import ru.kredo.money.Money;
import ru.kredo.plans.PlanFellBehind;
import ru.kredo.tenancy.TenantClocks;
import ru.kredo.tenancy.TenantId;

/**
 * The texts a plan's debtor gets through the one outbound port ({@link DebtorNotices}), each at most once (a row of
 * {@code plan_reminders} per text, across nodes and restarts; docs/plan-lifecycle.md «Reminders»):
 * <ul>
 * <li>before each instalment falls due: from {@code kredo.plans.reminder-days} days before its due date to the date
 * itself by the debtor's own today (his time zone, the agency's when unknown), if it is not paid in full, with what is
 * left of it;</li>
 * <li>when the plan falls behind ({@link PlanFellBehind}, recorded in the check's own transaction), with what is
 * unpaid of the instalments due before that day and the earliest one's date.</li>
 * </ul>
 * Sent in the daytime run ({@code kredo.plans.reminder-cron}, 10:00 at the agency by default, and at a start between
 * 09:00 and 20:00), never from the night's check. Each text in its own transaction: its row is written (or, for a
 * plan behind, locked and marked sent) before it is sent, and a failed send rolls it back for the next run; a row
 * another node holds is waited for or skipped, so two nodes never send the same text.
 */
@Component
class PlanReminders {

	private static final Logger log = LoggerFactory.getLogger(PlanReminders.class);

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final ObjectProvider<DebtorNotices> notices;
	private final BusinessCalendar calendar;
	private final Clock clock;
	private final int daysBefore;
	private final TenantClocks clocks;

	PlanReminders(JdbcClient jdbc, TransactionTemplate transactions, ObjectProvider<DebtorNotices> notices,
			BusinessCalendar calendar, Clock clock, @Value("${kredo.plans.reminder-days:3}") int daysBefore,
			TenantClocks clocks) {
		this.clocks = clocks;
		if (daysBefore < 0) {
			throw new IllegalArgumentException("kredo.plans.reminder-days must be 0 or more: " + daysBefore);
		}
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.notices = notices;
		this.calendar = calendar;
		this.clock = clock;
		this.daysBefore = daysBefore;
	}

	/** In the check's transaction: the plan's fall is recorded, to be told in the daytime run. */
	@EventListener
	void on(PlanFellBehind behind) {
		jdbc.sql("""
				insert into plan_reminders (tenant_id, plan_id, kind, instalment, day, created_at)
				values (?, ?, 'BEHIND', 0, ?, ?) on conflict do nothing""")
			.params(behind.tenantId().value(), behind.planId(), Date.valueOf(behind.behindSince()),
					Timestamp.from(clock.instant()))
			.update();
	}

	@Scheduled(cron = "${kredo.plans.reminder-cron:0 0 10 * * *}", zone = "${kredo.time-zone}")
	void scheduled() {
		run();
	}

	/** At a start in the daytime: what a run missed while the application was down goes out (never at night). */
	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		LocalTime now = LocalTime.now(clock.withZone(calendar.agencyZone()));
		if (!now.isBefore(LocalTime.of(9, 0)) && now.isBefore(LocalTime.of(20, 0))) {
			run();
		}
	}

	/** Every agency with a running plan, each on its own today (a sandbox's test clock's, docs/sandbox.md). */
	int run() {
		int sent = 0;
		List<TenantId> tenants = jdbc.sql("""
				select distinct tenant_id from plans where status in ('ACTIVE', 'BEHIND') and paused_since is null
				union select distinct tenant_id from plan_reminders where sent_at is null""")
			.query((row, n) -> new TenantId(row.getObject("tenant_id", UUID.class)))
			.list();
		for (TenantId tenant : tenants) {
			sent += run(tenant, clocks.clock(tenant).instant());
		}
		return sent;
	}

	/** The tenant's texts due at noon of {@code today} at the agency: what a test drives. */
	int run(TenantId tenant, LocalDate today) {
		return run(tenant, today.atTime(LocalTime.NOON).atZone(calendar.agencyZone()).toInstant());
	}

	/**
	 * The tenant's texts due at {@code now} (its clock's instant, a sandbox's test clock's): an instalment's reminder
	 * by the debtor's own today then, in his time zone (the agency's when unknown; docs/plans.md): how many were sent.
	 */
	int run(TenantId tenant, Instant now) {
		DebtorNotices available = notices.getIfAvailable();
		if (available == null) {
			return 0;
		}
		// the agency's wording read once for this run, not once a text (docs/contact-rules.md «Statements a message»)
		DebtorNotices port = available.batch();
		int sent = 0;
		for (Due due : due(tenant, now)) {
			try {
				if (Boolean.TRUE.equals(transactions.execute(status -> remind(port, tenant, due)))) {
					sent++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("The reminder of instalment {} of plan {} was not sent", due.number(), due.plan(), ex);
			}
		}
		List<Behind> behind = jdbc.sql("""
				select plan_id, day from plan_reminders where tenant_id = ? and kind = 'BEHIND' and sent_at is null
				order by created_at""")
			.param(tenant.value())
			.query((row, n) -> new Behind(row.getObject("plan_id", UUID.class), row.getDate("day").toLocalDate()))
			.list();
		for (Behind fell : behind) {
			try {
				if (Boolean.TRUE.equals(transactions.execute(status -> tell(port, tenant, fell)))) {
					sent++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("The notice that plan {} fell behind was not sent", fell.plan(), ex);
			}
		}
		return sent;
	}

	/**
	 * The instalments to remind of at {@code now}: from {@code daysBefore} days before their date to the date, by the
	 * debtor's today. A day either side of the agency's today is read (no zone is further than a day from it), and each
	 * is kept by his own today.
	 */
	private List<Due> due(TenantId tenant, Instant now) {
		LocalDate agencyToday = LocalDate.ofInstant(now, calendar.agencyZone());
		return jdbc.sql("""
				select p.id, p.debt_id, p.contact_id, i.number, i.due_on, i.amount - i.paid as owed,
				    (select z.time_zone from debtor_zones z where z.tenant_id = p.tenant_id and z.contact_id = p.contact_id)
				        as time_zone
				from plans p join plan_instalments i on i.plan_id = p.id
				where p.tenant_id = ? and p.status in ('ACTIVE', 'BEHIND') and p.paused_since is null
				  and i.paid < i.amount and i.due_on between ? and ?
				  and not exists (select 1 from plan_reminders r where r.plan_id = p.id and r.kind = 'DUE'
				                  and r.instalment = i.number and r.day = i.due_on)
				order by i.due_on, p.id""")
			.params(tenant.value(), Date.valueOf(agencyToday.minusDays(1)),
					Date.valueOf(agencyToday.plusDays(daysBefore + 1L)))
			.query((row, n) -> {
				String zone = row.getString("time_zone");
				LocalDate today = LocalDate.ofInstant(now, zone == null ? calendar.agencyZone() : ZoneId.of(zone));
				LocalDate due = row.getDate("due_on").toLocalDate();
				return due.isBefore(today) || due.isAfter(today.plusDays(daysBefore)) ? null
						: new Due(row.getObject("id", UUID.class), new DebtId(row.getObject("debt_id", UUID.class)),
								new ContactId(row.getObject("contact_id", UUID.class)), row.getInt("number"), due,
								Money.ofKopecks(row.getLong("owed")));
			})
			.list()
			.stream()
			.filter(Objects::nonNull)
			.toList();
	}

	private boolean remind(DebtorNotices port, TenantId tenant, Due due) {
		int recorded = jdbc.sql("""
				insert into plan_reminders (tenant_id, plan_id, kind, instalment, day, created_at, sent_at)
				values (?, ?, 'DUE', ?, ?, ?, ?) on conflict do nothing""")
			.params(tenant.value(), due.plan(), due.number(), Date.valueOf(due.due()), Timestamp.from(clock.instant()),
					Timestamp.from(clock.instant()))
			.update();
		if (recorded == 0) {
			return false;
		}
		port.planInstalmentDue(tenant, due.debtor(), due.debt(), due.owed(), due.due());
		return true;
	}

	private boolean tell(DebtorNotices port, TenantId tenant, Behind fell) {
		boolean held = jdbc.sql("""
				select 1 from plan_reminders where plan_id = ? and kind = 'BEHIND' and instalment = 0 and day = ?
				and sent_at is null for update skip locked""")
			.params(fell.plan(), Date.valueOf(fell.since()))
			.query(Integer.class)
			.optional()
			.isPresent();
		if (!held) {
			return false;
		}
		Missed missed = jdbc.sql("""
				select p.debt_id, p.contact_id, p.status, min(i.due_on) as since, coalesce(sum(i.amount - i.paid), 0) as owed
				from plans p left join plan_instalments i on i.plan_id = p.id and i.paid < i.amount and i.due_on < ?
				where p.tenant_id = ? and p.id = ? group by p.debt_id, p.contact_id, p.status""")
			.params(Date.valueOf(fell.since()), tenant.value(), fell.plan())
			.query((row, n) -> new Missed(new DebtId(row.getObject("debt_id", UUID.class)),
					new ContactId(row.getObject("contact_id", UUID.class)), row.getString("status"),
					row.getDate("since") == null ? null : row.getDate("since").toLocalDate(),
					Money.ofKopecks(row.getLong("owed"))))
			.single();
		if (!"BEHIND".equals(missed.status()) || missed.owed().isZero()) {
			// Paid or repaired (or ended) before the daytime run: nothing to tell any more.
			jdbc.sql("delete from plan_reminders where plan_id = ? and kind = 'BEHIND' and instalment = 0 and day = ?")
				.params(fell.plan(), Date.valueOf(fell.since()))
				.update();
			return false;
		}
		jdbc.sql("update plan_reminders set sent_at = ? where plan_id = ? and kind = 'BEHIND' and instalment = 0 and day = ?")
			.params(Timestamp.from(clock.instant()), fell.plan(), Date.valueOf(fell.since()))
			.update();
		port.planBehind(tenant, missed.debtor(), missed.debt(), missed.owed(), missed.since());
		return true;
	}

	private record Due(UUID plan, DebtId debt, ContactId debtor, int number, LocalDate due, Money owed) {
	}

	private record Behind(UUID plan, LocalDate since) {
	}

	private record Missed(DebtId debt, ContactId debtor, String status, LocalDate since, Money owed) {
	}
}

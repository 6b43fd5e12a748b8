package ru.kredo.collections;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.payments.Money;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantId;

/**
 * Pre-approved discounts: the agency's rules, the offer each open debt gets (the richest rule it meets, made once),
 * its acceptance signed with an SMS code, and its lapse when unpaid past its date. Paying an accepted offer in full
 * forgives the rest of the debt ({@link Debts} applies it).
 */
@Service
public class Offers {

	private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
	private static final String COLUMNS = """
			id, debt_id, rule_name, discount_percent, full_amount, offer_amount, valid_until, status, paid_since_accepted""";

	private final JdbcClient jdbc;
	private final Clock clock;

	Offers(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public OfferRule addRule(TenantId tenant, String name, int minDaysPastDue, Money minBalance, int discountPercent,
			int validDays) {
		OfferRule rule = new OfferRule(UUID.randomUUID(), name, minDaysPastDue, minBalance, discountPercent, validDays);
		jdbc.sql("""
				insert into offer_rules (id, tenant_id, name, min_days_past_due, min_balance, discount_percent, valid_days,
				    created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(rule.id(), tenant.value(), rule.name(), minDaysPastDue, minBalance.kopecks(), discountPercent, validDays,
					Timestamp.from(clock.instant()))
			.update();
		return rule;
	}

	public List<OfferRule> rules(TenantId tenant) {
		return jdbc.sql("""
				select id, name, min_days_past_due, min_balance, discount_percent, valid_days from offer_rules
				where tenant_id = ? order by discount_percent desc, name""")
			.param(tenant.value())
			.query((row, n) -> new OfferRule(row.getObject("id", UUID.class), row.getString("name"),
					row.getInt("min_days_past_due"), Money.ofKopecks(row.getLong("min_balance")), row.getInt("discount_percent"),
					row.getInt("valid_days")))
			.list();
	}

	/** The debt's offer: the one it has, or a new one if a rule pre-approves it. */
	public Optional<Offer> offerFor(TenantId tenant, Debt debt) {
		return Optional.ofNullable(offersFor(tenant, List.of(debt)).get(debt.id()));
	}

	/**
	 * Each debt's offer: the one it has, or a new one if a rule pre-approves it; a debt with neither is not in the map.
	 * Read in one query (the rules in a second while an open debt has no offer), as a debtor's page needs them all.
	 * No transaction is needed: each offer is made by one insert, and a debt keeps the first one made.
	 */
	public Map<DebtId, Offer> offersFor(TenantId tenant, List<Debt> debts) {
		Map<DebtId, Offer> offers = find(tenant, debts.stream().map(Debt::id).toList());
		List<Debt> without = debts.stream().filter(debt -> !offers.containsKey(debt.id()) && !debt.isClosed()).toList();
		if (without.isEmpty()) {
			return offers;
		}
		LocalDate today = today();
		List<OfferRule> rules = rules(tenant);
		List<DebtId> made = new ArrayList<>();
		for (Debt debt : without) {
			int overdue = debt.daysPastDue() == null ? 0 : debt.daysPastDue();
			rules.stream()
				.filter(r -> overdue >= r.minDaysPastDue() && !r.minBalance().exceeds(debt.total()))
				.findFirst()
				.ifPresent(r -> {
					jdbc.sql("""
							insert into offers (id, tenant_id, debt_id, rule_id, rule_name, discount_percent, full_amount,
							    offer_amount, valid_until, status, created_at)
							values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OFFERED', ?) on conflict (debt_id) do nothing""")
						.params(UUID.randomUUID(), tenant.value(), debt.id().value(), r.id(), r.name(), r.discountPercent(),
								debt.total().kopecks(), Offer.discounted(debt.total(), r.discountPercent()).kopecks(),
								Date.valueOf(today.plusDays(r.validDays())), Timestamp.from(clock.instant()))
						.update();
					made.add(debt.id());
				});
		}
		if (!made.isEmpty()) {
			offers.putAll(find(tenant, made));
		}
		return offers;
	}

	/** Accepts an offer still open, signed by the SMS challenge the debtor confirmed. */
	@Transactional
	public Offer accept(TenantId tenant, DebtId debt, UUID signature) {
		int accepted = jdbc.sql("""
				update offers set status = 'ACCEPTED', accepted_at = ?, signature = ?
				where tenant_id = ? and debt_id = ? and status = 'OFFERED' and valid_until >= ?""")
			.params(Timestamp.from(clock.instant()), signature, tenant.value(), debt.value(),
					Date.valueOf(today()))
			.update();
		if (accepted == 0) {
			throw new Rejected("offer.not-open");
		}
		return find(tenant, debt).orElseThrow(() -> new NotFound("offer.not-found", debt));
	}

	/** Counts a payment towards an accepted offer; true when the offer is now paid in full and the rest forgiven. */
	boolean paid(TenantId tenant, DebtId debt, Money amount) {
		Optional<Offer> offer = find(tenant, debt).filter(o -> o.status() == Offer.Status.ACCEPTED);
		if (offer.isEmpty()) {
			return false;
		}
		Money paid = offer.get().paidSinceAccepted().plus(amount);
		boolean settled = !offer.get().offerAmount().exceeds(paid);
		jdbc.sql("update offers set paid_since_accepted = ?, status = ? where tenant_id = ? and debt_id = ?")
			.params(paid.kopecks(), settled ? "PAID" : "ACCEPTED", tenant.value(), debt.value())
			.update();
		return settled;
	}

	/** The debt's offer; one still open past its date is {@code LAPSED}, derived when read rather than stored. */
	public Optional<Offer> find(TenantId tenant, DebtId debt) {
		return Optional.ofNullable(find(tenant, List.of(debt)).get(debt));
	}

	private Map<DebtId, Offer> find(TenantId tenant, List<DebtId> debts) {
		Map<DebtId, Offer> offers = new HashMap<>();
		if (debts.isEmpty()) {
			return offers;
		}
		LocalDate today = today();
		jdbc.sql("select " + COLUMNS + " from offers where tenant_id = ? and debt_id = any(?::uuid[])")
			.params(tenant.value(), debts.stream().map(debt -> debt.value().toString()).toArray(String[]::new))
			.query(row -> {
				Offer offer = offer(row, today);
				offers.put(offer.debtId(), offer);
			});
		return offers;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), MOSCOW);
	}

	private static Offer offer(ResultSet row, LocalDate today) throws SQLException {
		LocalDate validUntil = row.getDate("valid_until").toLocalDate();
		Offer.Status stored = Offer.Status.valueOf(row.getString("status"));
		boolean open = stored == Offer.Status.OFFERED || stored == Offer.Status.ACCEPTED;
		return new Offer(row.getObject("id", UUID.class), new DebtId(row.getObject("debt_id", UUID.class)),
				row.getString("rule_name"), row.getInt("discount_percent"), Money.ofKopecks(row.getLong("full_amount")),
				Money.ofKopecks(row.getLong("offer_amount")), validUntil,
				open && validUntil.isBefore(today) ? Offer.Status.LAPSED : stored,
				Money.ofKopecks(row.getLong("paid_since_accepted")));
	}
}

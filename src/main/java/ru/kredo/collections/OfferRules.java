package ru.kredo.collections;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.money.Money;
import ru.kredo.platform.Cursor;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantId;

/**
 * An agency admin's keeping of its discount rules: every rule with whether it is on and how many offers it made;
 * editing, switching off and on, deleting. An offer copies its rule's terms when it is made, so a change to a rule
 * (or switching it off) never changes an offer already made: that offer stays as the debtor was shown it until it
 * expires; only debts offered from then on get the new terms. A rule that has made an offer cannot be deleted
 * (its offers name it), only switched off. See {@code docs/settlements.md}.
 */
@Service
public class OfferRules {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Offers offers;

	OfferRules(JdbcClient jdbc, Clock clock, Offers offers) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.offers = offers;
	}

	/** A rule as its page shows it: whether it makes offers now, and how many it has ever made. */
	public record Line(OfferRule rule, boolean enabled, long offersMade) {

		public boolean deletable() {
			return offersMade == 0;
		}
	}

	/** Every rule of the agency, those switched on first, the richest first. */
	public List<Line> all(TenantId tenant) {
		return jdbc.sql("""
				select r.id, r.name, r.min_days_past_due, r.min_balance, r.discount_percent, r.valid_days, r.max_parts,
				       r.part_interval, r.grace_days, r.enabled, r.offers_made
				from offer_rules r where r.tenant_id = ? order by r.enabled desc, r.discount_percent desc, r.name""")
			.param(tenant.value())
			.query((row, n) -> new Line(Offers.rule(row), row.getBoolean("enabled"), row.getLong("offers_made")))
			.list();
	}

	/** A rule as the API lists it, with when it was added (the list's order). */
	public record Listed(Line line, Instant addedAt) {
	}

	/**
	 * The agency's rules in the order they were added (then by id), after {@code after} (none: from the first): an
	 * order that switching a rule off or changing it does not move, for the API's pages.
	 */
	public List<Listed> after(TenantId tenant, Cursor after, int limit) {
		return jdbc.sql("""
				select r.id, r.name, r.min_days_past_due, r.min_balance, r.discount_percent, r.valid_days, r.max_parts,
				       r.part_interval, r.grace_days, r.enabled, r.offers_made, r.created_at
				from offer_rules r where r.tenant_id = ?
				    and (cast(? as timestamptz) is null or (r.created_at, r.id) > (cast(? as timestamptz), cast(? as uuid)))
				order by r.created_at, r.id limit ?""")
			.params(tenant.value(), after == null ? null : Timestamp.from(after.at()),
					after == null ? null : Timestamp.from(after.at()), after == null ? null : after.id(), limit)
			.query((row, n) -> new Listed(new Line(Offers.rule(row), row.getBoolean("enabled"), row.getLong("offers_made")),
					row.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** How many rules the agency has. */
	public long count(TenantId tenant) {
		return jdbc.sql("select count(*) from offer_rules where tenant_id = ?").param(tenant.value()).query(Long.class)
			.single();
	}

	public Line get(TenantId tenant, UUID id) {
		return all(tenant).stream()
			.filter(line -> line.rule().id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFound("offer.rule-not-found", id));
	}

	/**
	 * New terms for the offers the rule makes from now on (at once, to the open debts without an offer that it now
	 * pre-approves; and to those whose offer lapses unsigned); the offers it made keep theirs until they expire.
	 */
	@Transactional
	public OfferRule change(TenantId tenant, UUID id, String name, int minDaysPastDue, Money minBalance,
			int discountPercent, int validDays, PartPolicy parts) {
		OfferRule rule = new OfferRule(id, name, minDaysPastDue, minBalance, discountPercent, validDays, parts);
		int changed = jdbc.sql("""
				update offer_rules set name = ?, min_days_past_due = ?, min_balance = ?, discount_percent = ?,
				    valid_days = ?, max_parts = ?, part_interval = ?, grace_days = ?, updated_at = ?
				where tenant_id = ? and id = ?""")
			.params(rule.name(), minDaysPastDue, minBalance.kopecks(), discountPercent, validDays, parts.maxParts(),
					parts.interval().name(), parts.graceDays(), Timestamp.from(clock.instant()), tenant.value(), id)
			.update();
		if (changed == 0) {
			throw new NotFound("offer.rule-not-found", id);
		}
		offers.makeOffers(tenant);
		return rule;
	}

	/**
	 * A rule switched off makes no new offers (nor renews one that lapses); the offers it made stay open until they
	 * expire. Switched back on, it makes offers at once to the open debts without one.
	 */
	@Transactional
	public void setEnabled(TenantId tenant, UUID id, boolean enabled) {
		int changed = jdbc.sql("update offer_rules set enabled = ?, updated_at = ? where tenant_id = ? and id = ?")
			.params(enabled, Timestamp.from(clock.instant()), tenant.value(), id)
			.update();
		if (changed == 0) {
			throw new NotFound("offer.rule-not-found", id);
		}
		if (enabled) {
			offers.makeOffers(tenant);
		}
	}

	/**
	 * Deletes a rule that has never made an offer (an offer that lapsed unsigned is gone, but it was shown: its rule
	 * counts it). The rule's row is locked first, so an offer being made from it at this moment is either counted (and
	 * the rule kept) or waits and finds no rule.
	 *
	 * @throws Rejected {@code offer.rule-has-offers} with their number: switch it off instead
	 */
	@Transactional
	public void delete(TenantId tenant, UUID id) {
		long counted = jdbc.sql("select offers_made from offer_rules where tenant_id = ? and id = ? for update")
			.params(tenant.value(), id)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFound("offer.rule-not-found", id));
		long made = Math.max(counted,
				jdbc.sql("select count(*) from offers where rule_id = ?").param(id).query(Long.class).single());
		if (made > 0) {
			throw new Rejected("offer.rule-has-offers", made);
		}
		jdbc.sql("delete from offer_rules where tenant_id = ? and id = ?").params(tenant.value(), id).update();
	}
}

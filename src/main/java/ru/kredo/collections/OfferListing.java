package ru.kredo.collections;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.kredo.contacts.ContactId;
import ru.kredo.platform.ApiList;
import ru.kredo.platform.Cursor;
import ru.kredo.platform.NotFound;
import ru.kredo.tenancy.TenantId;

/**
 * The agency's offers listed for its own software ({@code GET /api/v1/offers}; issue 15): every debt's offer as its
 * card shows it, in the order they were made, narrowed by status, debt, debtor, portfolio or the debt's external id,
 * paged by a keyset cursor (when made, then id). The status is the one the pages show, derived on the agency's today
 * as {@link Offer#on} derives it — an unsigned offer past its date, or a signed one with a part unpaid past its date
 * and grace, is LAPSED — so the filter is worked out in SQL the same way, and the page is then read through
 * {@link Offers#find(TenantId, List)} (an unsigned offer's sums on today's balance, a signed one's schedule). An
 * unsigned offer of a debt that is closed or owes nothing is shown nowhere, and is not listed either. Offers withdrawn
 * (a registry changed the balance) or replaced (a lapsed one renewed, a better one offered) are gone from the record:
 * the debt's offer is the one now standing.
 */
@Service
public class OfferListing {

	/**
	 * Each offer with its debt, its debtor's name and its status as shown on {@code ?} (twice: the agency's today),
	 * of the tenant {@code ?}. The first part of a signed schedule not yet paid in full (the parts paid in order, as
	 * {@link Offer#nextPart} counts them) is its next part, whose deadline lapses it.
	 */
	private static final String SHOWN = """
			select o.id, o.debt_id, o.created_at, d.contact_id, d.contract_number, d.external_id, d.portfolio_id,
			       d.state, o.rule_id, o.plan_id,
			       c.last_name || ' ' || c.first_name || coalesce(' ' || c.middle_name, '') as debtor,
			       case when o.status = 'OFFERED' and o.valid_until < ? then 'LAPSED'
			            when o.status = 'ACCEPTED' and next_part.due_on + o.grace_days < ? then 'LAPSED'
			            else o.status end as shown_status
			from offers o
			join debts d on d.tenant_id = o.tenant_id and d.id = o.debt_id
			join contacts c on c.id = d.contact_id
			left join lateral (
			    select p.due_on
			    from (select number, due_on, sum(amount) over (order by number) as through
			          from offer_parts where tenant_id = o.tenant_id and offer_id = o.id) p
			    where p.through > o.paid_since_accepted
			    order by p.number
			    limit 1) next_part on true
			where o.tenant_id = ?
			    and not (o.status = 'OFFERED' and (d.closed_on is not null
			        or d.state_duty + d.fees + d.interest + d.principal + d.penalties = 0))""";

	private final JdbcClient jdbc;
	private final Offers offers;

	OfferListing(JdbcClient jdbc, Offers offers) {
		this.jdbc = jdbc;
		this.offers = offers;
	}

	/**
	 * What the list keeps: each given filter narrows it.
	 *
	 * @param statuses the statuses shown (empty: all)
	 * @param externalId the debt's external id, exactly
	 */
	public record Filter(Set<Offer.Status> statuses, DebtId debt, ContactId debtor, UUID portfolio, String externalId) {

		public static final Filter ALL = new Filter(Set.of(), null, null, null, null);

		public Filter {
			statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
			externalId = externalId == null || externalId.isBlank() ? null : externalId.strip();
		}
	}

	/** The page of offers after {@code after} (null: the first), at most {@code limit}, with the total and cursor. */
	public ApiList<ListedOffer> list(TenantId tenant, Filter filter, Cursor after, int limit) {
		LocalDate today = offers.today(tenant);
		List<Object> parameters = new ArrayList<>();
		String where = where(tenant, today, filter, parameters);
		long total = jdbc.sql("select count(*) from (" + SHOWN + ") x" + where)
			.params(parameters)
			.query(Long.class)
			.single();
		String page = where;
		if (after != null) {
			page += (where.isEmpty() ? " where " : " and ") + "(x.created_at, x.id) > (?::timestamptz, ?::uuid)";
			parameters.add(Timestamp.from(after.at()));
			parameters.add(after.id());
		}
		parameters.add(limit + 1);
		List<Row> rows = jdbc.sql("select * from (" + SHOWN + ") x" + page + " order by x.created_at, x.id limit ?")
			.params(parameters)
			.query(OfferListing::row)
			.list();
		boolean more = rows.size() > limit;
		List<Row> shown = more ? rows.subList(0, limit) : rows;
		String next = more ? new Cursor(shown.getLast().madeAt(), shown.getLast().id()).encode() : null;
		return ApiList.of(listed(tenant, shown), total, next);
	}

	/**
	 * One offer of the agency, as the list shows it.
	 *
	 * @throws NotFound {@code offer.not-found}: another agency's, none, or one no longer standing (withdrawn,
	 *         replaced, or unsigned on a debt since closed)
	 */
	public ListedOffer get(TenantId tenant, UUID id) {
		LocalDate today = offers.today(tenant);
		List<Row> rows = jdbc.sql("select * from (" + SHOWN + ") x where x.id = ?")
			.params(Date.valueOf(today), Date.valueOf(today), tenant.value(), id)
			.query(OfferListing::row)
			.list();
		return listed(tenant, rows).stream().findFirst().orElseThrow(() -> new NotFound("offer.not-found", id));
	}

	private static String where(TenantId tenant, LocalDate today, Filter filter, List<Object> parameters) {
		parameters.add(Date.valueOf(today));
		parameters.add(Date.valueOf(today));
		parameters.add(tenant.value());
		// Only the filters given, so that each statement is planned for what it asks.
		List<String> conditions = new ArrayList<>();
		if (!filter.statuses().isEmpty()) {
			conditions.add("x.shown_status = any(?::text[])");
			parameters.add(filter.statuses().stream().map(Enum::name).toArray(String[]::new));
		}
		if (filter.debt() != null) {
			conditions.add("x.debt_id = ?");
			parameters.add(filter.debt().value());
		}
		if (filter.debtor() != null) {
			conditions.add("x.contact_id = ?");
			parameters.add(filter.debtor().value());
		}
		if (filter.portfolio() != null) {
			conditions.add("x.portfolio_id = ?");
			parameters.add(filter.portfolio());
		}
		if (filter.externalId() != null) {
			conditions.add("x.external_id = ?");
			parameters.add(filter.externalId());
		}
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	/**
	 * The rows' offers read as their cards read them, in the rows' order. A row whose offer was replaced between the
	 * two reads (a renewal, a better offer) is left out rather than shown with another offer's terms.
	 */
	private List<ListedOffer> listed(TenantId tenant, List<Row> rows) {
		Map<DebtId, Offer> found = offers.find(tenant, rows.stream().map(Row::debt).toList());
		List<ListedOffer> listed = new ArrayList<>();
		for (Row row : rows) {
			Offer offer = found.get(row.debt());
			if (offer == null || !offer.id().equals(row.id())) {
				continue;
			}
			boolean byRule = row.rule() != null;
			listed.add(new ListedOffer(offer.id(), row.debt().value(), row.externalId(), row.debtor().value(),
					row.debtorName(), row.contractNumber(), row.portfolio(), row.debtStatus(), offer.status(),
					byRule ? ListedOffer.Source.RULE : ListedOffer.Source.CONVERSATION, row.rule(),
					byRule ? offer.ruleName() : null, byRule ? null : offer.ruleName(), offer.discountPercent(),
					ListedOffer.roubles(offer.fullAmount()), ListedOffer.roubles(offer.offerAmount()),
					offer.validUntil(), ListedOffer.roubles(offer.paidSinceAccepted()), offer.acceptedAt(),
					row.madeAt(), row.plan(), offer.schedule().stream()
						.map(part -> new ListedOffer.ScheduledPart(part.number(), part.dueOn(), ListedOffer.roubles(part.amount())))
						.toList()));
		}
		return listed;
	}

	/** What SQL says of an offer: its keys, its debt's and debtor's facts, who made it. */
	private record Row(UUID id, DebtId debt, Instant madeAt, ContactId debtor, String debtorName,
			String contractNumber, String externalId, UUID portfolio, DebtStatus debtStatus, UUID rule, UUID plan) {
	}

	private static Row row(ResultSet row, int n) throws SQLException {
		return new Row(row.getObject("id", UUID.class), new DebtId(row.getObject("debt_id", UUID.class)),
				row.getTimestamp("created_at").toInstant(), new ContactId(row.getObject("contact_id", UUID.class)),
				row.getString("debtor"), row.getString("contract_number"), row.getString("external_id"),
				row.getObject("portfolio_id", UUID.class), DebtStatus.valueOf(row.getString("state")),
				row.getObject("rule_id", UUID.class), row.getObject("plan_id", UUID.class));
	}
}

package ru.kredo.cabinet;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.CreditHistoryBases;
import ru.kredo.contacting.ContactLog;
import ru.kredo.contacting.ContactTemplates;
import ru.kredo.contacting.AgencyWordings;
import ru.kredo.contacting.Contacting;
import ru.kredo.contacting.Contacting.Attempt;
import ru.kredo.contacting.Initiative;
import ru.kredo.contacting.MessageTemplate;
import ru.kredo.contacting.Outbound;
import ru.kredo.contacts.ContactId;
import ru.kredo.platform.PublicAddress;
import ru.kredo.platform.Sha256;
import ru.kredo.tenancy.TenantId;

/**
 * Invitations to the cabinet (docs/invitations.md): an agency's admin invites every debtor of a portfolio with a debt
 * not closed, or Kredo invites a debtor whose credit history shows new money ({@link Source#NEW_MONEY}); each gets
 * the agency's invitation text ({@link MessageTemplate#CABINET_INVITATION}) with a personal link, through the contact
 * gate — a held text goes when the rules allow, a barred one never. Inviting writes one row per debtor at once (what
 * was asked is kept); {@link #sendPending} sends them a batch at a time, claimed with {@code skip locked}, so that any
 * node may send and a restart resumes. The link's token is kept only as its SHA-256; a visitor who opens it is counted
 * in the funnel under the invitation ({@link Funnel#cameBy}).
 */
@Service
public class Invitations {

	/**
	 * Where a debtor's personal link points: {@code /i/} and the token, at the root (the agency is found by the token),
	 * so that the link costs as few of a text's characters as it can. Links sent before it, with the agency in the
	 * address ({@code /cabinet/{agency}/i/{token}}), keep working.
	 */
	public static final String LINK_PATH = "/i/";


	/** How long an invitation held by the rules may still go out: after that, the gate drops it as stale. */
	static final Duration FRESH = Duration.ofDays(7);
	/** A debtor invited on a sign of new money is not invited so again within this. */
	static final Duration NEW_MONEY_QUIET = Duration.ofDays(30);
	private static final SecureRandom RANDOM = new SecureRandom();

	/** Where an invitation came from. */
	public enum Source {
		/** An agency's admin invited a portfolio. */
		PORTFOLIO,
		/** A new loan or a cured overdue in the debtor's credit history (a signal on his watch). */
		NEW_MONEY
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Contacting gate;
	private final ContactLog contactLog;
	private final PublicAddress address;
	private final CreditHistoryBases bases;
	private final AuditLog audit;
	private final TransactionTemplate transactions;

	Invitations(JdbcClient jdbc, Clock clock, Contacting gate, ContactLog contactLog, PublicAddress address, CreditHistoryBases bases, AuditLog audit, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.gate = gate;
		this.contactLog = contactLog;
		this.address = address;
		this.bases = bases;
		this.audit = audit;
		this.transactions = transactions;
	}

	/** Invites every debtor of the portfolio with a debt not closed; returns the invitation and how many it names. */
	@Transactional
	public Invited invitePortfolio(TenantId tenant, UUID portfolio, AuditActor actor) {
		UUID id = newInvitation(tenant, Source.PORTFOLIO, portfolio, actor.id());
		List<ContactId> debtors = bases.ofPortfolio(tenant, portfolio).stream().map(b -> b.debtor()).toList();
		addLinks(tenant, id, debtors);
		audit.record(tenant, actor, AuditAction.INVITATIONS_SENT, "portfolio", portfolio, "debtors-invited:" + debtors.size());
		return new Invited(id, debtors.size());
	}

	/** An invitation made: its id and how many debtors it names. */
	public record Invited(UUID id, int debtors) implements java.io.Serializable {
	}

	/**
	 * Invites a debtor whose credit history shows new money, unless he was invited so within
	 * {@link #NEW_MONEY_QUIET} (one agency-wide invitation of this source per month and tenant collects them).
	 */
	@Transactional
	public boolean inviteOnNewMoney(TenantId tenant, ContactId debtor) {
		Instant now = clock.instant();
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
			.param("invitation:new-money:" + tenant.value() + ":" + debtor.value())
			.query((row, n) -> 0)
			.list();
		boolean recently = jdbc.sql("""
				select exists (select 1 from cabinet_invitation_links l join cabinet_invitations i on i.id = l.invitation_id
				               where l.tenant_id = ? and l.contact_id = ? and i.source = 'NEW_MONEY' and l.created_at > ?)""")
			.params(tenant.value(), debtor.value(), Timestamp.from(now.minus(NEW_MONEY_QUIET)))
			.query(Boolean.class)
			.single();
		if (recently) {
			return false;
		}
		addLinks(tenant, newMoneyInvitation(tenant), List.of(debtor));
		return true;
	}

	/** The tenant's new-money invitation of the current month, made on its first use. */
	private UUID newMoneyInvitation(TenantId tenant) {
		Instant monthStart = clock.instant().minus(Duration.ofDays(30));
		return jdbc.sql("""
				select id from cabinet_invitations where tenant_id = ? and source = 'NEW_MONEY' and created_at > ?
				order by created_at desc limit 1""")
			.params(tenant.value(), Timestamp.from(monthStart))
			.query(UUID.class)
			.optional()
			.orElseGet(() -> newInvitation(tenant, Source.NEW_MONEY, null, "system:invitations"));
	}

	private UUID newInvitation(TenantId tenant, Source source, UUID portfolio, String by) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into cabinet_invitations (id, tenant_id, source, portfolio_id, created_at, created_by)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, tenant.value(), source.name(), portfolio, Timestamp.from(clock.instant()), by)
			.update();
		return id;
	}

	private void addLinks(TenantId tenant, UUID invitation, List<ContactId> debtors) {
		if (debtors.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into cabinet_invitation_links (id, tenant_id, invitation_id, contact_id, created_at)
				select gen_random_uuid(), ?, ?, c, ? from unnest(?::uuid[]) as c
				on conflict (invitation_id, contact_id) do nothing""")
			.params(tenant.value(), invitation, Timestamp.from(clock.instant()),
					debtors.stream().map(d -> d.value().toString()).toArray(String[]::new))
			.update();
	}

	/**
	 * Sends up to {@code batch} invitations waiting to be sent, each through the gate in its own transaction (a
	 * debtor's send takes the gate's lock on him; one slow debtor holds nobody else's). Returns how many were sent
	 * to the gate, whatever it answered.
	 */
	public int sendPending(int batch) {
		int done = 0;
		// the agency's wording (template, name, phone, sender) read once a round per agency, not once a debtor
		AgencyWordings wordings = gate.batch();
		for (int i = 0; i < batch; i++) {
			Boolean one = transactions.execute(status -> sendOne(wordings));
			if (!Boolean.TRUE.equals(one)) {
				break;
			}
			done++;
		}
		return done;
	}

	private boolean sendOne(AgencyWordings wordings) {
		Optional<Pending> pending = jdbc.sql("""
				select id, tenant_id, contact_id from cabinet_invitation_links where token_hash is null
				order by created_at, id limit 1 for update skip locked""")
			.query((row, n) -> new Pending(row.getObject("id", UUID.class), new TenantId(row.getObject("tenant_id", UUID.class)),
					new ContactId(row.getObject("contact_id", UUID.class))))
			.optional();
		if (pending.isEmpty()) {
			return false;
		}
		Pending link = pending.get();
		byte[] token = new byte[16];
		RANDOM.nextBytes(token);
		String text = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
		Instant now = clock.instant();
		String body = ContactTemplates.render(wordings.text(link.tenant(), MessageTemplate.CABINET_INVITATION),
				Map.of("{agency}", wordings.name(link.tenant()), "{phone}", wordings.phone(link.tenant()).orElse(""),
						"{link}", address.of(LINK_PATH + text).toString()));
		Attempt attempt = gate.send(Outbound.text(link.tenant(), link.debtor(), null, Initiative.COLLECTION,
				MessageTemplate.CABINET_INVITATION.purpose(), body, now.plus(FRESH)), wordings);
		jdbc.sql("update cabinet_invitation_links set token_hash = ?, attempt_id = ?, state = ?, sent_at = ? where id = ?")
			.params(Sha256.of(text), attempt.id(), attempt.state().name(), Timestamp.from(now), link.id())
			.update();
		return true;
	}

	private record Pending(UUID id, TenantId tenant, ContactId debtor) {
	}

	/**
	 * The invitation a link's token belongs to, for the agency in the link's address; the first opening is recorded.
	 * Another agency's token, or one never issued, is none.
	 */
	@Transactional
	public Optional<UUID> open(TenantId agency, String token) {
		if (token == null || token.length() > 64) {
			return Optional.empty();
		}
		return jdbc.sql("""
				update cabinet_invitation_links set opened_at = coalesce(opened_at, ?)
				where tenant_id = ? and token_hash = ? returning invitation_id""")
			.params(Timestamp.from(clock.instant()), agency.value(), Sha256.of(token))
			.query(UUID.class)
			.optional();
	}

	/**
	 * The agency whose invitation a short link's token ({@code /i/{token}}) is, whichever it is: tokens are unique
	 * across agencies, so the short link needs no agency in it. Nothing is recorded here (the cabinet's own address
	 * records the opening, where the visitor's cookie is). A token never issued is none.
	 */
	public Optional<TenantId> agencyOf(String token) {
		if (token == null || token.length() > 64) {
			return Optional.empty();
		}
		return jdbc.sql("select tenant_id from cabinet_invitation_links where token_hash = ?")
			.param(Sha256.of(token))
			.query((row, n) -> new TenantId(row.getObject("tenant_id", UUID.class)))
			.optional();
	}

	/**
	 * An invitation as the funnel page shows it: whom it named, what the gate did with the texts (sent now or after
	 * waiting, still waiting, refused by a bar, dropped, failed), how many opened the link, signed in and paid.
	 */
	public record InvitationLine(UUID id, Source source, String portfolio, Instant createdAt, long debtors,
			long waiting, Map<Contacting.State, Long> texts, long opened, long signedIn, long paid) {

		public long texts(String state) {
			return texts.getOrDefault(Contacting.State.valueOf(state), 0L);
		}
	}

	/** The agency's invitations, newest first, at most {@code limit}. */
	public List<InvitationLine> of(TenantId tenant, int limit) {
		record Row(UUID id, Source source, String portfolio, Instant createdAt, long debtors, long waiting, long opened,
				long signedIn, long paid) {
		}
		List<Row> rows = jdbc.sql("""
				select i.id, i.source, p.name as portfolio, i.created_at,
				       (select count(*) from cabinet_invitation_links l where l.invitation_id = i.id) as debtors,
				       (select count(*) from cabinet_invitation_links l where l.invitation_id = i.id and l.token_hash is null) as waiting,
				       (select count(*) from cabinet_invitation_links l where l.invitation_id = i.id and l.opened_at is not null) as opened,
				       (select count(*) from cabinet_funnel_sources s join cabinet_funnel f
				            on f.tenant_id = s.tenant_id and f.visitor = s.visitor and f.step = 'CODE_CONFIRMED'
				        where s.invitation_id = i.id) as signed_in,
				       (select count(*) from cabinet_funnel_sources s join cabinet_funnel f
				            on f.tenant_id = s.tenant_id and f.visitor = s.visitor and f.step = 'PAYMENT_SUCCEEDED'
				        where s.invitation_id = i.id) as paid
				from cabinet_invitations i left join portfolios p on p.id = i.portfolio_id
				where i.tenant_id = ? order by i.created_at desc, i.id limit ?""")
			.params(tenant.value(), limit)
			.query((row, n) -> new Row(row.getObject("id", UUID.class), Source.valueOf(row.getString("source")),
					row.getString("portfolio"), row.getTimestamp("created_at").toInstant(), row.getLong("debtors"),
					row.getLong("waiting"), row.getLong("opened"), row.getLong("signed_in"), row.getLong("paid")))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		// the texts of the whole page in two statements, however many invitations it shows
		Map<UUID, List<UUID>> attempts = new java.util.HashMap<>();
		jdbc.sql("""
				select invitation_id, attempt_id from cabinet_invitation_links
				where tenant_id = ? and invitation_id = any(?::uuid[]) and attempt_id is not null""")
			.params(tenant.value(), rows.stream().map(row -> row.id().toString()).toArray(String[]::new))
			.query(row -> {
				attempts.computeIfAbsent(row.getObject("invitation_id", UUID.class), id -> new ArrayList<>())
					.add(row.getObject("attempt_id", UUID.class));
			});
		Map<UUID, Map<Contacting.State, Long>> texts = contactLog.statesByGroup(tenant, attempts);
		List<InvitationLine> lines = new ArrayList<>();
		for (Row row : rows) {
			lines.add(new InvitationLine(row.id(), row.source(), row.portfolio(), row.createdAt(), row.debtors(),
					row.waiting(), texts.getOrDefault(row.id(), Map.of()), row.opened(), row.signedIn(), row.paid()));
		}
		return lines;
	}
}

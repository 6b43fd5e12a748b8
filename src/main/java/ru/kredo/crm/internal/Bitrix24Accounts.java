package ru.kredo.crm.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantId;

/**
 * A tenant's Bitrix24 portal: its local application's keys and its tokens, sealed with the privacy module's key (each
 * bound to its column's name, so a value copied to another column does not open).
 */
@Component
public class Bitrix24Accounts {

	/**
	 * A portal's address: a host name (mybroker.bitrix24.ru, or an on-premise portal's own), with a port at most —
	 * no scheme, path or query that could change where Kredo sends the tokens.
	 */
	public static final Pattern PORTAL = Pattern
		.compile("(?=.{4,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+(:[0-9]{1,5})?");

	/** A deal's stage id as Bitrix24 names it: NEW in the general pipeline, C3:NEW in pipeline 3. */
	public static final Pattern STAGE = Pattern.compile("(C([0-9]{1,9}):)?[A-Z0-9_]{1,40}");

	static final String CLIENT_SECRET = "crm_bitrix24_accounts.client_secret";
	static final String ACCESS_TOKEN = "crm_bitrix24_accounts.access_token";
	static final String REFRESH_TOKEN = "crm_bitrix24_accounts.refresh_token";
	static final String EVENTS_HANDLER = "crm_bitrix24_accounts.events_handler";

	/** What a signal becomes in Bitrix24. */
	public enum Action {
		TASK, COMMENT, DEAL
	}

	/**
	 * The account as stored. The secret and tokens are opened only when asked for, by {@link #secrets}.
	 *
	 * @param memberId the portal's id at Bitrix24's authorisation server; every event carries it
	 * @param eventsBound the events Bitrix24 took for Kredo's handler (outcomes flow back); {@code null} when none
	 * @param eventsError why binding them failed, as Bitrix24 answered; {@code null} when it did not
	 */
	public record Account(TenantId tenantId, String portal, String clientId, boolean connected, Instant connectedAt,
			Action action, Long categoryId, String stageId, String memberId, String eventsBound, String eventsError) {
	}

	/** What talking to Bitrix24 needs. */
	public record Secrets(String clientSecret, String accessToken, String refreshToken, Instant accessExpiresAt) {

		@Override
		public String toString() {
			return "Secrets[…]";
		}
	}

	private final JdbcClient jdbc;
	private final PersonalData personalData;

	Bitrix24Accounts(JdbcClient jdbc, PersonalData personalData) {
		this.jdbc = jdbc;
		this.personalData = personalData;
	}

	public Optional<Account> find(TenantId tenant) {
		return jdbc.sql("select * from crm_bitrix24_accounts where tenant_id = ?")
			.param(tenant.value())
			.query((row, n) -> account(row))
			.optional();
	}

	/** Tenants among these with a connected portal. */
	public List<TenantId> connected(List<TenantId> tenants) {
		return jdbc.sql("select tenant_id from crm_bitrix24_accounts where refresh_token_sealed is not null and tenant_id = any(?)")
			.param(tenants.stream().map(TenantId::value).distinct().toArray(UUID[]::new))
			.query((row, n) -> new TenantId(row.getObject(1, UUID.class)))
			.list();
	}

	/** The portal and its application's keys; a blank secret keeps the stored one. Changing them disconnects. */
	@Transactional
	public void saveKeys(TenantId tenant, String portal, String clientId, String clientSecret, Instant now) {
		Optional<Account> existing = find(tenant);
		boolean newSecret = clientSecret != null && !clientSecret.isBlank();
		if (existing.isEmpty()) {
			jdbc.sql("""
					insert into crm_bitrix24_accounts (tenant_id, portal, client_id, client_secret_sealed, updated_at)
					values (?, ?, ?, ?, ?)""")
				.params(tenant.value(), portal, clientId, seal(CLIENT_SECRET, clientSecret), Timestamp.from(now))
				.update();
			return;
		}
		boolean changed = !existing.get().portal().equals(portal) || !existing.get().clientId().equals(clientId)
				|| newSecret;
		jdbc.sql("""
				update crm_bitrix24_accounts set portal = ?, client_id = ?,
				    client_secret_sealed = coalesce(?, client_secret_sealed), updated_at = ? where tenant_id = ?""")
			.params(portal, clientId, newSecret ? seal(CLIENT_SECRET, clientSecret) : null, Timestamp.from(now),
					tenant.value())
			.update();
		if (changed) {
			disconnect(tenant, now);
		}
	}

	public Secrets secrets(TenantId tenant) {
		return jdbc.sql("""
				select client_secret_sealed, access_token_sealed, refresh_token_sealed, access_expires_at
				from crm_bitrix24_accounts where tenant_id = ?""")
			.param(tenant.value())
			.query((row, n) -> secrets(row))
			.single();
	}

	/** The same, with the row locked until the transaction ends: one refresh at a time (each spends its token). */
	Secrets secretsForUpdate(TenantId tenant) {
		return jdbc.sql("""
				select client_secret_sealed, access_token_sealed, refresh_token_sealed, access_expires_at
				from crm_bitrix24_accounts where tenant_id = ? for update""")
			.param(tenant.value())
			.query((row, n) -> secrets(row))
			.single();
	}

	/** The first tokens. */
	public void connect(TenantId tenant, Bitrix24Client.Tokens tokens, Instant now) {
		jdbc.sql("update crm_bitrix24_accounts set member_id = ?, connected_at = ? where tenant_id = ?")
			.params(tokens.memberId().isEmpty() ? null : tokens.memberId(), Timestamp.from(now), tenant.value())
			.update();
		storeTokens(tenant, tokens, now);
	}

	public void storeTokens(TenantId tenant, Bitrix24Client.Tokens tokens, Instant now) {
		jdbc.sql("""
				update crm_bitrix24_accounts set access_token_sealed = ?, refresh_token_sealed = ?, access_expires_at = ?,
				    updated_at = ? where tenant_id = ?""")
			.params(seal(ACCESS_TOKEN, tokens.accessToken()), seal(REFRESH_TOKEN, tokens.refreshToken()),
					Timestamp.from(tokens.expiresAt()), Timestamp.from(now), tenant.value())
			.update();
	}

	/**
	 * Forgets the tokens and the event handler's address (its token no longer finds the tenant: Bitrix24's posts to it
	 * are refused) with the application token learnt through it; the keys stay, so connecting again is one click.
	 */
	public void disconnect(TenantId tenant, Instant now) {
		jdbc.sql("""
				update crm_bitrix24_accounts set access_token_sealed = null, refresh_token_sealed = null,
				    access_expires_at = null, member_id = null, connected_at = null, events_token_hash = null,
				    events_handler_sealed = null, events_bound = null, events_error = null,
				    application_token_hash = null, updated_at = ? where tenant_id = ?""")
			.params(Timestamp.from(now), tenant.value())
			.update();
	}

	public void saveAction(TenantId tenant, Action action, Long categoryId, String stageId, Instant now) {
		jdbc.sql("""
				update crm_bitrix24_accounts set action = ?, category_id = ?, stage_id = ?, updated_at = ?
				where tenant_id = ?""")
			.params(action.name(), categoryId, stageId, Timestamp.from(now), tenant.value())
			.update();
	}

	/**
	 * The event handler's address is about to be bound: its token is looked up by {@code tokenHash} from now on, and
	 * the application token is learnt afresh from the first event that reaches it.
	 */
	public void eventsHandler(TenantId tenant, byte[] tokenHash, String handler, Instant now) {
		jdbc.sql("""
				update crm_bitrix24_accounts set events_token_hash = ?, events_handler_sealed = ?, events_bound = null,
				    events_error = null, application_token_hash = null, updated_at = ? where tenant_id = ?""")
			.params(tokenHash, seal(EVENTS_HANDLER, handler), Timestamp.from(now), tenant.value())
			.update();
	}

	/** Which events Bitrix24 took for the handler ({@code bound}), and why it refused any ({@code error}). */
	public void eventsBound(TenantId tenant, String bound, String error, Instant now) {
		jdbc.sql("update crm_bitrix24_accounts set events_bound = ?, events_error = ?, updated_at = ? where tenant_id = ?")
			.params(bound, error == null ? null : error.substring(0, Math.min(300, error.length())), Timestamp.from(now),
					tenant.value())
			.update();
	}

	/** The event handler's address, to unbind it; empty when there is none. */
	public Optional<String> eventsHandler(TenantId tenant) {
		return jdbc.sql("select events_handler_sealed from crm_bitrix24_accounts where tenant_id = ?")
			.param(tenant.value())
			.query((row, n) -> Optional.ofNullable(open(EVENTS_HANDLER, row.getBytes(1))))
			.optional()
			.flatMap(handler -> handler);
	}

	/** The connected tenant whose event handler's token has this SHA-256; empty for any other. */
	public Optional<TenantId> byEventsToken(byte[] tokenHash) {
		return jdbc.sql("""
				select tenant_id from crm_bitrix24_accounts where events_token_hash = ? and refresh_token_sealed is not null""")
			.param(tokenHash)
			.query((row, n) -> new TenantId(row.getObject(1, UUID.class)))
			.optional();
	}

	/**
	 * Whether an application token (its SHA-256) is the one this portal's events carry; empty while none is known.
	 */
	public Optional<Boolean> isApplicationToken(TenantId tenant, byte[] tokenHash) {
		byte[] known = jdbc.sql("select application_token_hash from crm_bitrix24_accounts where tenant_id = ?")
			.param(tenant.value())
			.query((row, n) -> row.getBytes(1))
			.optional()
			.orElse(null);
		return known == null ? Optional.empty() : Optional.of(java.security.MessageDigest.isEqual(known, tokenHash));
	}

	/**
	 * Learns the application token (its SHA-256) that this portal's events carry, unless one is known already;
	 * whether it is the one known now. Atomic, so two first events at once cannot both set theirs.
	 */
	public boolean applicationToken(TenantId tenant, byte[] tokenHash) {
		jdbc.sql("""
				update crm_bitrix24_accounts set application_token_hash = ?
				where tenant_id = ? and application_token_hash is null and refresh_token_sealed is not null""")
			.params(tokenHash, tenant.value())
			.update();
		byte[] known = jdbc.sql("select application_token_hash from crm_bitrix24_accounts where tenant_id = ?")
			.param(tenant.value())
			.query((row, n) -> row.getBytes(1))
			.optional()
			.orElse(null);
		return known != null && java.security.MessageDigest.isEqual(known, tokenHash);
	}

	private byte[] seal(String field, String value) {
		return personalData.seal(field, value).bytes();
	}

	private String open(String field, byte[] sealed) {
		return sealed == null ? null : personalData.open(field, new Sealed(sealed));
	}

	private Secrets secrets(ResultSet row) throws SQLException {
		Timestamp expires = row.getTimestamp("access_expires_at");
		return new Secrets(open(CLIENT_SECRET, row.getBytes("client_secret_sealed")),
				open(ACCESS_TOKEN, row.getBytes("access_token_sealed")),
				open(REFRESH_TOKEN, row.getBytes("refresh_token_sealed")), expires == null ? null : expires.toInstant());
	}

	private static Account account(ResultSet row) throws SQLException {
		Timestamp connected = row.getTimestamp("connected_at");
		return new Account(new TenantId(row.getObject("tenant_id", UUID.class)), row.getString("portal"),
				row.getString("client_id"), row.getBytes("refresh_token_sealed") != null,
				connected == null ? null : connected.toInstant(), Action.valueOf(row.getString("action")),
				row.getObject("category_id", Long.class), row.getString("stage_id"), row.getString("member_id"),
				row.getString("events_bound"), row.getString("events_error"));
	}
}

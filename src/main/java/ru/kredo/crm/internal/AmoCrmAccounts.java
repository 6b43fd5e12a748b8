package ru.kredo.crm.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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
 * A tenant's amoCRM account: its integration's keys and its tokens, sealed with the privacy module's key (each bound
 * to its column's name, so a value copied to another column does not open).
 */
@Component
public class AmoCrmAccounts {

	/** An amoCRM subdomain: what stands before {@code .amocrm.ru}; nothing that could change the host. */
	public static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

	static final String CLIENT_SECRET = "crm_amocrm_accounts.client_secret";
	static final String ACCESS_TOKEN = "crm_amocrm_accounts.access_token";
	static final String REFRESH_TOKEN = "crm_amocrm_accounts.refresh_token";
	static final String HOOK_DESTINATION = "crm_amocrm_accounts.hook_destination";

	/** What a signal becomes in amoCRM. */
	public enum Action {
		TASK, NOTE, LEAD
	}

	/**
	 * The account as stored. The secret and tokens are opened only when asked for, by {@link #secrets}.
	 *
	 * @param hookId the webhook amoCRM subscribed for outcomes; {@code null} when none is
	 * @param hookError why subscribing it failed, as amoCRM answered; {@code null} when it did not
	 */
	public record Account(TenantId tenantId, String subdomain, String clientId, boolean connected,
			Instant accessExpiresAt, Instant connectedAt, Action action, Long pipelineId, Long statusId, Long hookId,
			String hookError) {
	}

	/** What talking to amoCRM needs. */
	public record Secrets(String clientSecret, String accessToken, String refreshToken, Instant accessExpiresAt,
			String redirectUri) {

		@Override
		public String toString() {
			return "Secrets[…]";
		}
	}

	private final JdbcClient jdbc;
	private final PersonalData personalData;

	AmoCrmAccounts(JdbcClient jdbc, PersonalData personalData) {
		this.jdbc = jdbc;
		this.personalData = personalData;
	}

	public Optional<Account> find(TenantId tenant) {
		return jdbc.sql("select * from crm_amocrm_accounts where tenant_id = ?")
			.param(tenant.value())
			.query((row, n) -> account(row))
			.optional();
	}

	/** The keys of the tenant's integration; a blank secret keeps the stored one. Changing them disconnects. */
	@Transactional
	public void saveKeys(TenantId tenant, String subdomain, String clientId, String clientSecret, Instant now) {
		Optional<Account> existing = find(tenant);
		if (existing.isEmpty()) {
			jdbc.sql("""
					insert into crm_amocrm_accounts (tenant_id, subdomain, client_id, client_secret_sealed, updated_at)
					values (?, ?, ?, ?, ?)""")
				.params(tenant.value(), subdomain, clientId, seal(CLIENT_SECRET, clientSecret), Timestamp.from(now))
				.update();
			return;
		}
		boolean changed = !existing.get().subdomain().equals(subdomain) || !existing.get().clientId().equals(clientId)
				|| (clientSecret != null && !clientSecret.isBlank());
		jdbc.sql("""
				update crm_amocrm_accounts set subdomain = ?, client_id = ?,
				    client_secret_sealed = coalesce(?, client_secret_sealed), updated_at = ? where tenant_id = ?""")
			.params(subdomain, clientId, clientSecret == null || clientSecret.isBlank() ? null : seal(CLIENT_SECRET, clientSecret),
					Timestamp.from(now), tenant.value())
			.update();
		if (changed) {
			disconnect(tenant, now);
		}
	}

	public Secrets secrets(TenantId tenant) {
		return jdbc.sql("""
				select client_secret_sealed, access_token_sealed, refresh_token_sealed, access_expires_at, redirect_uri
				from crm_amocrm_accounts where tenant_id = ?""")
			.param(tenant.value())
			.query((row, n) -> secrets(row))
			.single();
	}

	/** The same, with the row locked until the transaction ends: one refresh at a time (each spends its token). */
	Secrets secretsForUpdate(TenantId tenant) {
		return jdbc.sql("""
				select client_secret_sealed, access_token_sealed, refresh_token_sealed, access_expires_at, redirect_uri
				from crm_amocrm_accounts where tenant_id = ? for update""")
			.param(tenant.value())
			.query((row, n) -> secrets(row))
			.single();
	}

	/** The first tokens, issued for {@code redirectUri}. */
	public void connect(TenantId tenant, AmoCrmClient.Tokens tokens, String redirectUri, Instant now) {
		jdbc.sql("update crm_amocrm_accounts set redirect_uri = ?, connected_at = ? where tenant_id = ?")
			.params(redirectUri, Timestamp.from(now), tenant.value())
			.update();
		storeTokens(tenant, tokens, now);
	}

	public void storeTokens(TenantId tenant, AmoCrmClient.Tokens tokens, Instant now) {
		jdbc.sql("""
				update crm_amocrm_accounts set access_token_sealed = ?, refresh_token_sealed = ?, access_expires_at = ?,
				    updated_at = ? where tenant_id = ?""")
			.params(seal(ACCESS_TOKEN, tokens.accessToken()), seal(REFRESH_TOKEN, tokens.refreshToken()),
					Timestamp.from(tokens.expiresAt()), Timestamp.from(now), tenant.value())
			.update();
	}

	/**
	 * Forgets the tokens and the webhook's address (its token no longer finds the tenant: amoCRM's posts to it are
	 * 404s); the keys stay, so connecting again is one click.
	 */
	public void disconnect(TenantId tenant, Instant now) {
		jdbc.sql("""
				update crm_amocrm_accounts set access_token_sealed = null, refresh_token_sealed = null,
				    access_expires_at = null, connected_at = null, hook_token_hash = null, hook_destination_sealed = null,
				    hook_id = null, hook_error = null, updated_at = ? where tenant_id = ?""")
			.params(Timestamp.from(now), tenant.value())
			.update();
	}

	/**
	 * The webhook's address is about to be subscribed: its token is looked up by {@code tokenHash} from now on; the
	 * address is kept sealed, to unsubscribe it later.
	 */
	public void hookAddress(TenantId tenant, byte[] tokenHash, String destination, Instant now) {
		jdbc.sql("""
				update crm_amocrm_accounts set hook_token_hash = ?, hook_destination_sealed = ?, hook_id = null,
				    hook_error = null, updated_at = ? where tenant_id = ?""")
			.params(tokenHash, seal(HOOK_DESTINATION, destination), Timestamp.from(now), tenant.value())
			.update();
	}

	/** amoCRM subscribed the webhook ({@code id}), or refused ({@code error}). */
	public void hookSubscribed(TenantId tenant, Long id, String error, Instant now) {
		jdbc.sql("update crm_amocrm_accounts set hook_id = ?, hook_error = ?, updated_at = ? where tenant_id = ?")
			.params(id, error == null ? null : error.substring(0, Math.min(300, error.length())), Timestamp.from(now),
					tenant.value())
			.update();
	}

	/** The webhook's address, to unsubscribe it; empty when there is none. */
	public Optional<String> hookDestination(TenantId tenant) {
		return jdbc.sql("select hook_destination_sealed from crm_amocrm_accounts where tenant_id = ?")
			.param(tenant.value())
			.query((row, n) -> open(HOOK_DESTINATION, row.getBytes(1)))
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst();
	}

	/** The connected tenant whose webhook token has this SHA-256; empty for any other. */
	public Optional<TenantId> byHookToken(byte[] tokenHash) {
		return jdbc.sql("""
				select tenant_id from crm_amocrm_accounts where hook_token_hash = ? and refresh_token_sealed is not null""")
			.param(tokenHash)
			.query((row, n) -> new TenantId(row.getObject(1, UUID.class)))
			.optional();
	}

	public void saveAction(TenantId tenant, Action action, Long pipelineId, Long statusId, Instant now) {
		jdbc.sql("""
				update crm_amocrm_accounts set action = ?, pipeline_id = ?, status_id = ?, updated_at = ?
				where tenant_id = ?""")
			.params(action.name(), pipelineId, statusId, Timestamp.from(now), tenant.value())
			.update();
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
				open(REFRESH_TOKEN, row.getBytes("refresh_token_sealed")), expires == null ? null : expires.toInstant(),
				row.getString("redirect_uri"));
	}

	private static Account account(ResultSet row) throws SQLException {
		Timestamp expires = row.getTimestamp("access_expires_at");
		Timestamp connected = row.getTimestamp("connected_at");
		return new Account(new TenantId(row.getObject("tenant_id", UUID.class)), row.getString("subdomain"),
				row.getString("client_id"), row.getBytes("refresh_token_sealed") != null,
				expires == null ? null : expires.toInstant(), connected == null ? null : connected.toInstant(),
				Action.valueOf(row.getString("action")), row.getObject("pipeline_id", Long.class),
				row.getObject("status_id", Long.class), row.getObject("hook_id", Long.class), row.getString("hook_error"));
	}
}

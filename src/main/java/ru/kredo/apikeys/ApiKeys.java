package ru.kredo.apikeys;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.accounts.Role;
import ru.kredo.accounts.User;
import ru.kredo.accounts.UserAccounts;
import ru.kredo.accounts.UserId;
import ru.kredo.accounts.UserPowersWithdrawn;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.platform.Sha256;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * Issues, lists, revokes and checks API keys. A key is {@code kredo_} and 43 characters of 256 random bits; since it
 * cannot be guessed, one SHA-256 is a safe hash to store and look up by.
 * <p>
 * A key records the user who issued it ({@code issued_by}; unknown for the command line's first key and keys older
 * than the column). A key outlives sessions, so it must not outlive its issuer's powers: when he is disabled or an
 * admin is demoted ({@link UserPowersWithdrawn}) all his keys are revoked in the same transaction, for good
 * (enabling him again brings none back); and a key works only while its issuer is enabled and still an admin (or the
 * operator), which also covers a change made to the users table by hand.
 */
@Service
public class ApiKeys {

	static final String PREFIX = "kredo_";
	private static final int SHOWN_CHARACTERS = 12;
	private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);
	private static final String COLUMNS = "id, tenant_id, name, prefix, created_by, issued_by, created_at, last_used_at, revoked_at";
	private static final AuditActor WITH_ISSUER = new AuditActor("kredo", "Kredo");

	private final JdbcClient jdbc;
	private final Clock clock;
	private final TenantDirectory tenants;
	private final UserAccounts users;
	private final AuditLog audit;
	private final SecureRandom random = new SecureRandom();

	ApiKeys(JdbcClient jdbc, Clock clock, TenantDirectory tenants, UserAccounts users, AuditLog audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tenants = tenants;
		this.users = users;
		this.audit = audit;
	}

	/** A key no user issued (tests, scripts): no issuer is recorded. */
	@Transactional
	public IssuedApiKey issue(TenantId tenant, String name, String createdBy) {
		return issue(tenant, name, createdBy, null);
	}

	/**
	 * @param createdBy who issued it, for the audit ({@code user:<id>}, {@code cli})
	 * @param issuer the user who issued it, or {@code null} when no user did (the command line)
	 */
	@Transactional
	public IssuedApiKey issue(TenantId tenant, String name, String createdBy, UserId issuer) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			throw new Rejected("api-key.name-required");
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		ApiKey key = new ApiKey(new ApiKeyId(UUID.randomUUID()), tenant, trimmed,
				secret.substring(0, SHOWN_CHARACTERS), createdBy, issuer, clock.instant(), null, null);
		jdbc.sql("""
				insert into api_keys (id, tenant_id, name, prefix, secret_hash, created_by, issued_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(key.id().value(), tenant.value(), key.name(), key.prefix(), Sha256.of(secret), createdBy,
					issuer == null ? null : issuer.value(), Timestamp.from(key.createdAt()))
			.update();
		return new IssuedApiKey(key, secret);
	}

	public List<ApiKey> all(TenantId tenant) {
		return jdbc.sql("select " + COLUMNS + " from api_keys where tenant_id = ? order by created_at desc")
			.param(tenant.value())
			.query(ApiKeys::apiKey)
			.list();
	}

	public ApiKey get(TenantId tenant, ApiKeyId id) {
		return jdbc.sql("select " + COLUMNS + " from api_keys where tenant_id = ? and id = ?")
			.params(tenant.value(), id.value())
			.query(ApiKeys::apiKey)
			.optional()
			.orElseThrow(() -> new NotFound("api-key.not-found", id));
	}

	public long countActive(TenantId tenant) {
		return jdbc.sql("select count(*) from api_keys where tenant_id = ? and revoked_at is null")
			.param(tenant.value())
			.query(Long.class)
			.single();
	}

	@Transactional
	public ApiKey revoke(TenantId tenant, ApiKeyId id) {
		get(tenant, id);
		jdbc.sql("update api_keys set revoked_at = ? where tenant_id = ? and id = ? and revoked_at is null")
			.params(Timestamp.from(clock.instant()), tenant.value(), id.value())
			.update();
		return get(tenant, id);
	}

	/**
	 * Revokes every key the user issued, when he is disabled or demoted; each revocation is in the audit log, in the
	 * name of whoever made the change.
	 */
	@EventListener
	@Transactional
	public void revokeIssuedBy(UserPowersWithdrawn withdrawn) {
		List<UUID> revoked = jdbc.sql("""
				update api_keys set revoked_at = ? where tenant_id = ? and issued_by = ? and revoked_at is null
				returning id""")
			.params(Timestamp.from(clock.instant()), withdrawn.tenantId().value(), withdrawn.userId().value())
			.query(UUID.class)
			.list();
		String detail = "issuer-" + withdrawn.reason().name().toLowerCase(java.util.Locale.ROOT);
		for (UUID id : revoked) {
			audit.record(withdrawn.tenantId(), WITH_ISSUER, AuditAction.API_KEY_REVOKED, "api-key", id, detail);
		}
	}

	/** The tenant a presented key acts for, if the key exists, is not revoked and its issuer still may issue keys. */
	@Transactional
	public Optional<ApiKeyPrincipal> authenticate(String presented) {
		if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
			return Optional.empty();
		}
		Optional<ApiKey> key = jdbc.sql("select " + COLUMNS + " from api_keys where secret_hash = ? and revoked_at is null")
			.param(Sha256.of(presented))
			.query(ApiKeys::apiKey)
			.optional();
		key = key.filter(this::issuerHoldsPowers);
		key.ifPresent(this::noteUse);
		return key.map(k -> new ApiKeyPrincipal(k.id(), k.name(), k.tenantId(), kindOf(k.tenantId()), k.issuedBy()));
	}

	// A key of no known issuer (the command line's) stands on its own; a user's key, only while he may issue keys.
	private boolean issuerHoldsPowers(ApiKey key) {
		if (key.issuedBy() == null) {
			return true;
		}
		return users.find(key.issuedBy())
			.filter(User::enabled)
			.filter(user -> user.role() == Role.ADMIN || user.role() == Role.OPERATOR)
			.isPresent();
	}

	private TenantKind kindOf(TenantId tenant) {
		return tenants.get(tenant).kind();
	}

	private void noteUse(ApiKey key) {
		Instant now = clock.instant();
		if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(now.minus(LAST_USED_GRANULARITY))) {
			jdbc.sql("update api_keys set last_used_at = ? where id = ?")
				.params(Timestamp.from(now), key.id().value())
				.update();
		}
	}

	private static ApiKey apiKey(ResultSet row, int rowNumber) throws SQLException {
		return new ApiKey(new ApiKeyId(row.getObject("id", UUID.class)), new TenantId(row.getObject("tenant_id", UUID.class)),
				row.getString("name"), row.getString("prefix"), row.getString("created_by"),
				row.getObject("issued_by", UUID.class) == null ? null : new UserId(row.getObject("issued_by", UUID.class)),
				instant(row, "created_at"), instant(row, "last_used_at"), instant(row, "revoked_at"));
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp timestamp = row.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}
}

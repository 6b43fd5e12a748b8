package ru.kredo.accounts;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.Tenant;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantId;

/** A tenant's users: every call names the tenant, and a user of another tenant is simply not found. */
@Service
public class UserAccounts {

	private static final String COLUMNS = "id, tenant_id, email, display_name, role, enabled, created_at";

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final TenantDirectory tenants;

	UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, ApplicationEventPublisher events,
			TenantDirectory tenants) {
		this.tenants = tenants;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	public User create(TenantId tenant, NewUser request) {
		// NewUser checked the password against the user; only here is his organisation known.
		PasswordPolicy.check(request.password(), request.email(), request.displayName(), organisation(tenant));
		User user = new User(UserId.random(), tenant, EmailAddress.forNewAccount(request.email()), request.displayName(),
				request.role(), true, clock.instant());
		try {
			jdbc.sql("""
					insert into users (id, tenant_id, email, display_name, password_hash, role, enabled, created_at,
					    ever_admin)
					values (?, ?, ?, ?, ?, ?, true, ?, ?)""")
				.params(user.id().value(), tenant.value(), user.email().value(), user.displayName(),
						passwords.encode(request.password()), user.role().name(), Timestamp.from(user.createdAt()),
						user.role() == Role.ADMIN)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new Rejected("user.email-taken");
		}
		return user;
	}

	public List<User> all(TenantId tenant) {
		return jdbc.sql("select " + COLUMNS + " from users where tenant_id = ? order by display_name")
			.param(tenant.value())
			.query(UserAccounts::user)
			.list();
	}

	public User get(TenantId tenant, UserId id) {
		return jdbc.sql("select " + COLUMNS + " from users where tenant_id = ? and id = ?")
			.params(tenant.value(), id.value())
			.query(UserAccounts::user)
			.optional()
			.orElseThrow(() -> new NotFound("user.not-found", id));
	}

	public boolean exists(TenantId tenant, UserId id) {
		return jdbc.sql("select count(*) from users where tenant_id = ? and id = ?")
			.params(tenant.value(), id.value())
			.query(Long.class)
			.single() > 0;
	}

	public long count(TenantId tenant) {
		return jdbc.sql("select count(*) from users where tenant_id = ?").param(tenant.value()).query(Long.class).single();
	}

	@Transactional
	public User changeRole(TenantId tenant, UserId id, Role role, UserId actingUser) {
		User user = get(tenant, id);
		if (user.id().equals(actingUser)) {
			throw new Rejected("user.cannot-change-self");
		}
		if (role == Role.OPERATOR || user.role() == Role.OPERATOR) {
			throw new Rejected("user.role-not-allowed");
		}
		if (role != Role.ADMIN) {
			keepAnAdmin(tenant, id);
		}
		jdbc.sql("update users set role = ?, ever_admin = ever_admin or ? where tenant_id = ? and id = ?")
			.params(role.name(), role == Role.ADMIN, tenant.value(), id.value())
			.update();
		if (user.role() == Role.ADMIN && role != Role.ADMIN) {
			events.publishEvent(new UserPowersWithdrawn(tenant, id, UserPowersWithdrawn.Reason.DEMOTED));
		}
		return get(tenant, id);
	}

	@Transactional
	public User setEnabled(TenantId tenant, UserId id, boolean enabled, UserId actingUser) {
		User user = get(tenant, id);
		if (user.id().equals(actingUser)) {
			throw new Rejected("user.cannot-change-self");
		}
		if (!enabled) {
			keepAnAdmin(tenant, id);
		}
		jdbc.sql("update users set enabled = ? where tenant_id = ? and id = ?")
			.params(enabled, tenant.value(), id.value())
			.update();
		if (user.enabled() && !enabled) {
			events.publishEvent(new UserPowersWithdrawn(tenant, id, UserPowersWithdrawn.Reason.DISABLED));
		}
		return get(tenant, id);
	}

	/**
	 * Refuses ({@code user.last-admin}) to take admin powers from the tenant's last enabled admin. The page never
	 * could (an admin does not change himself), but an API key of the command line stands for no user, and two
	 * admins demoting each other at once would each leave the other: the enabled admins' rows are locked first, so
	 * the second waits for the first and counts what it left.
	 */
	private void keepAnAdmin(TenantId tenant, UserId id) {
		List<UUID> admins = jdbc.sql("""
				select id from users where tenant_id = ? and role = 'ADMIN' and enabled order by id for update""")
			.param(tenant.value())
			.query(UUID.class)
			.list();
		if (admins.contains(id.value()) && admins.size() == 1) {
			throw new Rejected("user.last-admin");
		}
	}

	/** The user by id in whatever tenant: one lookup by primary key. */
	public Optional<User> find(UserId id) {
		return jdbc.sql("select " + COLUMNS + " from users where id = ?")
			.param(id.value())
			.query(UserAccounts::user)
			.optional();
	}

	/**
	 * The users {@code ids} in whatever tenant, in one statement whatever their number: for a list that names a user
	 * per line ({@link #find(UserId)} per line would read them one by one). A user that is gone is left out.
	 */
	public java.util.Map<UserId, User> find(java.util.Collection<UserId> ids) {
		if (ids.isEmpty()) {
			return java.util.Map.of();
		}
		java.util.Map<UserId, User> users = new java.util.HashMap<>();
		jdbc.sql("select " + COLUMNS + " from users where id = any(?::uuid[])")
			.param(ids.stream().map(id -> id.value().toString()).distinct().toArray(String[]::new))
			.query(UserAccounts::user)
			.list()
			.forEach(user -> users.put(user.id(), user));
		return users;
	}

	/**
	 * The signed-in user as he is now, read again on every request of his session (one lookup by primary key, ~0.1 ms,
	 * and right on any number of nodes, which a cache invalidated on one node would not be): empty once he is disabled
	 * or gone, or his password was changed or reset after this session signed in, so his session ends; with his current
	 * role, so a demoted admin loses admin pages at his next request.
	 */
	public Optional<SignedInUser> current(SignedInUser signedIn) {
		return jdbc.sql("select " + COLUMNS + ", password_hash from users where id = ?")
			.param(signedIn.userId().value())
			.query((row, n) -> new Credentials(user(row, n), row.getString("password_hash")))
			.optional()
			.filter(found -> found.user().enabled() && found.user().tenantId().equals(signedIn.tenantId()))
			// A password changed or reset since this session signed in ends the session.
			.filter(found -> found.passwordHash().equals(signedIn.passwordHash()))
			.map(Credentials::user)
			.map(user -> new SignedInUser(user.id(), signedIn.tenantId(), signedIn.tenantKind(), signedIn.tenantName(),
					user.displayName(), user.email().value(), user.role(), true, signedIn.passwordHash()));
	}

	/**
	 * The signed-in user's new password, given his current one: every wrong field is named at once
	 * ({@code currentPassword}: {@code user.password-wrong}; {@code newPassword}: the {@link PasswordPolicy}'s reason;
	 * {@code repeatPassword}: {@code user.password-mismatch}). Every other session of his ends at its next request
	 * ({@link #current}); this one goes on with the returned principal.
	 */
	@Transactional
	public SignedInUser changePassword(SignedInUser me, String currentPassword, String newPassword, String repeatPassword) {
		Credentials credentials = jdbc.sql("select " + COLUMNS + ", password_hash from users where tenant_id = ? and id = ? for update")
			.params(me.tenantId().value(), me.userId().value())
			.query((row, n) -> new Credentials(user(row, n), row.getString("password_hash")))
			.optional()
			.orElseThrow(() -> new NotFound("user.not-found", me.userId()));
		InvalidFields.Collector fields = new InvalidFields.Collector();
		if (currentPassword == null || currentPassword.getBytes(StandardCharsets.UTF_8).length > NewUser.MAX_PASSWORD_BYTES
				|| !passwords.matches(currentPassword, credentials.passwordHash())) {
			fields.reject("currentPassword", new Rejected("user.password-wrong"));
		}
		fields.read("newPassword", () -> {
			checkPassword(newPassword, credentials.user());
			return null;
		});
		if (newPassword != null && !newPassword.equals(repeatPassword)) {
			fields.reject("repeatPassword", new Rejected("user.password-mismatch"));
		}
		fields.throwIfAny();
		String hash = setPassword(credentials.user(), newPassword);
		return new SignedInUser(me.userId(), me.tenantId(), me.tenantKind(), me.tenantName(), me.displayName(), me.email(),
				me.role(), me.enabled(), hash);
	}

	/**
	 * A password as every staff password must be: no longer than BCrypt reads, and passing {@link PasswordPolicy}
	 * with the user's organisation's name among his known words.
	 */
	void checkPassword(String password, User user) {
		if (password != null && password.getBytes(StandardCharsets.UTF_8).length > NewUser.MAX_PASSWORD_BYTES) {
			throw new Rejected("user.password-too-long", NewUser.MAX_PASSWORD_BYTES);
		}
		PasswordPolicy.check(password, user.email().value(), user.displayName(), organisation(user.tenantId()));
	}

	private String organisation(TenantId tenant) {
		return tenants.find(tenant).map(Tenant::name).orElse(null);
	}

	/** Stores a new password (checked by the caller); returns its hash. The user's sessions signed in before end. */
	String setPassword(User user, String password) {
		String hash = passwords.encode(password);
		jdbc.sql("update users set password_hash = ?, awaiting_password = false where tenant_id = ? and id = ?")
			.params(hash, user.tenantId().value(), user.id().value())
			.update();
		return hash;
	}

	/**
	 * An invited user: he exists (and may be given signals) but cannot sign in until he sets his password by his
	 * link: the password he has is a random one nobody is told.
	 */
	User createInvited(TenantId tenant, String email, String displayName, Role role) {
		if (role == null) {
			throw new Rejected("user.role-required");
		}
		if (role == Role.OPERATOR) {
			throw new Rejected("user.role-not-allowed");
		}
		User user = new User(UserId.random(), tenant, EmailAddress.forNewAccount(email), displayName, role, true, clock.instant());
		try {
			jdbc.sql("""
					insert into users (id, tenant_id, email, display_name, password_hash, role, enabled, created_at,
					    awaiting_password, ever_admin)
					values (?, ?, ?, ?, ?, ?, true, ?, true, ?)""")
				.params(user.id().value(), tenant.value(), user.email().value(), user.displayName(),
						passwords.encode(UUID.randomUUID().toString()), user.role().name(),
						Timestamp.from(user.createdAt()), user.role() == Role.ADMIN)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new Rejected("user.email-taken");
		}
		return user;
	}

	/** Whether the user is or ever was an admin: his password only the platform's operator resets. */
	public boolean everAdmin(TenantId tenant, UserId id) {
		return jdbc.sql("select ever_admin or role = 'ADMIN' from users where tenant_id = ? and id = ?")
			.params(tenant.value(), id.value())
			.query(Boolean.class)
			.optional()
			.orElseThrow(() -> new NotFound("user.not-found", id));
	}

	/** Whether the user was invited and has not yet set his password (he cannot sign in before). */
	public boolean awaitingPassword(TenantId tenant, UserId id) {
		return jdbc.sql("select awaiting_password from users where tenant_id = ? and id = ?")
			.params(tenant.value(), id.value())
			.query(Boolean.class)
			.optional()
			.orElseThrow(() -> new NotFound("user.not-found", id));
	}

	/** For sign-in only: the user with this login in whatever tenant, with the password hash. */
	Optional<Credentials> credentials(String email) {
		// Logins are stored in EmailAddress's normal form; lower() keeps finding any stored before it was NFKC.
		return jdbc.sql("select " + COLUMNS + ", password_hash from users where lower(email) = ?")
			.param(EmailAddress.normalize(email))
			.query((row, n) -> new Credentials(user(row, n), row.getString("password_hash")))
			.optional();
	}

	record Credentials(User user, String passwordHash) {

		@Override
		public String toString() {
			return "Credentials[" + user.id() + "]";
		}
	}

	static User user(ResultSet row, int rowNumber) throws SQLException {
		return new User(new UserId(row.getObject("id", UUID.class)), new TenantId(row.getObject("tenant_id", UUID.class)),
				new EmailAddress(row.getString("email")), row.getString("display_name"), Role.valueOf(row.getString("role")),
				row.getBoolean("enabled"), row.getTimestamp("created_at").toInstant());
	}
}

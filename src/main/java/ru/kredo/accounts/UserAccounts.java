package ru.kredo.accounts;

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

import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantId;

/** A tenant's users: every call names the tenant, and a user of another tenant is simply not found. */
@Service
public class UserAccounts {

	private static final String COLUMNS = "id, tenant_id, email, display_name, role, enabled, created_at";

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	public User create(TenantId tenant, NewUser request) {
		User user = new User(UserId.random(), tenant, new EmailAddress(request.email()), request.displayName(),
				request.role(), true, clock.instant());
		try {
			jdbc.sql("""
					insert into users (id, tenant_id, email, display_name, password_hash, role, enabled, created_at)
					values (?, ?, ?, ?, ?, ?, true, ?)""")
				.params(user.id().value(), tenant.value(), user.email().value(), user.displayName(),
						passwords.encode(request.password()), user.role().name(), Timestamp.from(user.createdAt()))
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
		jdbc.sql("update users set role = ? where tenant_id = ? and id = ?")
			.params(role.name(), tenant.value(), id.value())
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
		jdbc.sql("update users set enabled = ? where tenant_id = ? and id = ?")
			.params(enabled, tenant.value(), id.value())
			.update();
		if (user.enabled() && !enabled) {
			events.publishEvent(new UserPowersWithdrawn(tenant, id, UserPowersWithdrawn.Reason.DISABLED));
		}
		return get(tenant, id);
	}

	/** The user by id in whatever tenant: one lookup by primary key. */
	public Optional<User> find(UserId id) {
		return jdbc.sql("select " + COLUMNS + " from users where id = ?")
			.param(id.value())
			.query(UserAccounts::user)
			.optional();
	}

	/**
	 * The signed-in user as he is now, read again on every request of his session (one lookup by primary key, ~0.1 ms,
	 * and right on any number of nodes, which a cache invalidated on one node would not be): empty once he is disabled
	 * or gone, so his session ends; with his current role, so a demoted admin loses admin pages at his next request.
	 */
	public Optional<SignedInUser> current(SignedInUser signedIn) {
		return find(signedIn.userId())
			.filter(user -> user.enabled() && user.tenantId().equals(signedIn.tenantId()))
			.map(user -> new SignedInUser(user.id(), signedIn.tenantId(), signedIn.tenantKind(), signedIn.tenantName(),
					user.displayName(), user.email().value(), user.role(), true, signedIn.passwordHash()));
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

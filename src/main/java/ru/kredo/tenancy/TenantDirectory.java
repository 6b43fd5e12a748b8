package ru.kredo.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import ru.kredo.platform.NotFound;

/** Creates and finds tenants. Only operators reach it through the UI; the command line reaches it directly. */
@Service
public class TenantDirectory {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final Cache<TenantId, Tenant> found = Caffeine.newBuilder().maximumSize(10_000)
		.expireAfterWrite(Duration.ofMinutes(1)).build();

	TenantDirectory(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	public Tenant create(String name, TenantKind kind) {
		return create(name, kind, false, false);
	}

	/**
	 * A tenant created as a sandbox ({@code sandbox}) or a real one, for good: the flag is never changed afterwards
	 * (the database refuses it), and only a sandbox's clock may be moved ({@link TenantClocks}, docs/sandbox.md).
	 */
	@Transactional
	public Tenant create(String name, TenantKind kind, boolean sandbox) {
		return create(name, kind, false, sandbox);
	}

	/**
	 * A tenant of the demo: it alone may show sign-in codes on screen and pay through the sandbox. A sandbox, too: its
	 * admin may move its clock forward (docs/sandbox.md).
	 */
	@Transactional
	public Tenant createDemo(String name, TenantKind kind) {
		return create(name, kind, true, true);
	}

	private Tenant create(String name, TenantKind kind, boolean demo, boolean sandbox) {
		Tenant tenant = new Tenant(TenantId.random(), name, kind, clock.instant(), demo);
		jdbc.sql("insert into tenants (id, name, kind, created_at, demo, sandbox) values (?, ?, ?, ?, ?, ?)")
			.params(tenant.id().value(), tenant.name(), kind.name(), java.sql.Timestamp.from(tenant.createdAt()), demo,
					sandbox)
			.update();
		events.publishEvent(new TenantCreated(tenant.id(), kind));
		return tenant;
	}

	public Tenant get(TenantId id) {
		return find(id).orElseThrow(() -> new NotFound("tenant.not-found", id));
	}

	/**
	 * The tenant, remembered for a minute once found: every cabinet page starts by finding its agency, and tenants do
	 * not change once created. An unknown id is asked again each time (it may be created meanwhile).
	 */
	public Optional<Tenant> find(TenantId id) {
		Tenant known = found.getIfPresent(id);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<Tenant> tenant = jdbc.sql("select id, name, kind, created_at, demo from tenants where id = ?")
			.param(id.value())
			.query(TenantDirectory::tenant)
			.optional();
		tenant.ifPresent(t -> found.put(id, t));
		return tenant;
	}

	public Optional<Tenant> findByName(String name) {
		return jdbc.sql("select id, name, kind, created_at, demo from tenants where name = ?")
			.param(name)
			.query(TenantDirectory::tenant)
			.optional();
	}

	public List<Tenant> all() {
		return jdbc.sql("select id, name, kind, created_at, demo from tenants order by created_at")
			.query(TenantDirectory::tenant)
			.list();
	}

	private static Tenant tenant(java.sql.ResultSet row, int rowNumber) throws java.sql.SQLException {
		return new Tenant(new TenantId(row.getObject("id", java.util.UUID.class)), row.getString("name"),
				TenantKind.valueOf(row.getString("kind")), row.getTimestamp("created_at").toInstant(),
				row.getBoolean("demo"));
	}
}

package ru.kredo.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.accounts.NewUser;
import ru.kredo.accounts.Role;
import ru.kredo.accounts.UserAccounts;
import ru.kredo.events.simulator.Population;
import ru.kredo.platform.EmbeddedDatabase;
import ru.kredo.platform.KredoProperties;
import ru.kredo.platform.PublicAddress;
import ru.kredo.tenancy.Tenant;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/** Loads the demo once; on later starts it finds the demo tenants and only prints the logins again. */
@Component
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "kredo-demo";
	static final String BROKER = "Финансовый компас (демо)";
	static final String COLLECTOR = "ПКО «Возврат» (демо)";

	/** The demo's people: the broker's clients first, then the agency's debtors. */
	static final Population PEOPLE = new Population(2024, 370);
	static final int BROKER_PEOPLE = 130;

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final boolean enabled;
	private final TenantDirectory tenants;
	private final UserAccounts accounts;
	private final DemoMonitoring monitoring;
	private final TransactionTemplate transaction;
	private final DemoDebts debts;
	private final PublicAddress address;
	private final DataSource dataSource;
	private volatile boolean ready;

	DemoData(KredoProperties properties, ObjectProvider<EmbeddedDatabase> embedded, TenantDirectory tenants,
			UserAccounts accounts, DemoMonitoring monitoring, TransactionTemplate transaction, DemoDebts debts,
			PublicAddress address, DataSource dataSource) {
		this.dataSource = dataSource;
		this.enabled = properties.demo() != null ? properties.demo() : embedded.getIfAvailable() != null;
		this.tenants = tenants;
		this.accounts = accounts;
		this.monitoring = monitoring;
		this.transaction = transaction;
		this.debts = debts;
		this.address = address;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		// Two nodes starting together on an empty database (docs/scaling.md) load it once: the other waits for this
		// lock, then finds the demo there. A lock of the session on a connection of its own, so that what it guards
		// still commits in its own transactions.
		try (Connection lock = dataSource.getConnection()) {
			advisory(lock, "select pg_advisory_lock(hashtextextended('kredo-demo-data', 0))");
			try {
				loadOnce();
			}
			finally {
				advisory(lock, "select pg_advisory_unlock(hashtextextended('kredo-demo-data', 0))");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not lock the demo's loading", ex);
		}
	}

	private static void advisory(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private void loadOnce() {
		if (tenants.findByName(BROKER).isEmpty()) {
			transaction.executeWithoutResult(status -> load());
		}
		TenantId collector = tenants.findByName(COLLECTOR).orElseThrow().id();
		monitoring.startOnce(tenants.findByName(BROKER).orElseThrow().id(), collector);
		debts.startOnce(collector).ifPresent(debtor -> log.info("""

				  The debtor's cabinet of «{}»: {}/cabinet/{}
				  Sign in as one of its debtors: {}, {} (the SMS code is shown on screen in the demo)
				""", COLLECTOR, address.base(), collector, debtor.name().display(), debtor.phone().display()));
		ready = true;
		log.info("""

				  Kredo demo is ready at {}. Sign in with password {}:
				    operator@kredo.demo         platform operator (creates tenants)
				    broker-admin@kredo.demo     admin of the credit broker «{}»
				    broker@kredo.demo           manager of the credit broker
				    collector-admin@kredo.demo  admin of the collection agency «{}»
				    collector@kredo.demo        manager of the collection agency
				""", address.base(), PASSWORD, BROKER, COLLECTOR);
	}

	private void load() {
		accounts.create(TenantId.PLATFORM, new NewUser("operator@kredo.demo", "Оператор Kredo", Role.OPERATOR, PASSWORD));
		Tenant broker = tenants.createDemo(BROKER, TenantKind.BROKER);
		accounts.create(broker.id(), new NewUser("broker-admin@kredo.demo", "Ирина Соколова", Role.ADMIN, PASSWORD));
		accounts.create(broker.id(), new NewUser("broker@kredo.demo", "Павел Орлов", Role.MANAGER, PASSWORD));
		Tenant collector = tenants.createDemo(COLLECTOR, TenantKind.COLLECTOR);
		accounts.create(collector.id(), new NewUser("collector-admin@kredo.demo", "Марина Лебедева", Role.ADMIN, PASSWORD));
		accounts.create(collector.id(), new NewUser("collector@kredo.demo", "Олег Захаров", Role.MANAGER, PASSWORD));
		log.info("Demo loaded: 2 tenants, 5 users");
	}

	/** Whether the demo is on and loaded. */
	boolean isReady() {
		return ready;
	}
}

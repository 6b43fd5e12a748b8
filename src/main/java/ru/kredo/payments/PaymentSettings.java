package ru.kredo.payments;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.kredo.payments.internal.PaymentProvider;
import ru.kredo.tenancy.TenantId;

/**
 * An agency's payment settings, and whether it can take payments online at all. Receipts (54-ФЗ) are issued by ЮKassa
 * with every payment unless the agency turns them off, because it issues them from its own cash register.
 */
@Service
public class PaymentSettings {

	private final JdbcClient jdbc;
	private final PaymentProvider provider;
	private final Clock clock;

	PaymentSettings(JdbcClient jdbc, PaymentProvider provider, Clock clock) {
		this.jdbc = jdbc;
		this.provider = provider;
		this.clock = clock;
	}

	/**
	 * Whether the tenant's debtors can pay online: a provider is configured for it. The sandbox, which moves no money,
	 * serves the demo's tenants only; any other tenant needs ЮKassa's shop configured.
	 */
	public boolean available(TenantId tenant) {
		return provider.serves(tenant);
	}

	/** Whether the provider is to issue a 54-ФЗ receipt with each payment of this tenant; on by default. */
	public boolean receipts(TenantId tenant) {
		return jdbc.sql("select receipts from payment_settings where tenant_id = ?")
			.param(tenant.value())
			.query(Boolean.class)
			.optional()
			.orElse(true);
	}

	public void receipts(TenantId tenant, boolean receipts) {
		jdbc.sql("""
				insert into payment_settings (tenant_id, receipts, updated_at) values (?, ?, ?)
				on conflict (tenant_id) do update set receipts = excluded.receipts, updated_at = excluded.updated_at""")
			.params(tenant.value(), receipts, Timestamp.from(clock.instant()))
			.update();
	}
}

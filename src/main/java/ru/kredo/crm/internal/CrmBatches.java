package ru.kredo.crm.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import ru.kredo.crm.internal.CrmDeliveries.Delivery;
import ru.kredo.tenancy.TenantId;

/** How every connector's dispatcher works a batch of its queue. */
final class CrmBatches {

	private CrmBatches() {
	}

	/**
	 * Leases up to {@code limit} of the CRM's rows due at {@code now} (through the queue's proxy, so under its row
	 * locks) and works them: one tenant's one after another (a CRM limits requests per account), tenants in parallel,
	 * each on a virtual thread. Returns once all are worked, with how many there were.
	 */
	static int work(CrmDeliveries deliveries, Crm crm, Instant now, int limit, Consumer<Delivery> attempt) {
		List<Delivery> batch = deliveries.claim(crm, now, limit);
		Map<TenantId, List<Delivery>> byTenant = new LinkedHashMap<>();
		batch.forEach(d -> byTenant.computeIfAbsent(d.tenantId(), t -> new ArrayList<>()).add(d));
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			byTenant.values().forEach(list -> threads.submit(() -> list.forEach(attempt)));
		}
		return batch.size();
	}
}

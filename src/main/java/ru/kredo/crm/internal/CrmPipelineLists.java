package ru.kredo.crm.internal;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import ru.kredo.tenancy.TenantId;

/**
 * The pipelines and stages a connected CRM account offers on its settings page, kept per account for
 * {@code kredo.crm.pipelines-cache} (5 minutes): Bitrix24 costs one request plus one per pipeline to read them, amoCRM
 * one, and both count against the account's request budget that deliveries share. Only a list that was read is kept
 * (a failure or an empty list is asked again next time); «Обновить список», connecting, disconnecting and new keys
 * drop it ({@link #forget}). Per node: another node may show its own copy until it expires.
 */
@Component
public class CrmPipelineLists {

	private record Key(Crm crm, TenantId tenant) {
	}

	private final Cache<Key, List<?>> lists;

	CrmPipelineLists(@Value("${kredo.crm.pipelines-cache:5m}") Duration keep) {
		this.lists = Caffeine.newBuilder().expireAfterWrite(keep).maximumSize(10_000).build();
	}

	/** The account's list as kept, or as {@code read} reads it now (then kept); throws what {@code read} throws. */
	@SuppressWarnings("unchecked")
	public <T> List<T> get(Crm crm, TenantId tenant, Supplier<List<T>> read) {
		List<?> list = lists.get(new Key(crm, tenant), key -> {
			List<T> fresh = read.get();
			return fresh == null || fresh.isEmpty() ? null : List.copyOf(fresh);
		});
		return list == null ? List.of() : (List<T>) list;
	}

	/** Drops the account's list: the next view reads it from the CRM. */
	public void forget(Crm crm, TenantId tenant) {
		lists.invalidate(new Key(crm, tenant));
	}
}

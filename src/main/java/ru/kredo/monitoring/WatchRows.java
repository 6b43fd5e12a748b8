package ru.kredo.monitoring;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/**
 * Upserts many watches of one list in one statement through {@code unnest} of column arrays: an import of a million
 * rows cannot afford a round trip per person. PostgreSQL refuses to upsert one row twice in a statement, so a
 * contact that comes again in the same batch goes in a later round, as if the watches were written one by one.
 */
final class WatchRows {

	private final JdbcClient jdbc;

	WatchRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The ids of the upserted watches, by contact. */
	Map<ContactId, UUID> upsert(TenantId tenant, ListId list, List<Watch> watches) {
		Map<ContactId, UUID> ids = new HashMap<>();
		for (List<Watch> round : rounds(watches)) {
			upsertRound(tenant, list, round, ids);
		}
		return ids;
	}

	private static List<List<Watch>> rounds(List<Watch> watches) {
		List<List<Watch>> rounds = new ArrayList<>();
		Map<ContactId, Integer> seen = new HashMap<>();
		for (Watch watch : watches) {
			int round = seen.merge(watch.contactId(), 1, Integer::sum) - 1;
			if (round == rounds.size()) {
				rounds.add(new ArrayList<>());
			}
			rounds.get(round).add(watch);
		}
		return rounds;
	}

	private void upsertRound(TenantId tenant, ListId list, List<Watch> watches, Map<ContactId, UUID> ids) {
		jdbc.sql("""
				insert into watches (id, tenant_id, contact_id, list_id, segment, starts_on, ends_on, event_types,
				    manager_id, notes, consent_given_on, consent_purpose, consent_method, contract_concluded_on,
				    contract_ends_on, status, recommendations, created_at, updated_at)
				select r.id::uuid, ?, r.contact_id::uuid, ?, r.segment, r.starts_on::date, r.ends_on::date,
				    string_to_array(r.event_types, ','), r.manager_id::uuid, r.notes, r.consent_given_on::date,
				    r.consent_purpose, r.consent_method, r.contract_concluded_on::date, r.contract_ends_on::date, r.status,
				    string_to_array(r.recommendations, ','), r.created_at::timestamptz, r.created_at::timestamptz
				from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
				    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
				    as r (id, contact_id, segment, starts_on, ends_on, event_types, manager_id, notes, consent_given_on,
				    consent_purpose, consent_method, contract_concluded_on, contract_ends_on, status, recommendations,
				    created_at)
				on conflict (tenant_id, contact_id, coalesce(list_id, '00000000-0000-0000-0000-000000000000'::uuid))
				do update set segment = excluded.segment, ends_on = excluded.ends_on, event_types = excluded.event_types,
				    manager_id = coalesce(excluded.manager_id, watches.manager_id),
				    notes = coalesce(excluded.notes, watches.notes),
				    consent_given_on = coalesce(excluded.consent_given_on, watches.consent_given_on),
				    consent_purpose = coalesce(excluded.consent_purpose, watches.consent_purpose),
				    consent_method = coalesce(excluded.consent_method, watches.consent_method),
				    contract_concluded_on = coalesce(excluded.contract_concluded_on, watches.contract_concluded_on),
				    contract_ends_on = coalesce(excluded.contract_ends_on, watches.contract_ends_on),
				    status = case when excluded.status = 'ACTIVE' then 'ACTIVE' else watches.status end,
				    stop_reason = case when excluded.status = 'ACTIVE' then null else watches.stop_reason end,
				    recommendations = excluded.recommendations, updated_at = excluded.updated_at
				returning id, contact_id""")
			.params(tenant.value(), list == null ? null : list.value(), texts(watches, w -> w.id().toString()),
					texts(watches, w -> w.contactId().toString()), texts(watches, w -> w.segment().name()),
					texts(watches, w -> w.startsOn().toString()), texts(watches, w -> w.endsOn().toString()),
					texts(watches, w -> names(w.eventTypes())),
					texts(watches, w -> w.managerId() == null ? null : w.managerId().toString()),
					texts(watches, Watch::notes), consent(watches, c -> c.givenOn().toString()),
					consent(watches, Consent::purpose), consent(watches, c -> c.method().name()),
					consent(watches, c -> day(c.contractConcludedOn())), consent(watches, c -> day(c.contractEndsOn())),
					texts(watches, w -> w.status().name()), texts(watches, w -> names(w.recommendations())),
					texts(watches, w -> Timestamp.from(w.createdAt()).toInstant().toString()))
			.query((row, n) -> {
				ids.put(new ContactId(row.getObject("contact_id", UUID.class)), row.getObject("id", UUID.class));
				return null;
			})
			.list();
	}

	private static String[] texts(Collection<Watch> watches, Function<Watch, String> value) {
		return watches.stream().map(value).toArray(String[]::new);
	}

	private static String[] consent(Collection<Watch> watches, Function<Consent, String> value) {
		return texts(watches, w -> w.consent() == null ? null : value.apply(w.consent()));
	}

	private static String names(Set<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	private static String day(LocalDate day) {
		return day == null ? null : day.toString();
	}
}

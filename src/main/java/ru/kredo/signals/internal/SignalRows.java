package ru.kredo.signals.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import ru.kredo.monitoring.Watch;

/** Writes what a batch raised: new signals, folded ones, and which events each watch matched; each in one statement. */
@Component
class SignalRows {

	private final JdbcClient jdbc;
	private final Clock clock;

	SignalRows(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	// One statement per batch, not per signal: a daily batch raises tens of thousands.
	void insert(List<OpenSignal> created) {
		if (created.isEmpty()) {
			return;
		}
		int n = created.size();
		UUID[] ids = new UUID[n];
		UUID[] tenants = new UUID[n];
		UUID[] watchIds = new UUID[n];
		UUID[] contacts = new UUID[n];
		UUID[] lists = new UUID[n];
		String[] segments = new String[n];
		String[] types = new String[n];
		Integer[] priorities = new Integer[n];
		Integer[] counts = new Integer[n];
		String[] firsts = new String[n];
		String[] lasts = new String[n];
		String[] amounts = new String[n];
		UUID[] assignees = new UUID[n];
		for (int i = 0; i < n; i++) {
			OpenSignal s = created.get(i);
			Watch w = s.person.watch();
			ids[i] = s.id;
			tenants[i] = w.tenantId().value();
			watchIds[i] = w.id().value();
			contacts[i] = w.contactId().value();
			lists[i] = w.listId() == null ? null : w.listId().value();
			segments[i] = w.segment().name();
			types[i] = s.type.name();
			priorities[i] = s.priority;
			counts[i] = s.count;
			firsts[i] = s.firstEventAt.toString();
			lasts[i] = s.lastEventAt.toString();
			amounts[i] = s.amount == null ? null : s.amount.toPlainString();
			assignees[i] = w.managerId() == null ? null : w.managerId().value();
		}
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				insert into signals (id, tenant_id, watch_id, contact_id, list_id, segment, event_type, priority,
				    event_count, first_event_at, last_event_at, amount, status, assignee_id, created_at, updated_at)
				select id, tenant, watch, contact, list, segment, type, priority, count, first::timestamptz, last::timestamptz,
				    amount::numeric, 'OPEN',
				    assignee, ?, ?
				from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::int[],
				            ?::int[], ?::text[], ?::text[], ?::text[], ?::uuid[])
				    as s(id, tenant, watch, contact, list, segment, type, priority, count, first, last, amount, assignee)""")
			.params(now, now, ids, tenants, watchIds, contacts, lists, segments, types, priorities, counts, firsts, lasts,
					amounts, assignees)
			.update();
	}

	void update(List<OpenSignal> folded) {
		if (folded.isEmpty()) {
			return;
		}
		int n = folded.size();
		UUID[] ids = new UUID[n];
		Integer[] counts = new Integer[n];
		String[] lasts = new String[n];
		String[] amounts = new String[n];
		for (int i = 0; i < n; i++) {
			OpenSignal s = folded.get(i);
			ids[i] = s.id;
			counts[i] = s.count;
			lasts[i] = s.lastEventAt.toString();
			amounts[i] = s.amount == null ? null : s.amount.toPlainString();
		}
		jdbc.sql("""
				update signals set event_count = f.count, last_event_at = f.last::timestamptz, amount = f.amount::numeric,
				    updated_at = ?
				from unnest(?::uuid[], ?::int[], ?::text[], ?::text[]) as f(id, count, last, amount)
				where signals.id = f.id""")
			.params(Timestamp.from(clock.instant()), ids, counts, lasts, amounts)
			.update();
	}

	void link(List<Object[]> links) {
		int n = links.size();
		UUID[] tenants = new UUID[n];
		UUID[] watchIds = new UUID[n];
		Long[] eventIds = new Long[n];
		UUID[] signalIds = new UUID[n];
		for (int i = 0; i < n; i++) {
			tenants[i] = (UUID) links.get(i)[0];
			watchIds[i] = (UUID) links.get(i)[1];
			eventIds[i] = (Long) links.get(i)[2];
			signalIds[i] = (UUID) links.get(i)[3];
		}
		jdbc.sql("""
				insert into signal_events (tenant_id, watch_id, event_id, signal_id)
				select * from unnest(?::uuid[], ?::uuid[], ?::bigint[], ?::uuid[]) on conflict do nothing""")
			.params(tenants, watchIds, eventIds, signalIds)
			.update();
	}
}

package ru.kredo.contacting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/**
 * What the log ({@code contact_attempts}) says the rules need: when the debtor received the counted contacts of a
 * kind. The gate writes the log; this reads the counts for the gate, the card and the API alike.
 */
@Service
public class ContactLog {

	private final JdbcClient jdbc;

	ContactLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * When the debtor received the counted contacts of {@code kind} since {@code since} (a month and a day before now
	 * is always enough for {@link ContactRules}), oldest first.
	 */
	public List<Instant> counted(TenantId tenant, ContactId debtor, ContactKind kind, Instant since) {
		return jdbc.sql("""
				select sent_at from contact_attempts
				where tenant_id = ? and contact_id = ? and kind = ? and counted and sent_at > ?
				order by sent_at""")
			.params(tenant.value(), debtor.value(), kind.name(), Timestamp.from(since))
			.query((row, n) -> row.getTimestamp("sent_at").toInstant())
			.list();
	}

	/**
	 * How many attempts (the gate's ids) of each group are in each state now, a held one counted as sent once it went:
	 * one statement whatever the number of groups (a page of invitations); a group with no attempt is absent.
	 */
	public Map<UUID, Map<Contacting.State, Long>> statesByGroup(TenantId tenant, Map<UUID, ? extends Collection<UUID>> groups) {
		Map<UUID, Map<Contacting.State, Long>> states = new HashMap<>();
		List<String> keys = new ArrayList<>();
		List<String> attempts = new ArrayList<>();
		groups.forEach((key, ids) -> ids.forEach(id -> {
			keys.add(key.toString());
			attempts.add(id.toString());
		}));
		if (attempts.isEmpty()) {
			return states;
		}
		jdbc.sql("""
				select g.key, a.state, count(*) as n
				from unnest(?::uuid[], ?::uuid[]) as g(key, attempt) join contact_attempts a on a.id = g.attempt
				where a.tenant_id = ? group by g.key, a.state""")
			.params(keys.toArray(String[]::new), attempts.toArray(String[]::new), tenant.value())
			.query(row -> {
				states.computeIfAbsent(row.getObject("key", UUID.class), key -> new EnumMap<>(Contacting.State.class))
					.put(Contacting.State.valueOf(row.getString("state")), row.getLong("n"));
			});
		return states;
	}
}

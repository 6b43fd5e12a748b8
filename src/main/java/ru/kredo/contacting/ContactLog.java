package ru.kredo.contacting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
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

	/** How many of these attempts (the gate's ids) are in each state now: a held one counts as sent once it went. */
	public Map<Contacting.State, Long> states(TenantId tenant, Collection<UUID> attempts) {
		Map<Contacting.State, Long> states = new EnumMap<>(Contacting.State.class);
		if (attempts.isEmpty()) {
			return states;
		}
		jdbc.sql("select state, count(*) as n from contact_attempts where tenant_id = ? and id = any(?::uuid[]) group by state")
			.params(tenant.value(), attempts.stream().map(UUID::toString).toArray(String[]::new))
			.query(row -> {
				states.put(Contacting.State.valueOf(row.getString("state")), row.getLong("n"));
			});
		return states;
	}
}

package ru.kredo.signals;

import static ru.kredo.events.CreditEventType.APPLICATION;
import static ru.kredo.events.CreditEventType.APPLICATION_APPROVED;
import static ru.kredo.events.CreditEventType.APPLICATION_REJECTED;
import static ru.kredo.events.CreditEventType.BANKRUPTCY;
import static ru.kredo.events.CreditEventType.CONTRACT_SIGNED;
import static ru.kredo.events.CreditEventType.COURT_CASE;
import static ru.kredo.events.CreditEventType.DEBT_ASSIGNED;
import static ru.kredo.events.CreditEventType.FRAUD_FLAG;
import static ru.kredo.events.CreditEventType.LOAN_CLOSED;
import static ru.kredo.events.CreditEventType.LOAN_DISBURSED;
import static ru.kredo.events.CreditEventType.OVERDUE_CURED;
import static ru.kredo.events.CreditEventType.OVERDUE_STARTED;
import static ru.kredo.events.CreditEventType.OVERDUE_WORSENED;
import static ru.kredo.events.CreditEventType.PERSONAL_DATA_CHANGED;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.events.CreditEventType;
import ru.kredo.monitoring.Segment;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantId;

/**
 * How urgent a signal is, 1 (act today) to 5 (for information), by why the person is watched and what happened
 * (PRODUCT.md, "Each watch has a segment"). A tenant may override any pair, and reset it to the default; a change
 * ranks the signals raised after it.
 */
@Service
public class SignalRanking {

	static final int DEFAULT = 4;
	private static final Map<Segment, Map<CreditEventType, Integer>> DEFAULTS = new EnumMap<>(Segment.class);

	static {
		rank(Segment.IN_PROGRESS, 1, APPLICATION, LOAN_DISBURSED);
		rank(Segment.IN_PROGRESS, 2, APPLICATION_APPROVED, APPLICATION_REJECTED, CONTRACT_SIGNED, BANKRUPTCY, FRAUD_FLAG);
		rank(Segment.IN_PROGRESS, 3, OVERDUE_STARTED, OVERDUE_WORSENED, COURT_CASE);
		rank(Segment.PROSPECT, 1, APPLICATION);
		rank(Segment.PROSPECT, 2, APPLICATION_REJECTED);
		rank(Segment.PROSPECT, 3, APPLICATION_APPROVED, LOAN_DISBURSED);
		rank(Segment.PREPARING, 1, LOAN_CLOSED, OVERDUE_CURED);
		rank(Segment.PREPARING, 3, APPLICATION, OVERDUE_STARTED, OVERDUE_WORSENED);
		rank(Segment.PAUSED, 1, APPLICATION);
		rank(Segment.PAUSED, 3, LOAN_DISBURSED, APPLICATION_REJECTED);
		rank(Segment.ACTIVE, 1, OVERDUE_STARTED, OVERDUE_WORSENED);
		rank(Segment.ACTIVE, 2, APPLICATION, LOAN_DISBURSED, COURT_CASE, BANKRUPTCY);
		rank(Segment.DEBTOR, 1, LOAN_DISBURSED, BANKRUPTCY);
		rank(Segment.DEBTOR, 2, PERSONAL_DATA_CHANGED, COURT_CASE, DEBT_ASSIGNED, APPLICATION_APPROVED);
		rank(Segment.DEBTOR, 3, APPLICATION, OVERDUE_CURED, LOAN_CLOSED);
		// Bankruptcy and a fraud flag matter to every segment.
		for (Segment segment : Segment.values()) {
			DEFAULTS.computeIfAbsent(segment, s -> new EnumMap<>(CreditEventType.class)).putIfAbsent(BANKRUPTCY, 2);
			DEFAULTS.get(segment).putIfAbsent(FRAUD_FLAG, 2);
		}
	}

	private final JdbcClient jdbc;

	SignalRanking(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public static int defaultPriority(Segment segment, CreditEventType type) {
		return DEFAULTS.get(segment).getOrDefault(type, DEFAULT);
	}

	/** The ranking of one tenant: its overrides over the defaults. Read once per batch, not per event. */
	public Ranking of(TenantId tenant) {
		Map<String, Integer> overrides = overrides(tenant);
		return (segment, type) -> overrides.getOrDefault(key(segment, type), defaultPriority(segment, type));
	}

	/** Every segment × event type of the tenant's ranking, by segment then event type, its own settings marked. */
	public List<Priority> table(TenantId tenant) {
		Map<String, Integer> overrides = overrides(tenant);
		List<Priority> table = new ArrayList<>();
		for (Segment segment : Segment.values()) {
			for (CreditEventType type : CreditEventType.values()) {
				table.add(priority(overrides, segment, type));
			}
		}
		return table;
	}

	public Priority priority(TenantId tenant, Segment segment, CreditEventType type) {
		return priority(overrides(tenant), segment, type);
	}

	/** The rankings of many tenants at once, for a batch that concerns them all. */
	public Map<TenantId, Ranking> of(List<TenantId> tenants) {
		Map<TenantId, Ranking> rankings = new HashMap<>();
		for (TenantId tenant : tenants) {
			rankings.computeIfAbsent(tenant, this::of);
		}
		return rankings;
	}

	@Transactional
	public void override(TenantId tenant, Segment segment, CreditEventType type, int priority) {
		if (priority < 1 || priority > 5) {
			throw new Rejected("signal.priority-invalid");
		}
		jdbc.sql("""
				insert into signal_priorities (tenant_id, segment, event_type, priority) values (?, ?, ?, ?)
				on conflict (tenant_id, segment, event_type) do update set priority = excluded.priority""")
			.params(tenant.value(), segment.name(), type.name(), priority)
			.update();
	}

	/** Back to Kredo's default for this pair; signals raised before keep their priority. */
	@Transactional
	public void reset(TenantId tenant, Segment segment, CreditEventType type) {
		jdbc.sql("delete from signal_priorities where tenant_id = ? and segment = ? and event_type = ?")
			.params(tenant.value(), segment.name(), type.name())
			.update();
	}

	private Map<String, Integer> overrides(TenantId tenant) {
		Map<String, Integer> overrides = new HashMap<>();
		jdbc.sql("select segment, event_type, priority from signal_priorities where tenant_id = ?")
			.param(tenant.value())
			.query(row -> {
				overrides.put(row.getString("segment") + "." + row.getString("event_type"), row.getInt("priority"));
			});
		return overrides;
	}

	private static Priority priority(Map<String, Integer> overrides, Segment segment, CreditEventType type) {
		Integer own = overrides.get(key(segment, type));
		int standard = defaultPriority(segment, type);
		return new Priority(segment, type, own == null ? standard : own, standard, own != null);
	}

	private static String key(Segment segment, CreditEventType type) {
		return segment.name() + "." + type.name();
	}

	private static void rank(Segment segment, int priority, CreditEventType... types) {
		Map<CreditEventType, Integer> ranks = DEFAULTS.computeIfAbsent(segment, s -> new EnumMap<>(CreditEventType.class));
		for (CreditEventType type : types) {
			ranks.put(type, priority);
		}
	}

	/** A tenant's priorities. */
	@FunctionalInterface
	public interface Ranking {
		int priority(Segment segment, CreditEventType type);
	}
}

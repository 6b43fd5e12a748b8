package ru.kredo.signals;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import ru.kredo.tenancy.TenantKind;

/**
 * How working a signal ended. A broker and a collection agency end their calls differently: each kind of tenant
 * records only its own outcomes ({@link #of(TenantKind)}), and the conversion counts them with one definition
 * ({@link #reached()}, {@link #success()}; {@code docs/metrics.md}). The names are stored and sent over the API as they
 * are: never rename one.
 */
public enum Outcome {

	/** Spoke with the person (either kind); nothing more came of it yet. */
	REACHED(true, false, TenantKind.BROKER, TenantKind.COLLECTOR),

	NO_ANSWER(false, false, TenantKind.BROKER, TenantKind.COLLECTOR),

	/** The number is not the person's (either kind). */
	WRONG_NUMBER(false, false, TenantKind.BROKER, TenantKind.COLLECTOR),

	/** A broker's success: a contract, a loan issued. */
	DEAL(true, true, TenantKind.BROKER),

	/** A broker's client who declined. */
	NOT_INTERESTED(true, false, TenantKind.BROKER),

	/** A debtor who promised to pay by a date. */
	PROMISED_TO_PAY(true, false, TenantKind.COLLECTOR),

	/** A collection agency's success: the debtor paid, or settled. */
	PAID(true, true, TenantKind.COLLECTOR),

	/** A debtor who refused to pay. */
	REFUSED_TO_PAY(true, false, TenantKind.COLLECTOR),

	/**
	 * A «do not contact» signal (a bankruptcy) taken into account: nobody called, so it is the only way such a
	 * signal ends, and the only one it offers.
	 */
	NOTED(false, false, TenantKind.BROKER, TenantKind.COLLECTOR);

	private final boolean reached;
	private final boolean success;
	private final Set<TenantKind> kinds;

	Outcome(boolean reached, boolean success, TenantKind... kinds) {
		this.reached = reached;
		this.success = success;
		this.kinds = EnumSet.copyOf(List.of(kinds));
	}

	/** Whether the manager got through to the person. */
	public boolean reached() {
		return reached;
	}

	/** Whether the signal paid off: the broker's deal, the agency's payment. */
	public boolean success() {
		return success;
	}

	public boolean isFor(TenantKind kind) {
		return kinds.contains(kind);
	}

	/** The outcomes a tenant of this kind records for a call, in the order its buttons show. */
	public static List<Outcome> of(TenantKind kind) {
		return Arrays.stream(values()).filter(o -> o.isFor(kind) && o != NOTED)
			.sorted((a, b) -> Boolean.compare(b.success, a.success))
			.toList();
	}

	/** How this signal may end for a tenant of this kind: a «do not contact» signal is only ever noted. */
	public static List<Outcome> of(TenantKind kind, Signal signal) {
		return signal.stopContact() ? List.of(NOTED) : of(kind);
	}

	/** The names of the outcomes that count as reached (or, {@code success}: as a success), quoted for SQL. */
	static String sqlList(boolean successOnly) {
		return Arrays.stream(values()).filter(o -> successOnly ? o.success : o.reached)
			.map(o -> "'" + o.name() + "'")
			.collect(Collectors.joining(", "));
	}
}

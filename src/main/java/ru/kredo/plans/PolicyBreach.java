package ru.kredo.plans;

import java.util.List;

/**
 * A rule of the agency's {@link PlanPolicy} that a schedule breaks, as a message key ({@code plan.breach.<code>})
 * and its arguments: a request that breaks one goes to the agency's inbox instead of being approved at once.
 */
public record PolicyBreach(String code, List<Object> arguments) {

	public PolicyBreach {
		arguments = List.copyOf(arguments);
	}

	public String messageKey() {
		return "plan.breach." + code;
	}
}

package ru.kredo.crm.internal;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Kredo takes from a webhook amoCRM posts ({@code application/x-www-form-urlencoded}, fields named
 * {@code entity[action][n][field]}): only the ids of the tasks that changed ({@code task[update][n][id]}) and of the
 * leads whose status changed ({@code leads[status][n][id]}, also {@code leads[update]}). Nothing else in it is
 * believed: each id is read back from amoCRM. At most {@link #MAX_IDS} of each; the rest is ignored.
 */
public record AmoCrmHook(Set<Long> tasks, Set<Long> leads) {

	public static final int MAX_IDS = 100;

	private static final Pattern ID = Pattern.compile("(task|tasks|leads)\\[(add|update|status)\\]\\[\\d{1,4}\\]\\[id\\]");
	private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,17}");

	/** From the form's fields (name → values), as the servlet container parsed them. */
	public static AmoCrmHook of(Map<String, String[]> form) {
		Set<Long> tasks = new LinkedHashSet<>();
		Set<Long> leads = new LinkedHashSet<>();
		for (Map.Entry<String, String[]> field : form.entrySet()) {
			Matcher name = ID.matcher(field.getKey());
			if (!name.matches() || field.getValue() == null) {
				continue;
			}
			Set<Long> into = name.group(1).equals("leads") ? leads : tasks;
			if (name.group(1).equals("leads") && name.group(2).equals("add")) {
				continue;
			}
			for (String value : field.getValue()) {
				if (value != null && NUMBER.matcher(value.strip()).matches() && into.size() < MAX_IDS) {
					into.add(Long.parseLong(value.strip()));
				}
			}
		}
		return new AmoCrmHook(Set.copyOf(tasks), Set.copyOf(leads));
	}

	public boolean isEmpty() {
		return tasks.isEmpty() && leads.isEmpty();
	}
}

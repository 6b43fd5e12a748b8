package ru.kredo.crm.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What Kredo takes from an event Bitrix24 posts to its handler ({@code application/x-www-form-urlencoded}: {@code event},
 * {@code data[…]}, {@code ts}, {@code auth[…]}): the event's name, the one id it names — the task's
 * ({@code data[FIELDS_AFTER][ID]} of {@code ONTASKUPDATE}) or the deal's ({@code data[FIELDS][ID]} of
 * {@code ONCRMDEALUPDATE}) — and who says it is Bitrix24 ({@code auth[domain]}, {@code auth[member_id]},
 * {@code auth[application_token]}, and {@code auth[access_token]}: the acting user's token for the application, which
 * the portal can vouch for). Nothing else in it is believed: the entity is read back from the portal.
 *
 * @param entityType {@code TASK} or {@code DEAL}; empty for any other event
 */
public record Bitrix24Event(String event, Optional<String> entityType, long entityId, String domain, String memberId,
		String applicationToken, String accessToken) {

	private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,17}");

	/** From the form's fields (name → values), as the servlet container parsed them. */
	public static Bitrix24Event of(Map<String, String[]> form) {
		String event = first(form, "event").toUpperCase(Locale.ROOT);
		Optional<String> type = Optional.empty();
		String id = "";
		if (event.equals("ONTASKUPDATE")) {
			type = Optional.of("TASK");
			id = first(form, "data[FIELDS_AFTER][ID]");
		}
		else if (event.equals("ONCRMDEALUPDATE")) {
			type = Optional.of("DEAL");
			id = first(form, "data[FIELDS][ID]");
		}
		boolean number = NUMBER.matcher(id).matches();
		return new Bitrix24Event(event, number ? type : Optional.empty(), number ? Long.parseLong(id) : 0,
				first(form, "auth[domain]"), first(form, "auth[member_id]"), first(form, "auth[application_token]"),
				first(form, "auth[access_token]"));
	}

	@Override
	public String toString() {
		return "Bitrix24Event[" + event + " " + entityType.orElse("-") + " " + entityId + "]";
	}

	private static String first(Map<String, String[]> form, String name) {
		String[] values = form.get(name);
		return values == null || values.length == 0 || values[0] == null ? "" : values[0].strip();
	}
}

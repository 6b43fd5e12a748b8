package ru.kredo.events.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random changes to a valid event line, to find what hand-written cases miss: a field dropped, added (again) or
 * given a value of another JSON type, an overdue type, the passport split, the lender as an object; and now and then
 * the text itself broken (cut short, a character lost or added, a stray byte that is no UTF-8).
 */
final class EventMutations {

	private static final List<String> NAMES = List.of("source", "eventId", "type", "occurredAt", "subject", "lender",
			"lenderKind", "amount", "daysPastDue", "previousDaysPastDue", "note", "Source", "eventid", "kind", "lastName");
	private static final List<String> SUBJECT_NAMES = List.of("lastName", "firstName", "middleName", "birthDate",
			"passport", "passportSeries", "passportNumber", "inn", "snils", "phone", "extra", "subject");
	private static final String NOISE = ",:{}[]\"\\ x0-.e\n";

	private final ObjectReader trees;
	private final Random random;

	EventMutations(JsonMapper json, Random random) {
		this.trees = json.readerFor(JsonNode.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
		this.random = random;
	}

	byte[] mutate(String line) {
		JsonNode event = trees.readValue(line);
		List<String[]> top = pairs(event);
		List<String[]> subject = pairs(event.get("subject"));
		for (int n = 1 + random.nextInt(3); n > 0; n--) {
			change(top, subject);
		}
		String text = "{" + join(top, subject) + "}";
		if (random.nextInt(7) == 0) {
			text = broken(text);
		}
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		if (random.nextInt(50) == 0) {
			int at = random.nextInt(bytes.length + 1);
			ByteArrayOutputStream stray = new ByteArrayOutputStream();
			stray.write(bytes, 0, at);
			stray.write(random.nextBoolean() ? 0x80 + random.nextInt(0x80) : random.nextInt(0x20));
			stray.write(bytes, at, bytes.length - at);
			bytes = stray.toByteArray();
		}
		return bytes;
	}

	private void change(List<String[]> top, List<String[]> subject) {
		switch (random.nextInt(10)) {
			case 0 -> remove(top);
			case 1 -> remove(subject);
			case 2 -> revalue(top);
			case 3, 4 -> revalue(subject);
			case 5 -> insert(top, pick(NAMES), value());
			case 6 -> insert(subject, pick(SUBJECT_NAMES), value());
			case 7 -> {
				insert(top, "type", random.nextBoolean() ? "\"2.3\"" : value());
				if (random.nextBoolean()) {
					top.removeIf(pair -> pair[0].equals("daysPastDue"));
				}
			}
			case 8 -> {
				String passport = subject.stream().filter(p -> p[0].equals("passport")).map(p -> p[1]).findFirst().orElse(null);
				if (passport != null && passport.length() == 12) {
					subject.removeIf(p -> p[0].equals("passport"));
					insert(subject, "passportSeries", passport.substring(0, 5) + "\"");
					insert(subject, "passportNumber", "\"" + passport.substring(5));
				}
			}
			default -> insert(top, "lender", random.nextBoolean() ? "{\"kind\":" + value() + "}" : value());
		}
	}

	// Cut short, a character lost, one added, or something after the object.
	private String broken(String text) {
		int at = random.nextInt(text.length());
		return switch (random.nextInt(4)) {
			case 0 -> text.substring(0, at);
			case 1 -> text.substring(0, at) + text.substring(at + 1);
			case 2 -> text.substring(0, at) + NOISE.charAt(random.nextInt(NOISE.length())) + text.substring(at);
			default -> text + pick(List.of(" x", " {}", ",", "  ", "}", "]", " 1"));
		};
	}

	private static List<String[]> pairs(JsonNode object) {
		List<String[]> pairs = new ArrayList<>();
		for (Map.Entry<String, JsonNode> field : object.properties()) {
			pairs.add(new String[] { field.getKey(), field.getKey().equals("subject") ? null : field.getValue().toString() });
		}
		return pairs;
	}

	// The subject's value is null while it is still the subject's own fields.
	private static String join(List<String[]> pairs, List<String[]> subject) {
		StringBuilder text = new StringBuilder();
		for (String[] pair : pairs) {
			text.append(text.isEmpty() ? "" : ",").append('"').append(pair[0]).append("\":");
			text.append(pair[1] != null ? pair[1] : "{" + join(subject, List.of()) + "}");
		}
		return text.toString();
	}

	private void remove(List<String[]> pairs) {
		if (!pairs.isEmpty()) {
			pairs.remove(random.nextInt(pairs.size()));
		}
	}

	private void revalue(List<String[]> pairs) {
		if (!pairs.isEmpty()) {
			pairs.get(random.nextInt(pairs.size()))[1] = value();
		}
	}

	// Before the others (a duplicate that loses) or after them (one that wins).
	private void insert(List<String[]> pairs, String name, String value) {
		pairs.add(random.nextInt(pairs.size() + 1), new String[] { name, value });
	}

	private String value() {
		return pick(EventEdgeCases.VALUES);
	}

	private <T> T pick(List<T> values) {
		return values.get(random.nextInt(values.size()));
	}
}

package ru.kredo.events.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Event lines for every rule of reading an event, one case a line: each known field given every kind of JSON value
 * (numbers as ids, strings as numbers, nulls, blanks, objects), duplicates, unknown and nested fields, the passport in
 * one field or two, the lender as an object or a kind, overdue events with and without days past due, lines that are
 * no object or no JSON, escapes and very long strings.
 */
final class EventEdgeCases {

	static final String SUBJECT = """
			"subject":{"lastName":"Орлова","firstName":"Анна","birthDate":"01.02.1991\"""";
	static final String VALID = """
			{"source":"nbki","eventId":"e-1","type":"1.1","occurredAt":"2026-11-20T10:00:00+03:00",%s}}"""
		.formatted(SUBJECT);

	static final List<String> VALUES = List.of("null", "true", "false", "0", "-0", "7", "40", "-5", "2147483647",
			"2147483648", "-2147483649", "3000000000", "99999999999999999999999", "1.5", "7.0", "-0.0", "2.3", "1.1", "1e2",
			"1E+20", "1e-7", "1e400", "1e9999999999", "9999999999999999.99", "10000000000000000", "1e16", "0.001",
			"12500.50", "\"\"", "\"  \"", "\" 7 \"", "\"7\"", "\"-1\"", "\"x\"", "\"12500,50\"", "\"1e16\"",
			"\"9999999999999999.99\"", "\"10000000000000000\"", "\"2.3\"", "\" 2.3 \"", "\"1.1\"", "\"1.9\"", "\"2.2\"",
			"\"loan_disbursed\"", "\"payday\"", "\"bank\"", "\" mfo \"", "\"BANK\"", "\"\\u0418\\u0434\"", "\"\\uD83D\\uDE00\"",
			"\"\\uD800\"", "\"2026-11-20\"", "\"20.11.2026\"", "\"2026-11-20T10:00:00\"", "\"2026-11-20T10:00:00Z\"",
			"\"2026-11-20T10:00:00.123+0300\"", "\"2026-02-30\"", "\"2026-02-30T10:00:00+03:00\"", "\"T10:00\"",
			"\"01.02.23\"", "\"4510 123456\"", "\"4510-123456\"", "\"4510\"", "\"123456\"", "4510123456", "\"500100732259\"",
			"\"500100732258\"", "\"112-233-445 95\"", "\"8 (916) 123-45-67\"", "79161234567", "\"8-800-555-35-35\"", "\"11223344595\"", "\"Орлова\"", "\"Anna-Maria\"", "\"A\\tB\"",
			"\"\\\"quoted\\\"\"", "\"" + "x".repeat(300) + "\"", "{}", "[]", "[1,\"x\"]", "{\"kind\":\"bank\"}",
			"{\"kind\":null}", "{\"kind\":\"  \"}", "{\"kind\":5}", "{\"a\":{\"b\":[1.50,{\"c\":null}]},\"a\":2}",
			"{\"lastName\":\"Орлова\",\"firstName\":\"Анна\",\"birthDate\":\"01.02.1991\"}");

	static final List<String> TOP = List.of("source", "eventId", "type", "occurredAt", "subject", "lender", "lenderKind",
			"amount", "daysPastDue", "previousDaysPastDue");
	static final List<String> SUBJECT_FIELDS = List.of("lastName", "firstName", "middleName", "birthDate", "passport",
			"passportSeries", "passportNumber", "inn", "snils", "phone", "fullName", "name", "document", "documents");

	private EventEdgeCases() {
	}

	static List<String> lines() {
		List<String> lines = new ArrayList<>();
		lines.add(VALID);
		for (String value : VALUES) {
			for (String field : TOP) {
				lines.add(with("\"" + field + "\":" + value));
			}
			for (String field : SUBJECT_FIELDS) {
				lines.add(inSubject("\"" + field + "\":" + value));
			}
			lines.add(with("\"type\":\"2.3\",\"daysPastDue\":" + value));
			lines.add(with("\"type\":\"2.3\",\"daysPastDue\":40,\"previousDaysPastDue\":" + value));
			lines.add(with("\"lender\":{\"kind\":" + value + "},\"lenderKind\":\"bank\""));
			lines.add(with("\"lenderKind\":\"mfo\",\"lender\":" + value));
			lines.add(with("\"note\":" + value));
			lines.add(with("\"note\":{\"deep\":[" + value + ",{\"eventId\":" + value + "}]}"));
			lines.add(inSubject("\"passport\":" + value + ",\"passportSeries\":\"4510\",\"passportNumber\":\"123456\""));
			lines.add("{\"eventId\":" + value + "}");
			lines.add("{\"eventId\":" + value + "," + VALID.substring(1).replace("\"eventId\":\"e-1\",", ""));
		}
		// Each field missing.
		for (String field : TOP) {
			lines.add(VALID.replaceFirst(",?\"" + field + "\":(\"[^\"]*\"|\\{[^}]*})", "").replace("{,", "{"));
		}
		for (String field : SUBJECT_FIELDS) {
			lines.add(VALID.replaceFirst(",?\"" + field + "\":\"[^\"]*\"", "").replace("{,", "{"));
		}
		lines.addAll(List.of(
				// The passport in two fields, or one and the other.
				inSubject("\"passportSeries\":\"4510\",\"passportNumber\":\"123456\""),
				inSubject("\"passportSeries\":\"4510\""), inSubject("\"passportNumber\":\"123456\""),
				inSubject("\"passport\":\"4510 123456\",\"passportSeries\":\"1111\",\"passportNumber\":\"222222\""),
				inSubject("\"passport\":null,\"passportSeries\":4510,\"passportNumber\":123456"),
				inSubject("\"inn\":\"500100732259\",\"snils\":\"112-233-445 95\",\"middleName\":\"Петровна\""),
				// Other shapes of names and documents (IdentityShapes), and their unreadable forms.
				inSubject("\"passport\":{\"series\":\"4510\",\"number\":123456}"), inSubject("\"passport\":{\"number\":\"x\"}"),
				inSubject("\"documents\":[{\"type\":\"PASSPORT\",\"series\":\"4510\",\"number\":\"123456\"}]"),
				inSubject("\"documents\":[{\"type\":\"21\"},5,\"x\"]"), inSubject("\"document\":\"4510 123456\""),
				inSubject("\"document\":{\"type\":\"паспорт\",\"series\":\"4510\",\"number\":\"123456\"},\"documents\":{}"),
				"{\"source\":\"b\",\"eventId\":\"n\",\"type\":\"1.1\",\"occurredAt\":\"2026-11-20\",\"subject\":{\"fullName\":"
						+ "\"Орлова Анна Петровна\",\"birthDate\":\"1990-01-01\"}}",
				"{\"source\":\"b\",\"eventId\":\"n\",\"type\":\"1.1\",\"occurredAt\":\"2026-11-20\",\"subject\":{\"name\":"
						+ "{\"last\":\"Орлова\",\"first\":\"Анна\",\"middle\":5},\"birthDate\":\"1990-01-01\"}}",
				inSubject("\"inn\":\"123\",\"snils\":{\"v\":1},\"middleName\":\"П3\""), with("\"amount\":\"500 000,5\""),
				// The lender's kind wins over lenderKind unless missing, null or blank.
				with("\"lender\":{\"kind\":\"mfo\"},\"lenderKind\":\"bank\""),
				with("\"lender\":{\"kind\":\"mfo\"},\"lender\":5,\"lenderKind\":\"bank\""),
				with("\"lender\":{\"kind\":\"mfo\",\"kind\":\" \"},\"lenderKind\":\"bank\""),
				with("\"lender\":{\"name\":\"Сбер\",\"kind\":\"bank\",\"inn\":{\"x\":1}}"),
				// Overdue events.
				with("\"type\":\"2.3\""), with("\"type\":2.3,\"daysPastDue\":5"), with("\"type\":\" 2.3 \",\"daysPastDue\":\"0\""),
				with("\"type\":\"2.3\",\"daysPastDue\":35,\"previousDaysPastDue\":5,\"amount\":1000"),
				with("\"type\":\"2.3\",\"daysPastDue\":null,\"daysPastDue\":5"), with("\"daysPastDue\":5,\"daysPastDue\":null,\"type\":\"2.3\""),
				// Duplicates: the last one wins, the whole object for an object.
				with("\"eventId\":\"e-2\""), with("\"eventId\":null"), with("\"amount\":1,\"amount\":\"x\""),
				with("\"amount\":\"x\",\"amount\":1"), with("\"subject\":\"x\""), "{\"subject\":\"x\"," + VALID.substring(1),
				with("\"subject\":{\"lastName\":\"Иванов\"}"),
				"{\"subject\":{\"lastName\":\"Иванов\",\"firstName\":\"Иван\",\"birthDate\":\"1980-01-01\",\"inn\":\"500100732259\"},"
						+ VALID.substring(1),
				inSubject("\"lastName\":\"Иванова\",\"lastName\":null"), inSubject("\"birthDate\":\"x\",\"birthDate\":\"1990-01-01\""),
				// Names as escapes, keys as escapes, other cases of a key, very long strings.
				VALID.replace("Орлова", "\\u041e\\u0440\\u043b\\u043e\\u0432\\u0430"), with("\"\\u0065ventId\":\"escaped\""),
				with("\"EventId\":\"x\",\"SOURCE\":\"y\""), inSubject("\"lastName\":\"" + "Я".repeat(100) + "\""),
				inSubject("\"lastName\":\"" + "Я".repeat(101) + "\""), with("\"eventId\":\"" + "x".repeat(200) + "\""),
				with("\"eventId\":\"" + "x".repeat(201) + "\""), with("\"note\":\"" + "ж".repeat(200_000) + "\""),
				with("\"x\":" + "[".repeat(400) + "]".repeat(400)), with("\"x\":" + "[".repeat(1_200) + "]".repeat(1_200)),
				with("\"x\":" + "1".repeat(1_001)), with("\"x\":0." + "1".repeat(1_001)), with("\"amount\":" + "1".repeat(1_001)),
				with("\"x\":\"\\u0000\""), with("\"x\":\"\u0001\""),
				// Not an object.
				"42", "\"x\"", "[1]", "[]", "null", "true", "-1.5", "[" + VALID + "]", "  42  ", "{}", " {} ", "{\"a\":1}",
				// Not JSON, or more than one value.
				"{broken", "{\"a\":1", "{\"a\":}", "{\"a\":1}}", "{\"a\":1} x", "{\"a\":1} {}", VALID + ",", VALID + " {}",
				VALID + " x", VALID + "\t ", " \t" + VALID, VALID.substring(0, VALID.length() - 1), VALID + " // c",
				"{'a':1}", "{\"a\":NaN}", "{\"a\":01}", "{\"a\":\"\\x\"}", "{\"a\":\"unterminated", "\r", "\u000B", "]",
				"[1", "1 2", "\"\\uD83D\"", "{\"a\":1e9999999999}", "[1e9999999999]", "{\"a\":-}", "{\"a\":.5}"));
		return lines;
	}

	// The valid event with fields added at its end (where duplicates win).
	static String with(String fields) {
		return VALID.substring(0, VALID.length() - 1) + "," + fields + "}";
	}

	static String inSubject(String fields) {
		return with(SUBJECT + "," + fields + "}");
	}
}

package ru.kredo.events.internal;

import java.util.Locale;
import java.util.Set;

import ru.kredo.contacts.PassportNumber;
import ru.kredo.platform.Rejected;
import tools.jackson.databind.JsonNode;

/**
 * The shapes in which bureaus and integrators send a subject's name and identity documents, besides Kredo's own
 * ({@code lastName}, {@code firstName}, {@code middleName}, {@code passport}: "4510 123456"):
 * <ul>
 * <li>a name in one field, {@code fullName} or {@code name}: "Иванов Иван Иванович";</li>
 * <li>a name as an object, {@code name}: {"lastName"|"last"|"surname", "firstName"|"first", "middleName"|"middle"|
 * "patronymic"};</li>
 * <li>a passport as {@code passportSeries} and {@code passportNumber}, or as an object, {@code passport}:
 * {"series", "number", "issuedOn", …};</li>
 * <li>documents, {@code document} (an object) or {@code documents} (an array of them), each {"type", "series",
 * "number"}: the first whose type is a Russian passport ("PASSPORT", "PASSPORT_RF", "паспорт", code 21) is the
 * passport; other documents are not read.</li>
 * </ul>
 */
final class IdentityShapes {

	private static final Set<String> PASSPORT_TYPES = Set.of("passport", "passport_rf", "passport-rf", "passportrf",
			"rf_passport", "паспорт", "паспорт рф", "паспорт гражданина рф", "21");

	private IdentityShapes() {
	}

	/** The passport in whichever shape it came; none if there is none; rejected if one is there but unreadable. */
	static PassportNumber passport(EventFields subject) {
		if (subject.passport instanceof JsonNode object) {
			return fromDocument(object);
		}
		String passport = EventReader.text(subject.passport);
		if (passport != null) {
			return PassportNumber.parse(passport);
		}
		String series = EventReader.text(subject.passportSeries);
		String number = EventReader.text(subject.passportNumber);
		if (series != null || number != null) {
			return PassportNumber.parse(String.valueOf(series) + String.valueOf(number));
		}
		if (subject.document instanceof JsonNode document && isPassport(document)) {
			return fromDocument(document);
		}
		if (subject.documents instanceof JsonNode documents && documents.isArray()) {
			for (JsonNode document : documents) {
				if (isPassport(document)) {
					return fromDocument(document);
				}
			}
		}
		if (subject.document != null && !(subject.document instanceof JsonNode)
				|| subject.documents != null && !(subject.documents instanceof JsonNode node && node.isArray())) {
			throw new Rejected("event.document-invalid");
		}
		return null;
	}

	private static boolean isPassport(JsonNode document) {
		JsonNode type = document.path("type");
		return document.isObject() && type.isValueNode()
				&& PASSPORT_TYPES.contains(type.asString().strip().toLowerCase(Locale.ROOT));
	}

	private static PassportNumber fromDocument(JsonNode document) {
		String series = scalar(document.path("series"));
		String number = scalar(document.path("number"));
		if (!document.isObject() || series == null && number == null) {
			throw new Rejected("contact.passport-invalid");
		}
		return number == null || series == null ? PassportNumber.parse(String.valueOf(series) + String.valueOf(number))
				: PassportNumber.parse(series + number);
	}

	/**
	 * The name's last, first and middle parts from the one-field or object shapes, and the field to report an
	 * unreadable patronymic as; all parts null when neither is there (the name is then missing).
	 */
	static String[] nameParts(EventFields subject) {
		if (subject.nameValue instanceof JsonNode name && name.isObject()) {
			return new String[] { first(name, "lastName", "last", "surname", "familyName"),
					first(name, "firstName", "first", "givenName"), first(name, "middleName", "middle", "patronymic"),
					"subject.name" };
		}
		String whole = EventReader.text(subject.fullName != null ? subject.fullName : subject.nameValue);
		if (whole == null) {
			return new String[] { null, null, null, "subject.middleName" };
		}
		// Фамилия, имя, then the patronymic (which may be of several words: «Оглы», «Кызы»).
		String[] words = whole.strip().split("\\s+", 3);
		return new String[] { words[0], words.length > 1 ? words[1] : null, words.length > 2 ? words[2] : null,
				subject.fullName != null ? "subject.fullName" : "subject.name" };
	}

	private static String first(JsonNode object, String... names) {
		for (String name : names) {
			String value = scalar(object.path(name));
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	private static String scalar(JsonNode node) {
		if (!node.isValueNode() || node.isNull()) {
			return null;
		}
		String text = node.asString();
		return text.isBlank() ? null : text;
	}
}

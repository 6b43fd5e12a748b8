package ru.kredo.documents;

/**
 * A debtor's ФИО as the certificate prints it.
 *
 * @param middleName the patronymic; {@code null} when the person has none
 */
public record PersonName(String lastName, String firstName, String middleName) {

	public PersonName {
		lastName = Text.required(lastName, "certificate.debtor-name-missing");
		firstName = Text.required(firstName, "certificate.debtor-name-missing");
		middleName = middleName == null || middleName.isBlank() ? null : Text.required(middleName, "certificate.debtor-name-missing");
	}

	/** «Иванов Иван Иванович». */
	public String full() {
		return middleName == null ? lastName + " " + firstName : lastName + " " + firstName + " " + middleName;
	}

	/** «Иванов И. И.»: what a stranger holding the code may see. */
	public String masked() {
		String initials = initial(firstName) + (middleName == null ? "" : " " + initial(middleName));
		return lastName + " " + initials;
	}

	private static String initial(String name) {
		return name.substring(0, name.offsetByCodePoints(0, 1)).toUpperCase(java.util.Locale.ROOT) + ".";
	}
}

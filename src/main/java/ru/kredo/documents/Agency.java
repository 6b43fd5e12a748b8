package ru.kredo.documents;

import java.util.regex.Pattern;

import ru.kredo.platform.Rejected;

/**
 * The collection agency as its documents name it.
 *
 * @param fullName the full registered name, such as «ООО ПКО «Пример»»
 * @param inn the legal entity's ИНН, 10 digits
 * @param ogrn the ОГРН, 13 digits
 */
public record Agency(String fullName, String inn, String ogrn, String address, String phone) {

	private static final Pattern INN = Pattern.compile("\\d{10}");
	private static final Pattern OGRN = Pattern.compile("\\d{13}");

	public Agency {
		fullName = Text.required(fullName, "certificate.agency-name-missing");
		address = Text.required(address, "certificate.agency-address-missing");
		phone = Text.required(phone, "certificate.agency-phone-missing");
		if (inn == null || !INN.matcher(inn.strip()).matches()) {
			throw new Rejected("certificate.agency-inn-invalid");
		}
		if (ogrn == null || !OGRN.matcher(ogrn.strip()).matches()) {
			throw new Rejected("certificate.agency-ogrn-invalid");
		}
		inn = inn.strip();
		ogrn = ogrn.strip();
	}
}

package ru.kredo.documents;

import java.time.LocalDate;

/**
 * What the public verification page shows about a genuine certificate: enough to match the paper in hand, never the
 * debtor's full name, birth date or full contract number.
 *
 * @param debtor masked, «Иванов И. И.»
 * @param contractNumber masked, «**-****-**4512»
 */
public record VerifiedCertificate(String agencyName, String debtor, String contractNumber, LocalDate closedOn,
		LocalDate issuedOn) {
}

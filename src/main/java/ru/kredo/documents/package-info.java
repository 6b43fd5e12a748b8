/**
 * Documents the debtor downloads without an operator: the certificate of repayment (справка о погашении
 * задолженности) once a debt is closed, a PDF in Russian that anyone can check by its verification code on the public
 * page {@code /verify}; the payment schedule, the statement of payments and the copy of a signed settlement agreement
 * ({@link ru.kredo.documents.SettlementAgreement}), made on demand and not stored.
 * <p>
 * Knows nothing about debts: the module that owns them passes a {@link ru.kredo.documents.RepaymentCertificate} with
 * everything the document says and an opaque debt reference, so issuing twice for one debt gives the same document.
 * Stores each issued certificate (its code, the SHA-256 of its PDF, the PDF sealed by {@code privacy}, and the masked details the public page
 * shows). Every amount a document takes is a {@link ru.kredo.money.Money} and is printed by
 * {@link ru.kredo.money.Amounts}, as on every page ({@code 26 366,15}). Publishes nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package ru.kredo.documents;

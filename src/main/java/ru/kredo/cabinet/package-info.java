/**
 * The debtor's cabinet (for collection agencies): a debtor signs in with ФИО and mobile phone confirmed by an SMS
 * code, without a guest ever learning whether a debtor exists; every step of the way, anonymous visits included, is
 * recorded first-party as the agency's funnel, and what a signed-in debtor does is kept as his cabinet activity. Every
 * page names the agency (its contacts, requisites, privacy policy); a debtor's consent to processing personal data is
 * asked as a separate document and each answer kept with its text's version ({@link ru.kredo.cabinet.PersonalDataConsents}).
 * <p>
 * Consumes {@link ru.kredo.payments.PaymentSucceeded}: a payment started in the cabinet that succeeds completes its
 * visitor's funnel. Publishes nothing yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Debtor's cabinet")
package ru.kredo.cabinet;

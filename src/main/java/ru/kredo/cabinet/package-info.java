/**
 * The debtor's cabinet (for collection agencies): a debtor signs in with ФИО and mobile phone confirmed by an SMS
 * code, without a guest ever learning whether a debtor exists; every step of the way, anonymous visits included, is
 * recorded first-party as the agency's funnel, and what a signed-in debtor does is kept as his cabinet activity. Every
 * page names the agency (its contacts, requisites, privacy policy); a debtor's consent to processing personal data is
 * asked as a separate document and each answer kept with its text's version ({@link ru.kredo.cabinet.PersonalDataConsents}).
 * <p>
 * The debtor signed in is {@link ru.kredo.cabinet.SignedInDebtor}, the module's API for every debtor's page, whichever
 * module serves it (the chat's, say): a handler mapped under {@code /cabinet/{agency}/…} declares a parameter
 * {@code SignedInDebtor debtor} and gets the debtor signed in to that agency's door, or the visitor is sent to the door
 * ({@code redirect:/cabinet/{agency}}) before the handler runs; {@code Optional<SignedInDebtor>} lets a page serve
 * guests too. No page reads the session for him, and none reaches into another controller for him, for the agency or
 * for the visitor's cookie ({@code ControllerDependenciesTests}). That the agency is a collection agency is declared in
 * {@link ru.kredo.tenancy.TenantKindAccess} with every other kind rule.
 * <p>
 * Consumes {@link ru.kredo.payments.PaymentSucceeded}: a payment started in the cabinet that succeeds completes its
 * visitor's funnel. Publishes nothing yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Debtor's cabinet")
package ru.kredo.cabinet;

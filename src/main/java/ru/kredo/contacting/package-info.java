/**
 * Contacting: the one gate every contact with a debtor goes through (230-ФЗ as amended by 467-ФЗ, and 137-ФЗ). Texts,
 * e-mails, messengers and voice messages, and the calls operators make or a voice robot holds, are each asked of
 * {@link ru.kredo.contacting.ContactRules}: within the debtor's local hours by the production calendar, within the
 * limits per day, week and month counted over all his agency's debts and channels, and never while a bar stands
 * (bankruptcy, a refusal, a representative, a dispute on the debt, a deceased or minor debtor). What the rules hold
 * waits for its next allowed moment or is dropped when it would come too late; every attempt is logged.
 * {@code docs/contact-rules.md}.
 * <p>
 * Bars also come from elsewhere: consumes {@link ru.kredo.collections.DisputeOpened} and
 * {@link ru.kredo.collections.DisputeResolved} (a dispute bars contacts about its debt while open) and
 * {@link ru.kredo.signals.SignalsRaised} (a {@code BANKRUPTCY} signal of a collection agency bars every contact with
 * the debtor), each in the publisher's transaction; and from the debtor's own statements under ст. 8 230-ФЗ
 * ({@link ru.kredo.contacting.ContactStatements}: a refusal or a representative, confirmed by an operator).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contacting")
package ru.kredo.contacting;

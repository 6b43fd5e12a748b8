/**
 * Collections: an agency's debts — original creditor, contract, assignment, the debtor's region and time zone (his,
 * not each debt's: {@link ru.kredo.collections.DebtorZones}), and
 * the balance by component (state duty, fees, interest, principal, penalties) in exact kopecks — and their payment
 * history. Debts come from registries (реестры долгов) the agency uploads as named portfolios, CSV or XLSX, in the
 * background ({@code internal.PortfolioImporting}); uploading a registry again updates the balances on the same
 * contracts. Otherwise a debt's balance changes only by {@link ru.kredo.payments.PaymentSucceeded}, split per the
 * configured order (ст. 319 ГК РФ), once per payment; at zero the debt is closed. Also the agency's discount offers:
 * the rules that pre-approve them, their acceptance with a schedule of parts, payments counted against it, the
 * forgiveness of the rest once the whole discounted sum is paid, and their lapse.
 * <p>
 * Publishes nothing yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Collections")
package ru.kredo.collections;

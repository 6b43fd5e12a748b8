/**
 * Collections: an agency's debts — original creditor, contract, assignment, the debtor's region and time zone (his,
 * not each debt's: {@link ru.kredo.collections.DebtorZones}), and
 * the balance by component (state duty, fees, interest, principal, penalties) in exact kopecks — and their payment
 * history. Debts come from registries (реестры долгов) the agency uploads as named portfolios, CSV or XLSX, in the
 * background ({@code internal.PortfolioImporting}); uploading a registry again updates the balances on the same
 * contracts. Otherwise a debt's balance changes only by {@link ru.kredo.payments.PaymentSucceeded}, split over its
 * {@link ru.kredo.collections.DebtComponents} by {@link ru.kredo.collections.Allocations} in the configured
 * {@link ru.kredo.collections.AllocationOrder} (ст. 319 ГК РФ by default, {@code kredo.payments.allocation-order}),
 * once per payment; at zero the debt is closed. A {@link ru.kredo.collections.Debt} is an aggregate whose state
 * ({@link ru.kredo.collections.DebtStatus}: open, under settlement, disputed, closed as paid, settled or written off)
 * changes only through its own guarded methods, stored in one place ({@code Debts.store}; {@code docs/debts.md}).
 * Also the agency's discount offers: the rules that pre-approve them, their acceptance with a schedule of parts,
 * payments counted against it, the forgiveness of the rest once the whole discounted sum is paid, and their lapse;
 * the offers listed for the agency's software with the status the pages show ({@link ru.kredo.collections.OfferListing}).
 * <p>
 * Consumes {@link ru.kredo.payments.PaymentSucceeded} (synchronously, in the payment's transaction). Publishes
 * {@link ru.kredo.collections.DebtClosed} when a debt closes (paid, settled or written off), once, in the transaction
 * that closes it, through the event publication registry; its own {@link ru.kredo.collections.RepaymentCertificates}
 * reacts by issuing the certificate of repayment dated the closing day. Publishes
 * {@link ru.kredo.collections.DisputeOpened}, {@link ru.kredo.collections.DisputeResolved} and
 * {@link ru.kredo.collections.OfferSigned} (a settlement signed) likewise (the webhooks module sends them, and
 * {@code DebtClosed}, to the agency's CRM).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Collections")
package ru.kredo.collections;

/**
 * Signals: what a credit event means for a tenant who watches its subject, ranked by segment × event, worded with the
 * action to take, folded when it repeats, worked by a manager to an outcome, and counted per list and segment so a
 * broker sees whether a list pays for itself.
 * <p>
 * Listens to {@link ru.kredo.events.CreditEventsRecorded} (synchronously, in the batch's transaction; it tells the
 * events it matched and the signals it raised back in the event's {@link ru.kredo.events.MatchTally}); publishes
 * {@link ru.kredo.signals.SignalsRaised}, one per batch, listing each {@link ru.kredo.signals.SignalRaised} (raised now,
 * or {@code folded} into one open before), and {@link ru.kredo.signals.OutcomeRecorded} when a signal is closed with an
 * outcome.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Signals")
package ru.kredo.signals;

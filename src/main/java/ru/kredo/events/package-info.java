/**
 * Credit events from the bureaus: the normalized vocabulary ({@link ru.kredo.events.CreditEventType}, traceable to
 * RUTDF codes), and their ingestion by REST, file and command line: parsed, validated, stored durably and
 * idempotently on (source, event id). Identities are kept only sealed and as blind indexes. With
 * {@code spring.kafka.bootstrap-servers} set, the channels publish to an events topic ({@link ru.kredo.events.CreditEventIntake})
 * and every node consumes it through the same pipeline, committing offsets after the chunks (docs/credit-events.md,
 * «Kafka»).
 * <p>
 * Publishes {@link ru.kredo.events.CreditEventsRecorded} for every stored batch, synchronously, inside the batch's
 * transaction: whatever reacts to it (matching) commits or fails with the batch, and tells back in its
 * {@link ru.kredo.events.MatchTally} how many events matched and how many signals they raised.
 * <p>
 * Each delivery — a feed's push, the operator's file, the command line's — is recorded as a feed upload with its
 * counts ({@link ru.kredo.events.FeedUploads}; docs/credit-events.md, «Feeds»).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credit events")
package ru.kredo.events;

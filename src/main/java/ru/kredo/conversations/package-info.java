/**
 * The written conversation between a debtor and his collection agency (collector tenants only): one
 * {@link ru.kredo.conversations.Conversation} per agency and debtor, its messages (the debtor's, an operator's, and
 * internal notes only staff see; text sealed like other personal data), files attached to them (PDF, JPEG, PNG, type
 * checked by content, size-limited, sealed), per side how many of the other side's messages are unread, and the
 * operator it is assigned to; and the agency's canned replies ({@link ru.kredo.conversations.CannedReplies}).
 * {@link ru.kredo.conversations.Conversations} is the API; the debtor's page lives in the
 * cabinet, the operators' inbox in this module's {@code web}.
 * <p>
 * Live delivery: a message, once committed, is announced to the pages that watch its conversation
 * ({@link ru.kredo.conversations.ConversationStreams}: server-sent events, bounded per session and per node) through a
 * small interface ({@code internal/Fanout}): in process by default ({@code internal/InProcessFanout}, one node's pages),
 * or over every node through PostgreSQL's {@code LISTEN/NOTIFY} ({@code internal/PostgresFanout},
 * {@code kredo.conversations.fanout=postgres}), which also knows whether a debtor's chat is open on any node.
 * <p>
 * Publishes {@link ru.kredo.conversations.MessagePosted} in the transaction that writes a message (its listeners act
 * after the commit; the webhooks module's through the event publication registry). The REST API for integrators is
 * {@code web/ConversationsApi}: an answer through it is {@link ru.kredo.conversations.Conversations#reply}, written by
 * an API key instead of a user. A debtor who is away when the agency answers is
 * told through the one outbound port {@link ru.kredo.conversations.DebtorNotices}, which another module implements
 * (the cabinet's SMS gateway); the contact rules of issue 14 are to govern it there. Restructuring plans (issue 13)
 * are meant to post into a conversation through {@link ru.kredo.conversations.Conversations}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conversations")
package ru.kredo.conversations;

package ru.kredo.conversations;

import ru.kredo.accounts.UserId;

/**
 * Which of the agency's conversations a list shows ({@link Conversations#list}, the REST API's): every filter given
 * narrows it, one left {@code null} (or {@code false} for {@code overdue}) does not.
 *
 * @param unread with messages of the debtor no one of the agency has read ({@code true}), or none ({@code false})
 * @param waiting the debtor waits for an answer ({@code true}), or nobody waits ({@code false})
 * @param overdue waiting past the first-reply target ({@link FirstReply})
 * @param assigned assigned to someone ({@code true}) or to no one ({@code false})
 * @param assignee assigned to this user
 */
public record ConversationFilter(Boolean unread, Boolean waiting, boolean overdue, Boolean assigned, UserId assignee) {

	public static final ConversationFilter ALL = new ConversationFilter(null, null, false, null, null);
}

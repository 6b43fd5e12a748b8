package ru.kredo.conversations;

import java.util.UUID;

/** An agency's ready answer: its title in the operator's list, and its text with placeholders. */
public record CannedReply(UUID id, String title, String text) {
}

package ru.kredo.conversations;

/** A file attached to a message, as a page lists it: its name as uploaded, its type (checked by content) and size. */
public record Attachment(AttachmentId id, String fileName, FileType type, int size) {
}

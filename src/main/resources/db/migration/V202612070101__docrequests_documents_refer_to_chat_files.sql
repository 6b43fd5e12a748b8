-- A PDF an operator sends from the conversation is a file of the chat (conversation_attachments, sealed, kept at least
-- three years) and one of the debtor's documents. The document sealed a second copy of the same bytes; from now on it
-- refers to the chat's file instead (attachment_id) and keeps no content of its own. An answer to a request is not in
-- the chat and keeps its bytes here, as before. Documents sent before this keep the copy they have (the bytes are
-- sealed with a fresh nonce each, so the database cannot tell which file a copy repeats). The reference keeps a chat
-- file with a document from being deleted before the document is.
alter table debtor_documents
    add column attachment_id uuid references conversation_attachments (id),
    alter column content drop not null,
    add constraint debtor_documents_content_once check ((content is null) <> (attachment_id is null)),
    add constraint debtor_documents_attachment_from_conversation check (attachment_id is null or source = 'CONVERSATION');

-- Issue 15: a signal that folds more events is sent as signal.folded (before: signal.raised with a larger count).
-- An endpoint that chose signal.raised chose what it then meant, folds included: it keeps receiving them.
update webhook_endpoints set event_types = array_append(event_types, 'signal.folded')
where event_types is not null and 'signal.raised' = any (event_types) and not ('signal.folded' = any (event_types));

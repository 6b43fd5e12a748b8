package ru.kredo.signals;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import ru.kredo.events.CreditEventType;
import ru.kredo.monitoring.Segment;

/**
 * A signal's words: what happened and what to do, by segment × event ({@code signal.title.<SEGMENT>.<EVENT>}), or by
 * event alone ({@code signal.title.<EVENT>}) where the segment changes nothing. Where the event is what the watch
 * recommended (a preparing client closed his extra cards), {@code signal.title.<SEGMENT>.<EVENT>.advice-followed} says
 * so; a person who was advised nothing is never told he followed advice.
 */
@Component
public class SignalWording {

	private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	private final MessageSource messages;

	SignalWording(MessageSource messages) {
		this.messages = messages;
	}

	public String russian(Signal signal) {
		return in(RUSSIAN, signal);
	}

	public String in(Locale locale, Signal signal) {
		return in(locale, signal.segment(), signal.eventType(), signal.adviceFollowed());
	}

	public String russian(Segment segment, CreditEventType type, boolean adviceFollowed) {
		return in(RUSSIAN, segment, type, adviceFollowed);
	}

	/** The words for a person who was advised nothing this event would meet. */
	public String in(Locale locale, Segment segment, CreditEventType type) {
		return in(locale, segment, type, false);
	}

	public String in(Locale locale, Segment segment, CreditEventType type, boolean adviceFollowed) {
		String generic = messages.getMessage("signal.title." + type.name(), null, type.name(), locale);
		String bySegment = messages.getMessage("signal.title." + segment.name() + "." + type.name(), null, generic, locale);
		return adviceFollowed ? messages.getMessage("signal.title." + segment.name() + "." + type.name() + ".advice-followed",
				null, bySegment, locale) : bySegment;
	}
}

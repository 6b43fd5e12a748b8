package ru.kredo.signals;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import ru.kredo.events.CreditEventType;
import ru.kredo.monitoring.Segment;

/**
 * A signal's words: what happened and what to do, by segment × event ({@code signal.title.<SEGMENT>.<EVENT>}), or by
 * event alone ({@code signal.title.<EVENT>}) where the segment changes nothing.
 */
@Component
public class SignalWording {

	private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	private final MessageSource messages;

	SignalWording(MessageSource messages) {
		this.messages = messages;
	}

	public String russian(Segment segment, CreditEventType type) {
		return in(RUSSIAN, segment, type);
	}

	public String in(Locale locale, Segment segment, CreditEventType type) {
		String generic = messages.getMessage("signal.title." + type.name(), null, type.name(), locale);
		return messages.getMessage("signal.title." + segment.name() + "." + type.name(), null, generic, locale);
	}
}

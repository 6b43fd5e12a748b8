package ru.kredo.platform;

import java.net.URI;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Builds the API's RFC 9457 problem details: a stable {@code code}, and as {@code detail} the message
 * {@code error.<code>} in the caller's language ({@code Accept-Language}; Russian when absent).
 */
@Component
public class Problems {

	private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	private final MessageSource messages;

	Problems(MessageSource messages) {
		this.messages = messages;
	}

	public ProblemDetail of(HttpStatus status, String code, Object[] arguments, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message(code, arguments, request));
		// The title in the caller's language too: «Bad Request» inside a Russian answer read as two products.
		problem.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(),
				locale(request)));
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("code", code);
		return problem;
	}

	/** The message {@code error.<code>} in the caller's language. */
	public String message(String code, Object[] arguments, HttpServletRequest request) {
		return messages.getMessage("error." + code, arguments, code, locale(request));
	}

	/** An API caller's language: its {@code Accept-Language}, Russian when absent. */
	public Locale locale(HttpServletRequest request) {
		return request.getHeader("Accept-Language") == null ? RUSSIAN : request.getLocale();
	}
}

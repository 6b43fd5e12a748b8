package ru.kredo.platform.web;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import ru.kredo.platform.Rejected;

/**
 * The pages' errors go to Boot's error pages ({@code templates/error/}); a malformed id in a page's address names
 * nothing, so it is the "not found" page like a missing one. A request a page cannot take (a malformed query
 * parameter, a control character in a field, any refusal its controller did not turn into a form error) is the 400
 * page, saying why in the user's language.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class UiErrors {

	/** The request attribute that {@code error/4xx.html} words as the reason (a message key {@code error.<code>}). */
	static final String REASON = "kredoErrorReason";

	/** The request attribute of the one value the reason names ({@code {0}}), if it names one. */
	static final String REASON_ARGUMENT = "kredoErrorArgument";

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	void malformedId(MethodArgumentTypeMismatchException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		badRequest(request, response, "request.parameter-invalid");
	}

	@ExceptionHandler(Rejected.class)
	void rejected(Rejected ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		badRequest(request, response, ex.code());
	}

	static void badRequest(HttpServletRequest request, HttpServletResponse response, String code) throws IOException {
		request.setAttribute(REASON, "error." + code);
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}
}

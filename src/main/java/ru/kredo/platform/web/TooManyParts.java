package ru.kredo.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ru.kredo.platform.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * A multipart form of more parts (fields and files) than Tomcat takes ({@code server.tomcat.max-part-count}) is
 * refused with that reason, 413 {@code request.too-many-parts} naming the limit: by API as problem details, on a page as
 * the error page saying so. Tomcat refuses such a body unread, and the first to ask for a parameter (Spring Security's
 * CSRF check) got an exception: the API answered «Запрос слишком велик» and a page Tomcat's bare English error report.
 * So the parts are asked for here, before anyone else; any other failure is left to the usual handling. Runs after
 * the body limits of the chat and the documents (order -200), which refuse their large bodies before they are read.
 */
@Component
@Order(-150)
class TooManyParts extends OncePerRequestFilter {

	static final String CODE = "request.too-many-parts";

	private final int limit;
	private final Problems problems;
	private final JsonMapper json;

	TooManyParts(@Value("${server.tomcat.max-part-count:50}") int limit, Problems problems, JsonMapper json) {
		this.limit = limit;
		this.problems = problems;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParts();
		}
		catch (RuntimeException | ServletException | IOException failed) {
			if (tooManyParts(failed)) {
				refuse(request, response);
				return;
			}
			// Malformed, too large: the usual handling sees the same failure when it asks again.
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8);
			response.getWriter().write(json.writeValueAsString(
					problems.of(HttpStatus.CONTENT_TOO_LARGE, CODE, new Object[] { limit }, request)));
			return;
		}
		request.setAttribute(UiErrors.REASON, "error." + CODE);
		request.setAttribute(UiErrors.REASON_ARGUMENT, limit);
		// The error page's dispatch must not parse the body again: Spring's DispatcherServlet skips a multipart request
		// whose error is a MultipartException.
		request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new MultipartException(CODE));
		response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
	}

	private static boolean tooManyParts(Throwable failed) {
		for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
			if (cause instanceof FileCountLimitExceededException) {
				return true;
			}
		}
		return false;
	}
}

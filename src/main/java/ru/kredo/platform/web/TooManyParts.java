package ru.kredo.platform.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ru.kredo.platform.Problems;

/**
 * A multipart form of more parts (fields and files) than Tomcat takes ({@code server.tomcat.max-part-count}) is
 * refused with that reason, 413 {@code request.too-many-parts} naming the limit: by API as problem details, on a page as
 * the error page saying so. Tomcat refuses such a body unread, and the first to ask for a parameter (Spring Security's
 * CSRF check) got an exception: the API answered «Запрос слишком велик» and a page Tomcat's bare English error report.
 * So the parts are asked for here, before anyone else; any other failure is left to the usual handling. Runs after
 * the body limits of the chat and the documents (order -200), which refuse their large bodies before they are read.
 * <p>
 * Only for pages: a page's POST is parsed before sign-in anyway (the CSRF check reads its token from the body). An
 * {@code /api/} request is not parsed before its key is checked — an anonymous client must not make Kredo read and
 * spool a body of up to the upload limit to be answered 401 — so there the same answer comes from
 * {@link ApiRoutingErrors}, when the endpoint asks for its parts.
 */
@Component
@Order(-150)
class TooManyParts extends OncePerRequestFilter {

	static final String CODE = "request.too-many-parts";

	private final int limit;
	private final Problems problems;

	TooManyParts(@Value("${server.tomcat.max-part-count:50}") int limit, Problems problems) {
		this.limit = limit;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/") || isApi(request);
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

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	/** The API's answer to a multipart body refused for its number of parts, or none when that was not why. */
	Optional<ProblemDetail> problem(Throwable failed, HttpServletRequest request) {
		return tooManyParts(failed)
				? Optional.of(problems.of(HttpStatus.CONTENT_TOO_LARGE, CODE, new Object[] { limit }, request))
				: Optional.empty();
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
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

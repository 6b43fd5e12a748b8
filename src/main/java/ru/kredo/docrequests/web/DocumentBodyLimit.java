package ru.kredo.docrequests.web;

import java.io.IOException;
import java.util.regex.Pattern;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ru.kredo.docrequests.DocumentRequestLimits;

/**
 * The forms and the endpoint that carry a PDF to a debtor (answering a request, {@code /inbox/requests/{id}/answer} and
 * {@code /api/v1/document-requests/{id}/answer}; sending one from a conversation, {@code /inbox/{id}/document} and
 * {@code /api/v1/conversations/{id}/documents}) carry
 * one file up to {@code kredo.document-requests.max-file-size} and a few fields: a body larger than
 * {@link DocumentRequestLimits#maxFormBytes()}, or of no stated length, is refused with 413 before the multipart
 * parser spools it to disk (the server takes up to 2 GB for other uploads).
 */
@Component
@Order(-200)
class DocumentBodyLimit extends OncePerRequestFilter {

	private static final Pattern FORMS = Pattern.compile(
			"^(/inbox/requests/[^/]+/answer|/api/v1/document-requests/[^/]+/answer|/inbox/[^/]+/document"
			+ "|/api/v1/conversations/[^/]+/documents)/?$");

	private final DocumentRequestLimits limits;

	DocumentBodyLimit(DocumentRequestLimits limits) {
		this.limits = limits;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod())
				|| !FORMS.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		boolean unbounded = length < 0 && request.getHeader("Transfer-Encoding") != null;
		if (!unbounded && length <= limits.maxFormBytes()) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader("Connection", "close");
		response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
	}
}

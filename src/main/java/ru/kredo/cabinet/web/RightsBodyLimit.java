package ru.kredo.cabinet.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ru.kredo.conversations.ConversationLimits;

/**
 * The debtor's statements of ст. 8 ({@code /cabinet/{agency}/rights/refusal} and {@code …/representative}) carry one
 * file up to {@code kredo.conversations.max-attachment-size} and a few fields: a larger body
 * ({@link ConversationLimits#maxFormBytes()}), or one of no stated length, is refused before the multipart parser
 * spools it to disk (the server takes up to 2 GB for other uploads). He is sent back to the page with the reason;
 * what was sent is read and dropped up to {@link #DRAINED} so that his browser sees the answer.
 */
@Component
@Order(-200)
class RightsBodyLimit extends OncePerRequestFilter {

	static final long DRAINED = 64L * 1024 * 1024;

	private static final Pattern FORMS = Pattern
		.compile("^(/cabinet/[0-9a-fA-F-]{36}/rights)/(refusal|representative)/?$");

	private final ConversationLimits limits;
	private final SessionFlashMapManager flash = new SessionFlashMapManager();

	RightsBodyLimit(ConversationLimits limits) {
		this.limits = limits;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !FORMS.matcher(path(request)).matches();
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
		Matcher form = FORMS.matcher(path(request));
		form.matches();
		String page = request.getContextPath() + form.group(1);
		if (request.getSession(false) != null) {
			FlashMap refused = new FlashMap();
			refused.put("problem", limits.attachmentTooLarge());
			refused.setTargetRequestPath(page);
			flash.saveOutputFlashMap(refused, request, response);
		}
		if (length > DRAINED || length < 0) {
			response.setHeader("Connection", "close");
		}
		else {
			InputStream body = request.getInputStream();
			byte[] buffer = new byte[64 * 1024];
			while (body.read(buffer) >= 0) {
				// dropped
			}
		}
		response.sendRedirect(page);
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}
}

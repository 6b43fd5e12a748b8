package ru.kredo.conversations.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ru.kredo.conversations.ConversationLimits;
import ru.kredo.platform.Problems;
import ru.kredo.platform.TooLarge;
import tools.jackson.databind.json.JsonMapper;
import ru.kredo.conversations.DisputeFiles;

/**
 * The forms that carry a file into a conversation (the debtor's chat, {@code /cabinet/{agency}/chat}, and an operator's
 * reply, {@code /inbox/{id}/reply}): each may carry one file up to {@code kredo.conversations.max-attachment-size} and a message: a body
 * larger than that ({@link ConversationLimits#maxFormBytes()}), or sent in chunks of no stated length, is refused before anything
 * parses it (the multipart parser would spool it to disk, up to the server's 2 GB for other uploads, and the CSRF check
 * runs it first). The writer is sent back to the conversation with the reason, as for a file refused after reading
 * it; what was sent is read and thrown away, up to {@link #DRAINED}, so that his browser sees the answer. An answer
 * through the REST API ({@code POST /api/v1/conversations/{id}/messages}) is held to the same bound and refused with
 * a 413 problem ({@code chat.attachment-too-large}) instead.
 */
@Component
@Order(-200)
class ConversationBodyLimit extends OncePerRequestFilter {

	/** How much of a refused body is read (and dropped) before the connection is closed instead. */
	static final long DRAINED = 64L * 1024 * 1024;

	private static final Pattern FORMS = Pattern.compile("^(/cabinet/[0-9a-fA-F-]{36}/chat|/inbox/[0-9a-fA-F-]{36})(/reply)?/?$");
	private static final Pattern API = Pattern.compile("^/api/v1/conversations/[0-9a-fA-F-]{36}/messages/?$");
	/** The debtor's dispute form, which carries up to {@link DisputeFiles#MAX_FILES} files (docs/debts.md). */
	private static final Pattern DISPUTE = Pattern.compile("^/cabinet/[0-9a-fA-F-]{36}/debts/[0-9a-fA-F-]{36}/dispute/?$");

	private final ConversationLimits limits;
	private final SessionFlashMapManager flash = new SessionFlashMapManager();
	private final Problems problems;
	private final JsonMapper json;

	ConversationBodyLimit(ConversationLimits limits, Problems problems, JsonMapper json) {
		this.limits = limits;
		this.problems = problems;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod())) {
			return true;
		}
		if (DISPUTE.matcher(path(request)).matches()) {
			return false;
		}
		return !api(request) && (!FORMS.matcher(path(request)).matches()
				|| path(request).startsWith("/cabinet/") == path(request).endsWith("/reply"));
	}

	private static boolean api(HttpServletRequest request) {
		return API.matcher(path(request)).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		boolean unbounded = length < 0 && request.getHeader("Transfer-Encoding") != null;
		boolean dispute = DISPUTE.matcher(path(request)).matches();
		long most = dispute ? DisputeFiles.MAX_FILES * limits.maxAttachmentSize().toBytes() + limits.maxFormBytes()
				: limits.maxFormBytes();
		if (!unbounded && length <= most) {
			chain.doFilter(request, response);
			return;
		}
		if (api(request)) {
			TooLarge refusal = limits.attachmentTooLarge();
			close(request, response, length);
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8);
			response.getWriter().write(json.writeValueAsString(problems.of(HttpStatus.CONTENT_TOO_LARGE,
					refusal.code(), refusal.arguments(), request)));
			return;
		}
		String chat = request.getContextPath() + path(request).replaceAll("/+$", "").replaceAll("/reply$", "");
		if (request.getSession(false) != null) {
			FlashMap refused = new FlashMap();
			refused.put("problem", limits.attachmentTooLarge());
			refused.setTargetRequestPath(chat);
			flash.saveOutputFlashMap(refused, request, response);
		}
		close(request, response, length);
		response.sendRedirect(chat);
	}

	/** Reads what was sent and drops it, or (too much, or of no stated length) closes the connection after answering. */
	private static void close(HttpServletRequest request, HttpServletResponse response, long length) throws IOException {
		if (length > DRAINED || length < 0) {
			response.setHeader("Connection", "close");
		}
		else {
			drain(request.getInputStream());
		}
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	private static void drain(InputStream body) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		while (body.read(buffer) >= 0) {
			// dropped
		}
	}
}

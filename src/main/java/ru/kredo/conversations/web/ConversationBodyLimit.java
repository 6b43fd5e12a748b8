package ru.kredo.conversations.web;

import java.io.IOException;
import java.io.InputStream;
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
import ru.kredo.conversations.DisputeFiles;

/**
 * The forms that carry a file into a conversation (the debtor's chat, {@code /cabinet/{agency}/chat}, and an operator's
 * reply, {@code /inbox/{id}/reply}): each may carry one file up to {@code kredo.conversations.max-attachment-size} and a message: a body
 * larger than that ({@link ConversationLimits#maxFormBytes()}), or sent in chunks of no stated length, is refused before anything
 * parses it (the multipart parser would spool it to disk, up to the server's 2 GB for other uploads, and the CSRF check
 * runs it first). The writer is sent back to the conversation with the reason, as for a file refused after reading
 * it; what was sent is read and thrown away, up to {@link #DRAINED}, so that his browser sees the answer.
 */
@Component
@Order(-200)
class ConversationBodyLimit extends OncePerRequestFilter {

	/** How much of a refused body is read (and dropped) before the connection is closed instead. */
	static final long DRAINED = 64L * 1024 * 1024;

	private static final Pattern FORMS = Pattern.compile("^(/cabinet/[0-9a-fA-F-]{36}/chat|/inbox/[0-9a-fA-F-]{36})(/reply)?/?$");
	/** The debtor's dispute form, which carries up to {@link DisputeFiles#MAX_FILES} files (docs/debts.md). */
	private static final Pattern DISPUTE = Pattern.compile("^/cabinet/[0-9a-fA-F-]{36}/debts/[0-9a-fA-F-]{36}/dispute/?$");

	private final ConversationLimits limits;
	private final SessionFlashMapManager flash = new SessionFlashMapManager();

	ConversationBodyLimit(ConversationLimits limits) {
		this.limits = limits;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod())) {
			return true;
		}
		if (DISPUTE.matcher(path(request)).matches()) {
			return false;
		}
		return !FORMS.matcher(path(request)).matches()
				|| path(request).startsWith("/cabinet/") == path(request).endsWith("/reply");
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
		String chat = request.getContextPath() + path(request).replaceAll("/+$", "").replaceAll("/reply$", "");
		if (request.getSession(false) != null) {
			FlashMap refused = new FlashMap();
			refused.put("problem", limits.attachmentTooLarge());
			refused.setTargetRequestPath(chat);
			flash.saveOutputFlashMap(refused, request, response);
		}
		if (length > DRAINED || length < 0) {
			response.setHeader("Connection", "close");
		}
		else {
			drain(request.getInputStream());
		}
		response.sendRedirect(chat);
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

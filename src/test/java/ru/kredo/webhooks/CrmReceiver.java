package ru.kredo.webhooks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A CRM's webhook endpoint on 127.0.0.1, written the way a CRM would write it from {@code docs/webhooks.md} and
 * independently of Kredo's signer: it verifies the signature with the secret it was given, answers with the next
 * planned status (200 once the plan is used up) and handles each {@code webhook-id} once.
 */
final class CrmReceiver implements AutoCloseable {

	record Received(String id, long timestamp, String signature, String body, boolean verified, int answeredWith) {
	}

	private final HttpServer server;
	private final Deque<Integer> plannedStatuses = new ArrayDeque<>();
	private final List<Received> received = new ArrayList<>();
	private final Set<String> handledIds = new LinkedHashSet<>();
	private volatile String secret = "";

	CrmReceiver(Integer... statuses) throws IOException {
		plannedStatuses.addAll(Arrays.asList(statuses));
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/kredo/webhook", this::handle);
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/kredo/webhook";
	}

	/** Whatever the admin copied from the endpoint page into the CRM. */
	void useSecret(WebhookSecret secret) {
		this.secret = secret.value();
	}

	synchronized void answerAlways(int status) {
		plannedStatuses.clear();
		for (int i = 0; i < 100; i++) {
			plannedStatuses.add(status);
		}
	}

	synchronized List<Received> received() {
		return List.copyOf(received);
	}

	synchronized Set<String> handledIds() {
		return Set.copyOf(handledIds);
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		String id = exchange.getRequestHeaders().getFirst("webhook-id");
		String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
		String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
		boolean verified = verify(id, timestamp, signature, body);
		int status;
		synchronized (this) {
			status = !verified ? 401 : plannedStatuses.isEmpty() ? 200 : plannedStatuses.poll();
			received.add(new Received(id, Long.parseLong(timestamp), signature, new String(body, StandardCharsets.UTF_8),
					verified, status));
			if (status == 200) {
				handledIds.add(id);
			}
		}
		byte[] answer = (status == 200 ? "{\"ok\":true}" : "{\"error\":\"crm is down\"}").getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, answer.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(answer);
		}
	}

	/** Whether a CRM holding only {@code secret} accepts this request (any {@code v1,} entry of its header). */
	static boolean verifies(String secret, Received request) {
		return verify(secret, request.id(), Long.toString(request.timestamp()), request.signature(),
				request.body().getBytes(StandardCharsets.UTF_8));
	}

	private boolean verify(String id, String timestamp, String header, byte[] body) {
		return verify(secret, id, timestamp, header, body);
	}

	private static boolean verify(String secret, String id, String timestamp, String header, byte[] body) {
		if (id == null || timestamp == null || header == null || !secret.startsWith("whsec_")) {
			return false;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
			mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			byte[] expected = mac.doFinal(body);
			for (String candidate : header.split(" ")) {
				if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected,
						Base64.getDecoder().decode(candidate.substring(3)))) {
					return true;
				}
			}
			return false;
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}

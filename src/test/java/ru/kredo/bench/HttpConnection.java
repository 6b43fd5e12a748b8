package ru.kredo.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection on a plain socket, for load generation: a request is bytes written, a response is
 * read by {@code Content-Length} or chunks. Much cheaper per request than {@code java.net.http.HttpClient} (no
 * selector thread, no futures), which matters when the generator shares two cores with the server it measures. It
 * reconnects when the server closed the connection (Tomcat does every 100 requests), and retries a request once on a
 * fresh connection only if a reused one failed before a byte of the answer came back.
 */
public final class HttpConnection implements Closeable {

	private final String host;
	private final int port;
	private Socket socket;
	private InputStream in;
	private OutputStream out;
	private boolean reused;
	private final ByteArrayOutputStream body = new ByteArrayOutputStream(32 * 1024);

	public HttpConnection(String host, int port) {
		this.host = host;
		this.port = port;
	}

	/** The first lines of a request up to and including {@code Host}; add headers, then {@link #end(StringBuilder)}. */
	public StringBuilder start(String method, String target) {
		return new StringBuilder(256).append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: ")
			.append(host).append(':').append(port).append("\r\n");
	}

	public static byte[] end(StringBuilder head) {
		return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	/** Sends a whole request (head and body, as bytes) and reads the whole response. */
	public Response send(byte[] request) throws IOException {
		if (socket == null) {
			open();
		}
		boolean retryable = reused;
		boolean sent = false;
		try {
			out.write(request);
			out.flush();
			sent = true;
			return read(true);
		}
		catch (IOException ex) {
			close();
			if (!retryable || sent && !(ex instanceof NothingReceived)) {
				throw ex;
			}
			open();
			out.write(request);
			out.flush();
			return read(false);
		}
	}

	private void open() throws IOException {
		socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.connect(new InetSocketAddress(host, port), 5_000);
		socket.setSoTimeout(60_000);
		in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
		out = new BufferedOutputStream(socket.getOutputStream(), 4 * 1024);
		reused = false;
	}

	private Response read(boolean firstTry) throws IOException {
		int first = in.read();
		if (first < 0) {
			throw firstTry ? new NothingReceived() : new EOFException("the server closed the connection");
		}
		String statusLine = (char) first + line();
		int status = Integer.parseInt(statusLine.substring(9, 12));
		List<String> headers = new ArrayList<>();
		long length = -1;
		boolean chunked = false;
		boolean closing = false;
		for (String header = line(); !header.isEmpty(); header = line()) {
			headers.add(header);
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(header.substring(15).strip());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				closing = true;
			}
		}
		body.reset();
		if (chunked) {
			for (int size = Integer.parseInt(line().split(";", 2)[0].strip(), 16); size > 0;
					size = Integer.parseInt(line().split(";", 2)[0].strip(), 16)) {
				copy(size);
				line();
			}
			while (!line().isEmpty()) {
				// trailers: none expected, skipped
			}
		}
		else if (length >= 0) {
			copy(length);
		}
		else {
			in.transferTo(body);
			closing = true;
		}
		Response response = new Response(status, headers, body.toByteArray());
		if (closing) {
			close();
		}
		else {
			reused = true;
		}
		return response;
	}

	private void copy(long length) throws IOException {
		byte[] buffer = new byte[8192];
		for (long left = length; left > 0;) {
			int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
			if (n < 0) {
				throw new EOFException("the response ended early");
			}
			body.write(buffer, 0, n);
			left -= n;
		}
	}

	private String line() throws IOException {
		StringBuilder line = new StringBuilder(64);
		for (int c = in.read(); c != '\n'; c = in.read()) {
			if (c < 0) {
				throw new EOFException("the response ended early");
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	@Override
	public void close() {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ignored) {
				// closing anyway
			}
			socket = null;
		}
	}

	/** A response: its status, raw header lines, and body. */
	public record Response(int status, List<String> headers, byte[] body) {

		public String text() {
			return new String(body, StandardCharsets.UTF_8);
		}

		/** The first value of a header, or null. */
		public String header(String name) {
			String prefix = name.toLowerCase(Locale.ROOT) + ":";
			return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
				.map(h -> h.substring(prefix.length()).strip()).findFirst().orElse(null);
		}

		/** The {@code name=value} of each cookie the response sets. */
		public List<String> cookies() {
			return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith("set-cookie:"))
				.map(h -> h.substring(11).strip().split(";", 2)[0]).toList();
		}
	}

	/** A reused connection the server had closed in the meantime: safe to send the request again. */
	private static final class NothingReceived extends EOFException {

		NothingReceived() {
			super("the server closed the connection before answering");
		}
	}
}

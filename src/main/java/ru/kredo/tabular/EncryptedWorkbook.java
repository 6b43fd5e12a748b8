package ru.kredo.tabular;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether a compound file (the container of an old binary .xls) is in fact an Excel workbook saved with a password:
 * Office encrypts an .xlsx into a compound file whose directory names the streams {@code EncryptionInfo} and
 * {@code EncryptedPackage} (MS-OFFCRYPTO 2.3.4). A broker told to "save it as .xlsx" would have nothing to do; told
 * that it is protected, he removes the password. The directory is looked for in the file's first and last megabyte,
 * where Office writes it.
 */
final class EncryptedWorkbook {

	private static final byte[] NAME = "EncryptedPackage".getBytes(StandardCharsets.UTF_16LE);
	private static final int LOOK = 1024 * 1024;

	private EncryptedWorkbook() {
	}

	static boolean is(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			long size = channel.size();
			return contains(channel, 0, (int) Math.min(size, LOOK))
					|| size > LOOK && contains(channel, Math.max(LOOK - NAME.length, size - LOOK), (int) Math.min(size, LOOK));
		}
	}

	private static boolean contains(FileChannel channel, long from, int length) throws IOException {
		ByteBuffer bytes = ByteBuffer.allocate(length);
		channel.position(from);
		while (bytes.hasRemaining() && channel.read(bytes) > 0) {
			// reads the window whole
		}
		byte[] window = bytes.array();
		int filled = bytes.position();
		outer: for (int i = 0; i + NAME.length <= filled; i++) {
			for (int j = 0; j < NAME.length; j++) {
				if (window[i + j] != NAME[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}
}

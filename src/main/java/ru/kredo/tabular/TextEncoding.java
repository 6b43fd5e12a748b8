package ru.kredo.tabular;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Which encoding a CRM export is in. Russian CRMs and Excel write UTF-8 (with or without a BOM) or Windows-1251;
 * cp1251 text is almost never valid UTF-8, so a strict UTF-8 decoding of the first bytes tells them apart.
 */
final class TextEncoding {

	static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
	static final int BOM_LENGTH = 3;

	private TextEncoding() {
	}

	static boolean hasUtf8Bom(byte[] sample, int length) {
		return length >= BOM_LENGTH && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB
				&& (sample[2] & 0xFF) == 0xBF;
	}

	/** UTF-8 when the sample has a BOM or decodes strictly (a sequence cut at the sample's end is fine), else cp1251. */
	static Charset detect(byte[] sample, int length) {
		if (hasUtf8Bom(sample, length)) {
			return StandardCharsets.UTF_8;
		}
		CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		CharBuffer out = CharBuffer.allocate(length + 1);
		boolean valid = !strict.decode(ByteBuffer.wrap(sample, 0, length), out, false).isError();
		return valid ? StandardCharsets.UTF_8 : WINDOWS_1251;
	}
}

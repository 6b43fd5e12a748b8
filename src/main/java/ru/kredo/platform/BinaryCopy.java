package ru.kredo.platform;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows in PostgreSQL's binary COPY format (the "COPY" page of its manual, "Binary Format"; each value in its type's
 * send/receive form): the server reads numbers, timestamps and bytes as they are instead of parsing their text, and
 * nothing needs escaping. Text is written as UTF-8, so it is only for a database whose server encoding is UTF8.
 * Used where rows go in by the thousand in one transaction: credit events, and the signals they raise.
 */
public final class BinaryCopy {

	private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 };
	// PostgreSQL counts timestamps in microseconds from 2000-01-01 00:00 UTC.
	private static final long EPOCH_2000_SECONDS = 946_684_800L;
	private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
	private static final short NUMERIC_NEGATIVE = 0x4000;
	private static final long[] TENS = { 1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
			100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L,
			100_000_000_000_000L, 1_000_000_000_000_000L, 10_000_000_000_000_000L, 100_000_000_000_000_000L,
			1_000_000_000_000_000_000L };

	private byte[] buffer;
	private int length;

	public BinaryCopy(int expectedBytes) {
		this.buffer = new byte[Math.max(64, expectedBytes)];
		append(SIGNATURE);
		int32(0); // flags
		int32(0); // no header extension
	}

	/** Starts a row of so many columns; then one call per column, in order. */
	public BinaryCopy row(int columns) {
		int16(columns);
		return this;
	}

	public BinaryCopy int8(long value) {
		int32(8);
		int64(value);
		return this;
	}

	public BinaryCopy int4(Integer value) {
		if (value == null) {
			return nothing();
		}
		int32(4);
		int32(value);
		return this;
	}

	public BinaryCopy uuid(UUID value) {
		if (value == null) {
			return nothing();
		}
		int32(16);
		int64(value.getMostSignificantBits());
		int64(value.getLeastSignificantBits());
		return this;
	}

	public BinaryCopy text(String value) {
		return value == null ? nothing() : bytea(value.getBytes(StandardCharsets.UTF_8));
	}

	public BinaryCopy bytea(byte[] value) {
		if (value == null) {
			return nothing();
		}
		int32(value.length);
		append(value);
		return this;
	}

	/** A timestamptz, rounded to the microsecond as PostgreSQL rounds the text it reads. */
	public BinaryCopy timestamp(Instant value) {
		if (value == null) {
			return nothing();
		}
		long micros = Math.addExact(Math.multiplyExact(value.getEpochSecond() - EPOCH_2000_SECONDS, 1_000_000L),
				(value.getNano() + 500) / 1_000);
		return int8(micros);
	}

	/**
	 * A numeric: base-10,000 digits around the decimal point, the weight of the first, the sign and the display scale.
	 * The column's own precision and scale apply on the server as they would to text.
	 */
	public BinaryCopy numeric(BigDecimal value) {
		if (value == null) {
			return nothing();
		}
		int scale = Math.max(0, value.scale());
		int fractionDigits = (scale + 3) / 4 * 4;
		// An amount (up to 18 digits with its fraction padded to whole groups) in a long: no BigInteger division.
		if (value.precision() + fractionDigits - value.scale() <= 18) {
			long units = Math.abs(value.unscaledValue().longValue()) * TENS[fractionDigits - value.scale()];
			return numeric(units, value.signum(), scale, fractionDigits / 4);
		}
		BigInteger units = value.abs().setScale(fractionDigits).unscaledValue();
		short[] groups = new short[units.bitLength() / 13 + 2]; // 10,000 > 2^13: a group per 13 bits, at most
		int count = 0;
		int lowestWeight = -fractionDigits / 4;
		while (units.signum() > 0) {
			BigInteger[] divided = units.divideAndRemainder(TEN_THOUSAND);
			short group = divided[1].shortValue();
			if (count == 0 && group == 0) {
				lowestWeight++; // trailing zero groups are not written
			}
			else {
				groups[count++] = group;
			}
			units = divided[0];
		}
		return numeric(groups, count, lowestWeight, value.signum(), scale);
	}

	// The same as above, from a long.
	private BinaryCopy numeric(long units, int signum, int scale, int fractionGroups) {
		short[] groups = new short[5]; // 18 digits
		int count = 0;
		int lowestWeight = -fractionGroups;
		while (units > 0) {
			short group = (short) (units % 10_000);
			if (count == 0 && group == 0) {
				lowestWeight++;
			}
			else {
				groups[count++] = group;
			}
			units /= 10_000;
		}
		return numeric(groups, count, lowestWeight, signum, scale);
	}

	private BinaryCopy numeric(short[] groups, int count, int lowestWeight, int signum, int scale) {
		int32(8 + 2 * count);
		int16(count);
		int16(count == 0 ? 0 : lowestWeight + count - 1);
		int16(signum < 0 ? NUMERIC_NEGATIVE : 0);
		int16(scale);
		for (int i = count - 1; i >= 0; i--) {
			int16(groups[i]);
		}
		return this;
	}

	public BinaryCopy nothing() {
		int32(-1);
		return this;
	}

	/**
	 * Ends the rows with the trailer and sends them with this COPY statement ({@code copy … from stdin (format
	 * binary)}) on the connection, in its transaction; the number of rows copied. A COPY that fails half-way is
	 * cancelled, so that the connection is not left in copy mode.
	 */
	public long copyInto(Connection connection, String copyStatement) throws SQLException {
		int16(-1);
		CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copyStatement);
		try {
			copy.writeToCopy(buffer, 0, length);
			return copy.endCopy();
		}
		catch (SQLException ex) {
			if (copy.isActive()) {
				try {
					copy.cancelCopy();
				}
				catch (SQLException cancelling) {
					ex.addSuppressed(cancelling);
				}
			}
			throw ex;
		}
	}

	private void int16(int value) {
		ensure(2);
		buffer[length++] = (byte) (value >>> 8);
		buffer[length++] = (byte) value;
	}

	private void int64(long value) {
		ensure(8);
		for (int shift = 56; shift >= 0; shift -= 8) {
			buffer[length++] = (byte) (value >>> shift);
		}
	}

	private void int32(int value) {
		ensure(4);
		buffer[length++] = (byte) (value >>> 24);
		buffer[length++] = (byte) (value >>> 16);
		buffer[length++] = (byte) (value >>> 8);
		buffer[length++] = (byte) value;
	}

	private void append(byte[] bytes) {
		ensure(bytes.length);
		System.arraycopy(bytes, 0, buffer, length, bytes.length);
		length += bytes.length;
	}

	private void ensure(int more) {
		if (length + more > buffer.length) {
			buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
		}
	}
}

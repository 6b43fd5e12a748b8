package ru.kredo.tabular;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import ru.kredo.platform.Rejected;

/**
 * What one upload may make Kredo hold or do ({@code kredo.imports.*}), whoever sends it: a file is refused, or its
 * import stopped, with a stable code the moment it passes one. Limits of the file's bytes (the upload's size) are the
 * importing module's; these are about what the bytes unpack and parse to. Documented in {@code docs/configuration.md}.
 *
 * @param maxPartSize the most any one part of an XLSX workbook (a sheet, the shared strings, the styles…) may unpack
 *        to ({@code import.file-too-complex})
 * @param maxSharedStrings the most a workbook's shared strings and cell formats may unpack to together, in whichever
 *        part: the Excel reader holds those it has met in memory ({@code import.file-too-complex-strings})
 * @param maxCompressionRatio the most a part of a workbook over a megabyte may be compressed, unpacked to packed
 *        bytes; a zip bomb is a thousand to one, a real sheet twenty ({@code import.file-too-complex})
 * @param maxCellLength the longest text of one cell, in characters; Excel's own is 32,767 ({@code import.cell-too-long})
 * @param maxRowLength the longest row of a CSV file, in characters: an unclosed quote makes the rest of the file one
 *        row ({@code import.row-too-long})
 * @param maxColumns the most columns a row may have ({@code import.too-many-columns})
 * @param maxRows the most rows an import reads, empty ones included ({@code import.too-many-rows})
 * @param maxRejectedRows the most rows an import rejects before it gives up ({@code import.too-many-rejected}); the
 *        error report never holds more
 * @param maxDuration the longest an import may run ({@code import.too-slow})
 */
@ConfigurationProperties("kredo.imports")
public record ImportLimits(@DefaultValue("1GB") DataSize maxPartSize, @DefaultValue("128MB") DataSize maxSharedStrings,
		@DefaultValue("200") int maxCompressionRatio, @DefaultValue("32767") int maxCellLength,
		@DefaultValue("1000000") int maxRowLength, @DefaultValue("1000") int maxColumns,
		@DefaultValue("1000000") long maxRows, @DefaultValue("10000") long maxRejectedRows,
		@DefaultValue("2h") Duration maxDuration) {

	/** The defaults, for callers outside Spring (the command line, unit tests). */
	public static final ImportLimits DEFAULTS = new ImportLimits(DataSize.ofGigabytes(1), DataSize.ofMegabytes(128), 200,
			32767, 1_000_000, 1000, 1_000_000, 10_000, Duration.ofHours(2));

	/** Whether {@code rejected} rows are past {@link #maxRejectedRows}: then the import is to stop. */
	public boolean tooManyRejected(long rejected) {
		return rejected > maxRejectedRows;
	}

	/**
	 * Why an import gave up after {@link #maxRejectedRows} rejected rows ({@code import.too-many-rejected}), saying how
	 * many rows it kept: a file that is mostly wrong is better fixed than reported on a million lines.
	 */
	public Rejected gaveUp(long kept) {
		return new Rejected("import.too-many-rejected", maxRejectedRows, kept);
	}
}

package ru.kredo.documents;

import java.util.List;
import java.util.Objects;

/**
 * A conversation between an agency and a debtor as a document for a regulator's request (230-ФЗ: the agency's record
 * of its interaction with the debtor): who the agency and the debtor are, every message with its time and author, and
 * the files attached, by name and size. Times come already written in the agency's zone, which {@code zone} names.
 * Internal notes of the agency's staff are not interaction with the debtor and are not passed here.
 *
 * @param agencyName the agency as the platform knows it
 * @param requisites its legal requisites when it has filled them in, or {@code null}
 * @param zone the time zone the times are written in, as people name it («Москва (UTC+3)»)
 * @param exportedAt when the document was made, in that zone
 */
public record ConversationTranscript(String agencyName, Agency requisites, String debtor, String zone, String exportedBy,
		String exportedAt, List<Line> lines) {

	public ConversationTranscript {
		Objects.requireNonNull(agencyName, "agencyName");
		Objects.requireNonNull(debtor, "debtor");
		lines = List.copyOf(lines);
	}

	/**
	 * A message: when, who wrote it (the debtor, or the operator by name), its text, and its files.
	 *
	 * @param fromDebtor whether the debtor wrote it
	 */
	public record Line(String at, String author, boolean fromDebtor, String text, List<File> files) {

		public Line {
			files = List.copyOf(files);
		}
	}

	/** A file attached to a message: its name and size, as written ({@code 245 КБ}). */
	public record File(String name, String size) {
	}
}

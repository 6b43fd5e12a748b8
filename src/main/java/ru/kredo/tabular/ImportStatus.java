package ru.kredo.tabular;

/** Where an import of a file stands. */
public enum ImportStatus {
	RUNNING,
	DONE,
	/** Stopped by an error it could not get past; the batches before it are kept. */
	FAILED,
	/** Its process stopped (a restart, a crash) mid-file; the batches before it are kept, re-uploading finishes it. */
	INTERRUPTED
}

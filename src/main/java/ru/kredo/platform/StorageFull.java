package ru.kredo.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An upload that the server's disk had no room for: nothing of it was kept, and the sender may send it again once
 * there is room. A {@link Rejected} (a page shows it on the file's field) that the API answers with 507.
 */
@ResponseStatus(HttpStatus.INSUFFICIENT_STORAGE)
public class StorageFull extends Rejected {

	public StorageFull() {
		super("import.disk-full");
	}
}

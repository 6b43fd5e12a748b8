package ru.kredo.cabinet;

import java.io.Serializable;

import ru.kredo.contacts.ContactId;
import ru.kredo.tenancy.TenantId;

/**
 * The debtor a session proved to be (ФИО, phone and the texted code), in one agency's cabinet. A page of the cabinet
 * ({@code /cabinet/{agency}/…}, in any module) gets him by declaring a parameter of this type; he is the one signed in
 * to <em>that</em> agency's door, never another agency's:
 * <ul>
 * <li>{@code SignedInDebtor debtor}: the page is for him only; a visitor not signed in there is sent to the door
 * ({@code redirect:/cabinet/{agency}}) before the handler runs;</li>
 * <li>{@code Optional<SignedInDebtor> debtor}: the page decides (a page guests see too, or one that answers a guest
 * 404).</li>
 * </ul>
 * Kept in the servlet session (so it must stay {@link Serializable}): it ends with the session's idle timeout or at
 * «Выйти».
 *
 * @param phone the number (E.164) he signed in with — the one he proved he holds, where his signing codes go
 *        ({@link CabinetSignIn#signingPhone}); {@code null} in a session kept from before it was recorded (a record's
 *        field missing from a stored session reads as {@code null})
 */
public record SignedInDebtor(TenantId tenantId, ContactId contactId, String phone) implements Serializable {

	/** Signed in without the number known (tests, and sessions from before it was recorded). */
	public SignedInDebtor(TenantId tenantId, ContactId contactId) {
		this(tenantId, contactId, null);
	}
}

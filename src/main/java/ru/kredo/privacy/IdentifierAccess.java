package ru.kredo.privacy;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may see a person's identifiers (passport, ИНН, СНИЛС) in full and export them (152-ФЗ: access only for those
 * who need it). A tenant's admin and the platform operator may; so may an API key, which acts for the whole tenant,
 * typically its CRM (its views and exports are audited like anyone's). A manager works signals by phone and sees
 * identifiers masked; so does anyone else.
 */
@Component
public class IdentifierAccess {

	private static final Set<String> FULL = Set.of("ROLE_ADMIN", "ROLE_OPERATOR", "ROLE_API");

	/** Whether the actor of the current request sees identifiers in full. */
	public boolean full() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities().stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(FULL::contains);
	}
}

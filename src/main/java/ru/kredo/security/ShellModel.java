package ru.kredo.security;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.tenancy.TenantClocks;
import ru.kredo.tenancy.TenantKind;

/** Gives every page the signed-in user, from whom the layout shapes its navigation. */
@ControllerAdvice(annotations = Controller.class)
class ShellModel {

	private final TenantClocks clocks;

	ShellModel(TenantClocks clocks) {
		this.clocks = clocks;
	}

	@ModelAttribute("me")
	SignedInUser me(@AuthenticationPrincipal SignedInUser me) {
		return me;
	}

	/** Whether the signed-in admin's tenant is a sandbox: its admin has «Тестовые часы» (docs/sandbox.md). */
	@ModelAttribute("sandboxTenant")
	boolean sandboxTenant(@AuthenticationPrincipal SignedInUser me) {
		return me != null && me.isAdmin() && me.tenantKind() != TenantKind.PLATFORM && clocks.isSandbox(me.tenantId());
	}
}

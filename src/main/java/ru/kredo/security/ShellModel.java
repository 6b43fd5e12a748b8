package ru.kredo.security;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import ru.kredo.accounts.SignedInUser;

/** Gives every page the signed-in user, from whom the layout shapes its navigation. */
@ControllerAdvice(annotations = Controller.class)
class ShellModel {

	@ModelAttribute("me")
	SignedInUser me(@AuthenticationPrincipal SignedInUser me) {
		return me;
	}
}

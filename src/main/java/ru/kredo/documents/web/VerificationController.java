package ru.kredo.documents.web;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import ru.kredo.documents.Certificates;
import ru.kredo.documents.VerificationCode;
import ru.kredo.documents.VerifiedCertificate;
import ru.kredo.platform.ClientAddress;

/**
 * The public page where anyone holding a certificate checks it by its code, without signing in. It shows only
 * masked details, and the same "not found" for a malformed code as for an unknown one.
 */
@Controller
class VerificationController {

	private final Certificates certificates;
	private final VerificationRateLimit limit;

	VerificationController(Certificates certificates, VerificationRateLimit limit) {
		this.certificates = certificates;
		this.limit = limit;
	}

	@GetMapping("/verify")
	String verify(@RequestParam(required = false) String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (code == null || code.isBlank()) {
			return "documents/verify";
		}
		model.addAttribute("typed", code.strip());
		if (!limit.tryCheck(ClientAddress.forLimits(request.getRemoteAddr()))) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("blocked", true);
			return "documents/verify";
		}
		Optional<VerifiedCertificate> certificate = VerificationCode.parse(code).flatMap(certificates::verify);
		certificate.ifPresentOrElse(found -> model.addAttribute("certificate", found), () -> {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("notFound", true);
		});
		return "documents/verify";
	}
}

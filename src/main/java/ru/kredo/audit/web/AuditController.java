package ru.kredo.audit.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import ru.kredo.audit.AuditLog;
import ru.kredo.tenancy.CurrentTenant;

@Controller
class AuditController {

	private final AuditLog audit;
	private final CurrentTenant current;

	AuditController(AuditLog audit, CurrentTenant current) {
		this.audit = audit;
		this.current = current;
	}

	@GetMapping("/audit")
	String list(Model model) {
		model.addAttribute("events", audit.latest(current.id(), 500));
		return "audit/list";
	}
}

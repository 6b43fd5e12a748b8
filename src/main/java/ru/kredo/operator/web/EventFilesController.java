package ru.kredo.operator.web;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.events.CreditEventIntake;
import ru.kredo.events.IntakeReport;
import ru.kredo.events.QueuedReport;
import ru.kredo.events.UploadSource;

/**
 * The operator uploads a bureau's file of credit events (JSON Lines or a JSON array) and reads what became of it; the
 * upload is listed with the others on «Фиды» ({@code /operator/feeds/files}).
 */
@Controller
@RequestMapping("/operator/events")
class EventFilesController {

	static final int SHOWN_REJECTIONS = 100;

	private final CreditEventIntake intake;

	EventFilesController(CreditEventIntake intake) {
		this.intake = intake;
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("shown", SHOWN_REJECTIONS);
		return "operator/events";
	}

	/**
	 * Post/redirect/get: the report goes to the page in flash attributes, so a reload does not ingest the file again.
	 * With Kafka configured the file's events are published to the events topic, and the report says how many.
	 */
	@PostMapping
	String upload(@AuthenticationPrincipal SignedInUser me, @RequestParam("file") MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		try (InputStream in = file.getInputStream()) {
			IntakeReport report = intake.take(in,
					UploadSource.operatorFile(me.userId().value(), me.displayName(), file.getOriginalFilename()));
			redirect.addFlashAttribute("report", report);
			redirect.addFlashAttribute("queued", report instanceof QueuedReport);
			redirect.addFlashAttribute("fileName", file.getOriginalFilename());
		}
		return "redirect:/operator/events";
	}
}

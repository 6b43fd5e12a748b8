package ru.kredo.cabinet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import ru.kredo.platform.Rejected;
import ru.kredo.platform.TooLarge;
import ru.kredo.tenancy.TenantId;

/**
 * An agency's branding of its cabinet: the accent colour and the logo, set by its admin on the «Кабинет» page.
 * <p>
 * A colour is {@code #rgb} or {@code #rrggbb} and must reach WCAG AA (4.5:1) against white, because buttons carry
 * white text on it and links are written in it; a colour too light is refused with a darker one of the same hue that
 * passes. A logo is a PNG or a JPEG, recognised by its content (not its name), no larger than
 * {@code kredo.cabinet.logo.max-size} and {@code kredo.cabinet.logo.max-pixels} on a side, and decoded whole before it
 * is kept; SVG is refused, since an SVG can carry scripts and links that only a full sanitiser could take out. The
 * logo is served from Kredo's own origin with its checked type ({@code /cabinet/{agency}/logo}).
 * <p>
 * Every cabinet page reads the look, so it is kept in memory for {@link #FRESH} (a save on this instance shows at
 * once, on another within that time).
 */
@Service
public class CabinetLooks {

	static final Duration FRESH = Duration.ofSeconds(30);

	private static final Pattern HEX = Pattern.compile("#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})");
	private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

	private final JdbcClient jdbc;
	private final Clock clock;
	private final DataSize maxSize;
	private final int maxPixels;
	private final Map<TenantId, Cached> cache = new ConcurrentHashMap<>();

	CabinetLooks(JdbcClient jdbc, Clock clock, @Value("${kredo.cabinet.logo.max-size:200KB}") DataSize maxSize,
			@Value("${kredo.cabinet.logo.max-pixels:2000}") int maxPixels) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxSize = maxSize;
		this.maxPixels = maxPixels;
	}

	/** The agency's look; the default one when it set none. */
	public CabinetLook of(TenantId tenant) {
		Instant now = clock.instant();
		Cached cached = cache.get(tenant);
		if (cached != null && cached.at().plus(FRESH).isAfter(now)) {
			return cached.look();
		}
		CabinetLook look = jdbc.sql("select accent, logo_type, version from cabinet_looks where tenant_id = ?")
			.param(tenant.value())
			.query((rs, n) -> new CabinetLook(tenant, rs.getString(1), rs.getString(2), rs.getLong(3)))
			.optional()
			.orElseGet(() -> CabinetLook.none(tenant));
		cache.put(tenant, new Cached(look, now));
		return look;
	}

	/** The logo's bytes and type, if the agency has one. */
	public Optional<Logo> logo(TenantId tenant) {
		return jdbc.sql("select logo, logo_type, version from cabinet_looks where tenant_id = ? and logo is not null")
			.param(tenant.value())
			.query((rs, n) -> new Logo(rs.getBytes(1), rs.getString(2), rs.getLong(3)))
			.optional();
	}

	/**
	 * Saves the colour (blank: back to the default) and, when one is given, a new logo; {@code removeLogo} drops the
	 * current one. Nothing is saved when either is refused.
	 *
	 * @param logo the uploaded file's bytes, or {@code null} or empty to keep the current logo
	 */
	@Transactional
	public void save(TenantId tenant, String accent, byte[] logo, String fileName, boolean removeLogo) {
		String colour = accent(accent);
		String type = logo == null || logo.length == 0 ? null : logoType(logo, fileName);
		jdbc.sql("""
				insert into cabinet_looks (tenant_id, accent, logo, logo_type, version, updated_at)
				values (:tenant, :accent, :logo, :type, 1, :at)
				on conflict (tenant_id) do update set accent = excluded.accent,
				    logo = case when :keep then cabinet_looks.logo else excluded.logo end,
				    logo_type = case when :keep then cabinet_looks.logo_type else excluded.logo_type end,
				    version = cabinet_looks.version + 1, updated_at = excluded.updated_at""")
			.param("tenant", tenant.value())
			.param("accent", colour)
			.param("logo", type == null ? null : logo)
			.param("type", type)
			.param("keep", type == null && !removeLogo)
			.param("at", Timestamp.from(clock.instant()))
			.update();
		cache.remove(tenant);
	}

	/**
	 * A typed colour as {@code #rrggbb} in lower case, {@code null} for a blank one; refused when it is no colour, or
	 * when white text on it (and it as text on white) would fall short of WCAG AA.
	 */
	public static String accent(String typed) {
		String value = typed == null ? "" : typed.strip();
		if (value.isEmpty()) {
			return null;
		}
		if (!HEX.matcher(value).matches()) {
			throw new Rejected("cabinet-look.accent-invalid");
		}
		String digits = value.startsWith("#") ? value.substring(1) : value;
		if (digits.length() == 3) {
			digits = "" + digits.charAt(0) + digits.charAt(0) + digits.charAt(1) + digits.charAt(1) + digits.charAt(2)
					+ digits.charAt(2);
		}
		String hex = "#" + digits.toLowerCase(Locale.ROOT);
		double ratio = Contrast.againstWhite(hex);
		if (ratio < Contrast.AA) {
			throw new Rejected("cabinet-look.accent-low-contrast", hex, Math.floor(ratio * 10) / 10,
					Contrast.darkenedToAa(hex));
		}
		return hex;
	}

	/** The checked type of an uploaded logo: a PNG or a JPEG by its content, small enough, decoded whole. */
	String logoType(byte[] logo, String fileName) {
		if (logo.length > maxSize.toBytes()) {
			throw logoTooLarge();
		}
		if (looksLikeMarkup(logo) || fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".svg")) {
			throw new Rejected("cabinet-look.logo-svg");
		}
		String type = startsWith(logo, PNG) ? "image/png" : startsWith(logo, JPEG) ? "image/jpeg" : null;
		if (type == null) {
			throw new Rejected("cabinet-look.logo-type");
		}
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(logo))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new Rejected("cabinet-look.logo-unreadable");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				// The size is read from the header before anything is decoded: a small file may claim a huge picture.
				if (reader.getWidth(0) > maxPixels || reader.getHeight(0) > maxPixels) {
					throw new Rejected("cabinet-look.logo-too-many-pixels", maxPixels);
				}
				reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof Rejected rejected) {
				throw rejected;
			}
			throw new Rejected("cabinet-look.logo-unreadable");
		}
		return type;
	}

	/** The most a logo may weigh ({@code kredo.cabinet.logo.max-size}). */
	public DataSize maxLogoSize() {
		return maxSize;
	}

	/** The refusal of a logo over {@link #maxLogoSize()}, in kilobytes. */
	public TooLarge logoTooLarge() {
		return new TooLarge("cabinet-look.logo-too-large", Math.max(1, maxSize.toKilobytes()));
	}

	/** Text that starts (after a byte-order mark and blanks) with {@code <}: SVG, XML or HTML, never an image here. */
	private static boolean looksLikeMarkup(byte[] bytes) {
		String head = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
		return head.startsWith("<") || head.toLowerCase(Locale.ROOT).contains("<svg");
	}

	private static boolean startsWith(byte[] bytes, byte[] magic) {
		if (bytes.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (bytes[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}

	/** A stored logo: its bytes, its checked type and the look's version. */
	public record Logo(byte[] bytes, String type, long version) {
	}

	private record Cached(CabinetLook look, Instant at) {
	}
}

package ru.kredo.platform;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether the request's path belongs to a route its caller may not know of (another kind of tenant's: an agency's
 * API to a broker's key). Asked when a request fails before any handler is chosen (a wrong method or Content-Type),
 * so that such a failure answers the same 404 as the route itself would, and tells nobody it exists. Implemented by
 * {@code tenancy} from its table of who may use which route.
 */
public interface HiddenRoutes {

	boolean hides(HttpServletRequest request);
}

import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n";

/** Statuses the page explains in their own words; any other is "something went wrong". */
const KNOWN = new Set([400, 403, 404, 413, 415, 503]);

/** The one error page every route hands its errors to. */
export function GeneralErrorBoundary() {
	const error = useRouteError();
	const { t } = useTranslation();
	const status = isRouteErrorResponse(error) ? error.status : 500;
	// db.server.ts answers 503 with this body when the database cannot be read or written.
	const page =
		isRouteErrorResponse(error) && error.data === "database-unavailable"
			? "database"
			: KNOWN.has(status)
				? String(status)
				: "500";
	if (!isRouteErrorResponse(error)) console.error(error);
	return (
		<section className="error-page" aria-labelledby="error-title">
			<h1 id="error-title">{t(`errors.page.${page}.title`)}</h1>
			<p>{t(`errors.page.${page}.text`)}</p>
			<p>
				<Link to="/">{t("errors.page.home")}</Link>
			</p>
		</section>
	);
}

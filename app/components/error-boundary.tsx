import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n";

/** The one error page every route hands its errors to. */
export function GeneralErrorBoundary() {
	const error = useRouteError();
	const { t } = useTranslation();
	const status = isRouteErrorResponse(error) ? error.status : 500;
	const known = status === 403 || status === 404 || status === 503;
	if (!isRouteErrorResponse(error)) console.error(error);
	return (
		<section className="error-page" aria-labelledby="error-title">
			<h1 id="error-title">{t(known ? `errors.page.${status}.title` : "errors.page.500.title")}</h1>
			<p>{t(known ? `errors.page.${status}.text` : "errors.page.500.text")}</p>
			<p>
				<Link to="/">{t("errors.page.home")}</Link>
			</p>
		</section>
	);
}

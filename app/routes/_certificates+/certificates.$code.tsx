import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireUser } from "~/utils/auth.server";
import { certificateTitle, findCertificate } from "~/utils/certificates.server";
import { useFormat } from "~/utils/format";
import { resolveLanguage } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";
import { hasRole } from "~/utils/roles";
import { pageMeta } from "~/utils/meta";

/** The holder's certificate, printable on A4; the public check is /verify/:code. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request);
	const certificate = await findCertificate(params.code);
	if (!certificate || (certificate.userId !== user.id && !hasRole(user, "admin"))) {
		throw new Response("Not found", { status: 404 });
	}
	const origin = new URL(request.url).origin;
	return {
		certificate: {
			code: certificate.code,
			name: certificate.recipientName,
			track: certificateTitle(certificate, resolveLanguage(request, user)),
			issuedAt: certificate.issuedAt,
			revoked: certificate.revokedAt !== null,
		},
		verifyUrl: `${origin}/verify/${certificate.code}`,
	};
}

export const meta = pageMeta(({ t }) => t("certificate.heading"));

export default function CertificatePage() {
	const { certificate, verifyUrl } = useLoaderData<typeof loader>();
	const { t } = useTranslation();
	const format = useFormat();
	return (
		<div className="stack-large">
			<p className="actions no-print">
				<a className="button" href={`/certificates/${certificate.code}/pdf`} download>
					{t("certificate.downloadPdf")}
				</a>
				<Link to="/tracks">{t("tracks.title")}</Link>
			</p>
			<article className="certificate" aria-labelledby="certificate-name">
				<p className="certificate__brand">DSM Academy</p>
				<p>{t("certificate.heading")}</p>
				<p>{t("certificate.certifiesThat")}</p>
				<h1 id="certificate-name" className="certificate__name">
					{certificate.name}
				</h1>
				<p>{t("certificate.hasCompleted")}</p>
				<p className="certificate__track">{certificate.track}</p>
				<p>{t("certificate.issuedOn", { date: format.date(certificate.issuedAt) })}</p>
				<p>{t("certificate.code", { code: certificate.code })}</p>
				<p className="certificate__verify">{t("certificate.verifyAt", { url: verifyUrl })}</p>
				{certificate.revoked ? <p className="result result--failed">{t("certificate.revoked")}</p> : null}
			</article>
		</div>
	);
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getUser } from "~/utils/auth.server";
import { certificateTitle, findCertificate } from "~/utils/certificates.server";
import { useFormat } from "~/utils/format";
import { resolveLanguage } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";
import { pageMeta } from "~/utils/meta";

/** Anyone, signed in or not, can check a certificate's code here. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const certificate = await findCertificate(params.code);
	// The page says the code is unknown, and the status says so to anything that checks codes.
	if (!certificate) return data({ found: false as const, code: params.code ?? "" }, { status: 404 });
	const language = resolveLanguage(request, await getUser(request));
	return data({
		found: true as const,
		code: certificate.code,
		name: certificate.recipientName,
		track: certificateTitle(certificate, language),
		issuedAt: certificate.issuedAt,
		valid: certificate.revokedAt === null,
	});
}

export const meta = pageMeta(({ t }) => t("verify.title"), [{ name: "robots", content: "noindex" }]);

export default function VerifyPage() {
	const certificate = useLoaderData<typeof loader>();
	const { t } = useTranslation();
	const format = useFormat();
	return (
		<div className="narrow stack">
			<h1>{t("verify.title")}</h1>
			{certificate.found ? (
				<>
					<p className={`result ${certificate.valid ? "result--passed" : "result--failed"}`} role="status">
						{t(certificate.valid ? "verify.valid" : "verify.revoked")}
					</p>
					<dl className="facts">
						<dt>{t("verify.holder")}</dt>
						<dd>{certificate.name}</dd>
						<dt>{t("verify.track")}</dt>
						<dd>{certificate.track}</dd>
						<dt>{t("verify.issued")}</dt>
						<dd>{format.date(certificate.issuedAt)}</dd>
						<dt>{t("verify.code")}</dt>
						<dd>
							<code>{certificate.code}</code>
						</dd>
					</dl>
				</>
			) : (
				<p className="result result--failed" role="status">
					{t("verify.notFound", { code: certificate.code })}
				</p>
			)}
		</div>
	);
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}

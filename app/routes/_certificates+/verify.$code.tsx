import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getUser } from "~/utils/auth.server";
import { certificateTitle, findCertificate } from "~/utils/certificates.server";
import { useFormat } from "~/utils/format";
import { resolveLanguage } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";

/** Anyone, signed in or not, can check a certificate's code here. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const certificate = await findCertificate(params.code);
	if (!certificate) return { found: false as const, code: params.code ?? "" };
	const language = resolveLanguage(request, await getUser(request));
	return {
		found: true as const,
		code: certificate.code,
		name: certificate.recipientName,
		track: certificateTitle(certificate, language),
		issuedAt: certificate.issuedAt,
		valid: certificate.revokedAt === null,
	};
}

export const meta: MetaFunction = () => [
	{ title: "Verify a certificate · DSM Academy" },
	{ name: "robots", content: "noindex" },
];

export default function VerifyPage() {
	const data = useLoaderData<typeof loader>();
	const { t } = useTranslation();
	const format = useFormat();
	return (
		<div className="narrow stack">
			<h1>{t("verify.title")}</h1>
			{data.found ? (
				<>
					<p className={`result ${data.valid ? "result--passed" : "result--failed"}`} role="status">
						{t(data.valid ? "verify.valid" : "verify.revoked")}
					</p>
					<dl className="facts">
						<dt>{t("verify.holder")}</dt>
						<dd>{data.name}</dd>
						<dt>{t("verify.track")}</dt>
						<dd>{data.track}</dd>
						<dt>{t("verify.issued")}</dt>
						<dd>{format.date(data.issuedAt)}</dd>
						<dt>{t("verify.code")}</dt>
						<dd>
							<code>{data.code}</code>
						</dd>
					</dl>
				</>
			) : (
				<p className="result result--failed" role="status">
					{t("verify.notFound", { code: data.code })}
				</p>
			)}
		</div>
	);
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}

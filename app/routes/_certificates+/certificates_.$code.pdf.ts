import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/utils/auth.server";
import { certificatePdf, findCertificate } from "~/utils/certificates.server";
import { createTranslator } from "~/utils/i18n";
import { catalogues, resolveLanguage } from "~/utils/i18n.server";
import { hasRole } from "~/utils/roles";

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request);
	const certificate = await findCertificate(params.code);
	if (!certificate || (certificate.userId !== user.id && !hasRole(user, "admin"))) {
		throw new Response("Not found", { status: 404 });
	}
	const language = resolveLanguage(request, user);
	const verifyUrl = `${new URL(request.url).origin}/verify/${certificate.code}`;
	const pdf = await certificatePdf(certificate, language, createTranslator(language, catalogues[language]), verifyUrl);
	return new Response(new Uint8Array(pdf), {
		headers: {
			"Content-Type": "application/pdf",
			"Content-Disposition": `attachment; filename="dsm-academy-${certificate.code}.pdf"`,
			"Cache-Control": "private, no-store",
		},
	});
}

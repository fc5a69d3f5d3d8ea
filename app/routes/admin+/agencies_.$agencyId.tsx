import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n";
import { AgencyForm } from "~/components/admin-forms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AgencySchema } from "~/utils/agency-schema";
import { saveAgency } from "~/utils/agency.server";
import { requireRole } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formValues, parseForm } from "~/utils/forms";
import { redirectWithToast } from "~/utils/toast.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, "admin");
	const [agency, countries] = await Promise.all([
		prisma.agency.findUnique({
			where: { id: params.agencyId },
			select: { id: true, name: true, nameRu: true, kind: true, countryCode: true },
		}),
		prisma.country.findMany({ select: { code: true, nameEn: true, nameRu: true }, orderBy: { nameEn: "asc" } }),
	]);
	if (!agency) throw new Response("Not found", { status: 404 });
	return { agency, countries };
}

export async function action({ request, params }: ActionFunctionArgs) {
	await requireRole(request, "admin");
	const formData = await request.formData();
	const submission = parseForm(formData, AgencySchema);
	if (!submission.success) return data(submission, { status: 400 });
	const result = await saveAgency(submission.data, params.agencyId);
	if (!result.ok) return data({ success: false, errors: result.errors, values: formValues(formData) }, { status: 400 });
	return redirectWithToast("/admin/agencies", {
		kind: "success",
		key: "admin.agencies.saved",
		values: { name: submission.data.name },
	});
}

export const meta = pageMeta<typeof loader>(({ t, language, data }) => [
	data && (language === "ru" && data.agency.nameRu ? data.agency.nameRu : data.agency.name),
	t("admin.agencies.title"),
]);

export default function AdminAgencyPage() {
	const { agency, countries } = useLoaderData<typeof loader>();
	const actionData = useActionData<typeof action>();
	const { t, language } = useTranslation();
	return (
		<div className="narrow stack-large">
			<p>
				<Link to="/admin/agencies">{t("admin.agencies.back")}</Link>
			</p>
			<h1>{agency.name}</h1>
			<AgencyForm
				agency={agency}
				countries={countries.map((c) => ({ code: c.code, name: language === "ru" ? c.nameRu : c.nameEn }))}
				actionData={actionData}
				submitLabel={t("admin.agencies.save")}
			/>
		</div>
	);
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}

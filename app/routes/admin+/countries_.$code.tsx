import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n";
import { CountryForm } from "~/components/admin-forms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CountrySchema } from "~/utils/agency-schema";
import { saveCountry } from "~/utils/agency.server";
import { requireRole } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formValues, parseForm } from "~/utils/forms";
import { redirectWithToast } from "~/utils/toast.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, "admin");
	const country = await prisma.country.findUnique({
		where: { code: params.code?.toUpperCase() },
		select: { code: true, nameEn: true, nameRu: true, isMember: true },
	});
	if (!country) throw new Response("Not found", { status: 404 });
	return { country };
}

export async function action({ request, params }: ActionFunctionArgs) {
	await requireRole(request, "admin");
	const formData = await request.formData();
	formData.set("code", params.code ?? "");
	const submission = parseForm(formData, CountrySchema);
	if (!submission.success) return data(submission, { status: 400 });
	const result = await saveCountry(submission.data, true);
	if (!result.ok) return data({ success: false, errors: result.errors, values: formValues(formData) }, { status: 400 });
	return redirectWithToast("/admin/countries", {
		kind: "success",
		key: "admin.countries.saved",
		values: { name: submission.data.nameEn },
	});
}

export const meta = pageMeta<typeof loader>(({ t, language, data }) => [
	data && (language === "ru" ? data.country.nameRu : data.country.nameEn),
	t("admin.countries.title"),
]);

export default function AdminCountryPage() {
	const { country } = useLoaderData<typeof loader>();
	const actionData = useActionData<typeof action>();
	const { t, language } = useTranslation();
	return (
		<div className="narrow stack-large">
			<p>
				<Link to="/admin/countries">{t("admin.countries.back")}</Link>
			</p>
			<h1>{language === "ru" ? country.nameRu : country.nameEn}</h1>
			<CountryForm country={country} actionData={actionData} submitLabel={t("admin.countries.save")} />
		</div>
	);
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}

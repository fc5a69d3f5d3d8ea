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

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, "admin");
	const countries = await prisma.country.findMany({
		select: {
			code: true,
			nameEn: true,
			nameRu: true,
			isMember: true,
			_count: { select: { agencies: true, users: true } },
		},
		orderBy: { nameEn: "asc" },
	});
	return { countries };
}

export async function action({ request }: ActionFunctionArgs) {
	await requireRole(request, "admin");
	const formData = await request.formData();
	const submission = parseForm(formData, CountrySchema);
	if (!submission.success) return data(submission, { status: 400 });
	const result = await saveCountry(submission.data, false);
	if (!result.ok) return data({ success: false, errors: result.errors, values: formValues(formData) }, { status: 400 });
	return redirectWithToast("/admin/countries", {
		kind: "success",
		key: "admin.countries.created",
		values: { name: submission.data.nameEn },
	});
}

export const meta = pageMeta(({ t }) => t("admin.countries.title"));

export default function AdminCountriesPage() {
	const { countries } = useLoaderData<typeof loader>();
	const actionData = useActionData<typeof action>();
	const { t } = useTranslation();
	return (
		<div className="stack-large">
			<h1>{t("admin.countries.title")}</h1>
			<div className="table-wrap">
				<table>
					<thead>
						<tr>
							<th scope="col">{t("admin.countries.code")}</th>
							<th scope="col">{t("admin.countries.nameEn")}</th>
							<th scope="col">{t("admin.countries.nameRu")}</th>
							<th scope="col">{t("admin.countries.member")}</th>
							<th scope="col">{t("admin.countries.agencies")}</th>
							<th scope="col">{t("admin.countries.users")}</th>
						</tr>
					</thead>
					<tbody>
						{countries.map((country) => (
							<tr key={country.code}>
								<td>
									<Link to={`/admin/countries/${country.code}`}>{country.code}</Link>
								</td>
								<td>{country.nameEn}</td>
								<td lang="ru">{country.nameRu}</td>
								<td>{country.isMember ? t("common.yes") : t("common.no")}</td>
								<td>{country._count.agencies}</td>
								<td>{country._count.users}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
			<section aria-labelledby="new-country" className="narrow">
				<h2 id="new-country">{t("admin.countries.new")}</h2>
				<CountryForm actionData={actionData} submitLabel={t("admin.countries.create")} />
			</section>
		</div>
	);
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}

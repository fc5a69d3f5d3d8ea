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

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, "admin");
	const [agencies, countries] = await Promise.all([
		prisma.agency.findMany({
			select: {
				id: true,
				name: true,
				nameRu: true,
				kind: true,
				countryCode: true,
				_count: { select: { users: true } },
			},
			orderBy: [{ countryCode: "asc" }, { name: "asc" }],
		}),
		prisma.country.findMany({ select: { code: true, nameEn: true, nameRu: true }, orderBy: { nameEn: "asc" } }),
	]);
	return { agencies, countries };
}

export async function action({ request }: ActionFunctionArgs) {
	await requireRole(request, "admin");
	const formData = await request.formData();
	const submission = parseForm(formData, AgencySchema);
	if (!submission.success) return data(submission, { status: 400 });
	const result = await saveAgency(submission.data);
	if (!result.ok) return data({ success: false, errors: result.errors, values: formValues(formData) }, { status: 400 });
	return redirectWithToast("/admin/agencies", {
		kind: "success",
		key: "admin.agencies.created",
		values: { name: submission.data.name },
	});
}

export const meta = pageMeta(({ t }) => t("admin.agencies.title"));

export default function AdminAgenciesPage() {
	const { agencies, countries } = useLoaderData<typeof loader>();
	const actionData = useActionData<typeof action>();
	const { t, language } = useTranslation();
	const countryName = (code: string) => {
		const country = countries.find((c) => c.code === code);
		return country ? (language === "ru" ? country.nameRu : country.nameEn) : code;
	};
	return (
		<div className="stack-large">
			<h1>{t("admin.agencies.title")}</h1>
			<div className="table-wrap">
				<table>
					<thead>
						<tr>
							<th scope="col">{t("admin.agencies.name")}</th>
							<th scope="col">{t("admin.agencies.kind")}</th>
							<th scope="col">{t("fields.country")}</th>
							<th scope="col">{t("admin.agencies.users")}</th>
						</tr>
					</thead>
					<tbody>
						{agencies.map((agency) => (
							<tr key={agency.id}>
								<td>
									<Link to={`/admin/agencies/${agency.id}`}>{agency.name}</Link>
									{agency.nameRu ? (
										<span className="muted" lang="ru">
											{" "}
											· {agency.nameRu}
										</span>
									) : null}
								</td>
								<td>{t(`agencyKinds.${agency.kind}`)}</td>
								<td>{countryName(agency.countryCode)}</td>
								<td>{agency._count.users}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
			<section aria-labelledby="new-agency" className="narrow">
				<h2 id="new-agency">{t("admin.agencies.new")}</h2>
				<AgencyForm
					countries={countries.map((c) => ({ code: c.code, name: countryName(c.code) }))}
					actionData={actionData}
					submitLabel={t("admin.agencies.create")}
				/>
			</section>
		</div>
	);
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}

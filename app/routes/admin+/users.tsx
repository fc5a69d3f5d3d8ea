import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireRole } from "~/utils/auth.server";
import { containsText, prisma } from "~/utils/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { pageParam } from "~/utils/misc";
import { isRole, ROLES } from "~/utils/roles";
import { pageMeta } from "~/utils/meta";

const PAGE_SIZE = 25;

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, "admin");
	const url = new URL(request.url);
	const q = url.searchParams.get("q")?.trim() ?? "";
	const role = url.searchParams.get("role") ?? "";
	const country = url.searchParams.get("country") ?? "";
	const page = pageParam(url);

	const where: Prisma.UserWhereInput = {
		...(q ? { OR: [{ name: containsText(q) }, { email: containsText(q) }] } : {}),
		...(isRole(role) ? { roles: { some: { name: role } } } : {}),
		...(country ? { countryCode: country } : {}),
	};
	const [users, total, countries] = await Promise.all([
		prisma.user.findMany({
			where,
			select: {
				id: true,
				name: true,
				email: true,
				countryCode: true,
				deactivatedAt: true,
				agency: { select: { name: true } },
				roles: { select: { name: true }, orderBy: { name: "asc" } },
			},
			orderBy: { name: "asc" },
			skip: (page - 1) * PAGE_SIZE,
			take: PAGE_SIZE,
		}),
		prisma.user.count({ where }),
		prisma.country.findMany({ select: { code: true, nameEn: true, nameRu: true }, orderBy: { nameEn: "asc" } }),
	]);
	return {
		users,
		total,
		page,
		pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		filters: { q, role, country },
		countries,
	};
}

export const meta = pageMeta(({ t }) => t("admin.users.title"));

export default function AdminUsersPage() {
	const { users, total, page, pages, filters, countries } = useLoaderData<typeof loader>();
	const { t, language } = useTranslation();
	const pageLink = (n: number) => `?${new URLSearchParams({ ...filters, page: String(n) })}`;
	return (
		<div className="stack-large">
			<h1>{t("admin.users.title")}</h1>
			<Form method="get" className="filters" role="search" aria-label={t("admin.users.filter")}>
				<div className="field">
					<label htmlFor="q">{t("admin.users.search")}</label>
					<input id="q" name="q" type="search" defaultValue={filters.q} />
				</div>
				<div className="field">
					<label htmlFor="role">{t("fields.role")}</label>
					<select id="role" name="role" defaultValue={filters.role}>
						<option value="">{t("admin.users.anyRole")}</option>
						{ROLES.map((role) => (
							<option key={role} value={role}>
								{t(`roles.${role}`)}
							</option>
						))}
					</select>
				</div>
				<div className="field">
					<label htmlFor="country">{t("fields.country")}</label>
					<select id="country" name="country" defaultValue={filters.country}>
						<option value="">{t("admin.users.anyCountry")}</option>
						{countries.map((c) => (
							<option key={c.code} value={c.code}>
								{language === "ru" ? c.nameRu : c.nameEn}
							</option>
						))}
					</select>
				</div>
				<button type="submit" className="button">
					{t("admin.users.apply")}
				</button>
			</Form>
			<p role="status">{t("admin.users.found", { count: total })}</p>
			<div className="table-wrap">
				<table>
					<thead>
						<tr>
							<th scope="col">{t("fields.name")}</th>
							<th scope="col">{t("fields.email")}</th>
							<th scope="col">{t("fields.country")}</th>
							<th scope="col">{t("fields.agency")}</th>
							<th scope="col">{t("admin.users.roles")}</th>
						</tr>
					</thead>
					<tbody>
						{users.map((user) => (
							<tr key={user.id}>
								<td>
									<Link to={`/admin/users/${user.id}`}>{user.name}</Link>
									{user.deactivatedAt ? <span className="status"> · {t("admin.users.deactivatedTag")}</span> : null}
								</td>
								<td>{user.email}</td>
								<td>{user.countryCode ?? "—"}</td>
								<td>{user.agency?.name ?? "—"}</td>
								<td>{user.roles.map((r) => t(`roles.${r.name}`)).join(", ")}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
			{pages > 1 ? (
				<nav aria-label={t("admin.users.pages")} className="pagination">
					{page > 1 ? <Link to={pageLink(page - 1)}>{t("admin.users.previous")}</Link> : null}
					<span>{t("admin.users.pageOf", { page, pages })}</span>
					{page < pages ? <Link to={pageLink(page + 1)}>{t("admin.users.next")}</Link> : null}
				</nav>
			) : null}
		</div>
	);
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}

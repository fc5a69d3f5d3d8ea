import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireRole } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { useFormat } from "~/utils/format";
import { useTranslation } from "~/utils/i18n";
import { redirectWithToast } from "~/utils/toast.server";
import { AUTO_PROMOTE_SETTING } from "~/utils/tracks.server";
import { pageMeta } from "~/utils/meta";

/** Trainers certified by the trainer track: automatic promotion, or an admin's confirmation. */
export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, "admin");
	const [setting, promotions] = await Promise.all([
		prisma.setting.findUnique({ where: { key: AUTO_PROMOTE_SETTING }, select: { value: true } }),
		prisma.trainerPromotion.findMany({
			select: {
				id: true,
				status: true,
				requestedAt: true,
				decidedAt: true,
				user: { select: { name: true, email: true, countryCode: true } },
			},
			orderBy: [{ status: "desc" }, { requestedAt: "asc" }],
		}),
	]);
	return { automatic: setting?.value === "true", promotions };
}

export async function action({ request }: ActionFunctionArgs) {
	const admin = await requireRole(request, "admin");
	const form = await request.formData();
	const intent = form.get("intent");
	if (intent === "setting") {
		const value = form.get("automatic") === "on" ? "true" : "false";
		await prisma.setting.upsert({
			where: { key: AUTO_PROMOTE_SETTING },
			create: { key: AUTO_PROMOTE_SETTING, value },
			update: { value },
		});
		return redirectWithToast("/admin/promotions", { kind: "success", key: "admin.promotions.settingSaved" });
	}
	const id = String(form.get("id") ?? "");
	const promotion = await prisma.trainerPromotion.findUnique({ where: { id }, select: { userId: true, status: true } });
	if (!promotion || promotion.status !== "pending" || (intent !== "approve" && intent !== "decline")) {
		throw new Response("Not found", { status: 404 });
	}
	await prisma.$transaction([
		prisma.trainerPromotion.update({
			where: { id },
			data: { status: intent === "approve" ? "approved" : "declined", decidedAt: new Date(), decidedById: admin.id },
		}),
		...(intent === "approve"
			? [prisma.user.update({ where: { id: promotion.userId }, data: { roles: { connect: { name: "trainer" } } } })]
			: []),
	]);
	return redirectWithToast("/admin/promotions", {
		kind: "success",
		key: intent === "approve" ? "admin.promotions.approved" : "admin.promotions.declined",
	});
}

export const meta = pageMeta(({ t }) => t("admin.promotions.title"));

export default function PromotionsPage() {
	const { automatic, promotions } = useLoaderData<typeof loader>();
	const { t } = useTranslation();
	const format = useFormat();
	return (
		<div className="stack-large">
			<h1>{t("admin.promotions.title")}</h1>
			<Form method="post" className="narrow stack">
				<input type="hidden" name="intent" value="setting" />
				<div className="checkbox">
					<input type="checkbox" id="automatic" name="automatic" defaultChecked={automatic} />
					<label htmlFor="automatic">{t("admin.promotions.automatic")}</label>
				</div>
				<button type="submit" className="button button--secondary">
					{t("admin.promotions.saveSetting")}
				</button>
			</Form>
			{promotions.length ? (
				<div className="table-wrap">
					<table>
						<thead>
							<tr>
								<th scope="col">{t("fields.name")}</th>
								<th scope="col">{t("fields.email")}</th>
								<th scope="col">{t("admin.promotions.completed")}</th>
								<th scope="col">{t("admin.promotions.status")}</th>
							</tr>
						</thead>
						<tbody>
							{promotions.map((p) => (
								<tr key={p.id}>
									<td>{p.user.name}</td>
									<td>{p.user.email}</td>
									<td>{format.date(p.requestedAt)}</td>
									<td>
										{p.status === "pending" ? (
											<Form method="post" className="actions">
												<input type="hidden" name="id" value={p.id} />
												<button type="submit" name="intent" value="approve" className="button">
													{t("admin.promotions.approve")}
												</button>
												<button type="submit" name="intent" value="decline" className="button button--secondary">
													{t("admin.promotions.decline")}
												</button>
											</Form>
										) : (
											t(`admin.promotions.${p.status}`)
										)}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : (
				<p>{t("admin.promotions.none")}</p>
			)}
		</div>
	);
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}

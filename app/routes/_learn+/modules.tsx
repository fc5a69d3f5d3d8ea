import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ModuleStatus } from "~/components/module-status";
import { requireUser } from "~/utils/auth.server";
import { isProgrammeModule, listModules, localized, PROGRAMME_MODULES } from "~/utils/content.server";
import { resolveLanguage } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";
import { getProgress } from "~/utils/progress.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request);
	const language = resolveLanguage(request, user);
	const modules = await listModules();
	const progress = await getProgress(user.id, modules);
	const card = (module: (typeof modules)[number]) => {
		const p = progress.get(module.slug)!;
		return {
			slug: module.slug,
			title: localized(module.meta.title, language),
			summary: localized(module.meta.summary, language),
			durationMinutes: module.meta.durationMinutes,
			status: p.status,
			sectionsRead: p.sectionsRead.length,
			sectionsTotal: p.sectionsTotal,
			bestPercent: p.bestPercent,
		};
	};
	// A slot of the programme without its folder yet shows as in preparation.
	const slots = Array.from({ length: PROGRAMME_MODULES }, (_, index) => {
		const module = modules.find((m) => m.meta.number === index + 1);
		return { number: index + 1, module: module ? card(module) : null };
	});
	const units = modules.filter((m) => !isProgrammeModule(m)).map((m) => ({ number: m.meta.number, module: card(m) }));
	return { slots, units };
}

export const meta = pageMeta(({ t }) => t("learn.catalogue.title"));

type Slot = ReturnType<typeof useLoaderData<typeof loader>>["slots"][number];

export default function ModulesPage() {
	const { slots, units } = useLoaderData<typeof loader>();
	const { t } = useTranslation();
	return (
		<div className="stack-large">
			<h1>{t("learn.catalogue.title")}</h1>
			<p className="lead narrow">{t("learn.catalogue.intro")}</p>
			<ModuleList slots={slots} />
			{units.length ? (
				<section aria-labelledby="units-title" className="stack">
					<h2 id="units-title">{t("learn.catalogue.unitsTitle")}</h2>
					<p className="narrow">{t("learn.catalogue.unitsIntro")}</p>
					<ModuleList slots={units} />
				</section>
			) : null}
		</div>
	);
}

function ModuleList({ slots }: { slots: Slot[] }) {
	const { t } = useTranslation();
	return (
		<ol className="module-list">
			{slots.map(({ number, module }) => (
				<li key={number} className="module-card">
					<span className="module-card__number" aria-hidden="true">
						{number}
					</span>
					{module ? (
						<div>
							<h2 className="module-card__title">
								<Link to={`/modules/${module.slug}`}>
									<span className="visually-hidden">{t("learn.moduleNumber", { number })} </span>
									{module.title}
								</Link>
							</h2>
							<p>{module.summary}</p>
							<p className="module-card__meta">
								<span>{t("learn.minutes", { count: module.durationMinutes })}</span>
								<ModuleStatus {...module} />
							</p>
						</div>
					) : (
						<div>
							<h2 className="module-card__title">{t("learn.moduleNumber", { number })}</h2>
							<p className="muted">{t("learn.catalogue.inPreparation")}</p>
						</div>
					)}
				</li>
			))}
		</ol>
	);
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}

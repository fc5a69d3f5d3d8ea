import path from "node:path";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ModuleStatus } from "~/components/module-status";
import { requireUser } from "~/utils/auth.server";
import { ContentBody, InLanguage, Localized, unmarkedTextLang } from "~/components/content/content-body";
import { localized, localizedText, renderMdx } from "~/utils/content.server";
import { sendOnce } from "~/utils/held-content.server";
import { resolveLanguage } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";
import { requireModule } from "~/utils/modules.server";
import { getProgress } from "~/utils/progress.server";
import { mayReadTrainerGuides } from "~/utils/tracks.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request);
	const module = await requireModule(params.slug);
	const language = resolveLanguage(request, user);
	const progress = (await getProgress(user.id, [module])).get(module.slug)!;
	const read = new Set(progress.sectionsRead);
	const next = module.sections.find((s) => !read.has(s.id));
	return {
		module: {
			slug: module.slug,
			number: module.meta.number,
			title: localized(module.meta.title, language),
			summary: localized(module.meta.summary, language),
			durationMinutes: module.meta.durationMinutes,
			level: module.meta.level,
			audience: module.meta.audience,
			objectives: module.meta.objectives.map((o) => localizedText(o, language)),
			// Sources keep the language of their title: an English title on a Russian page is marked so.
			sources: module.meta.sources.map((source) => ({
				...source,
				lang: unmarkedTextLang(source.title, language),
			})),
			version: module.meta.version,
			lastReviewed: module.meta.lastReviewed,
			hasQuiz: module.hasQuiz,
		},
		introduction: sendOnce(await renderMdx(module, path.join(module.dir, "module.mdx"), language)),
		sections: module.sections.map((s) => ({ id: s.id, title: localizedText(s.title, language), read: read.has(s.id) })),
		nextSectionId: next?.id ?? null,
		progress: {
			status: progress.status,
			sectionsRead: progress.sectionsRead.length,
			sectionsTotal: progress.sectionsTotal,
			bestPercent: progress.bestPercent,
		},
		canSeeTrainerGuide: module.hasTrainerGuide && (await mayReadTrainerGuides(user)),
	};
}

export const meta = pageMeta<typeof loader>(({ data }) => data && `${data.module.number}. ${data.module.title}`);

export default function ModulePage() {
	const { module, introduction, sections, nextSectionId, progress, canSeeTrainerGuide } =
		useLoaderData<typeof loader>();
	const { t } = useTranslation();
	const started = progress.sectionsRead > 0;
	return (
		<article className="stack-large">
			<header className="narrow">
				<p className="eyebrow">
					<Link to="/modules">{t("learn.catalogue.title")}</Link> · {t("learn.moduleNumber", { number: module.number })}
				</p>
				<h1>{module.title}</h1>
				<p className="lead">{module.summary}</p>
				<p className="module-card__meta">
					<span>{t("learn.minutes", { count: module.durationMinutes })}</span>
					<span>{t(`learn.level.${module.level}`)}</span>
					<ModuleStatus {...progress} />
				</p>
				<p className="actions">
					{nextSectionId ? (
						<Link className="button" to={`/modules/${module.slug}/${nextSectionId}`}>
							{started ? t("learn.continueReading") : t("learn.startReading")}
						</Link>
					) : null}
					{module.hasQuiz ? (
						<Link className={nextSectionId ? "button button--secondary" : "button"} to={`/modules/${module.slug}/quiz`}>
							{t("learn.quiz.open")}
						</Link>
					) : null}
					{canSeeTrainerGuide ? (
						<Link className="button button--secondary" to={`/modules/${module.slug}/trainer`}>
							{t("learn.trainerGuide")}
						</Link>
					) : null}
				</p>
			</header>
			<section aria-labelledby="objectives" className="narrow">
				<h2 id="objectives">{t("learn.objectives")}</h2>
				<ol>
					{module.objectives.map((objective) => (
						<li key={objective.text}>
							<Localized value={objective} />
						</li>
					))}
				</ol>
			</section>
			<ContentBody content={introduction} className="prose narrow" />
			<nav aria-labelledby="contents" className="narrow">
				<h2 id="contents">{t("learn.contents")}</h2>
				<ol className="toc">
					{sections.map((section) => (
						<li key={section.id}>
							<Link to={`/modules/${module.slug}/${section.id}`}>
								<Localized value={section.title} />
							</Link>
							{section.read ? <span className="status status--completed"> {t("learn.read")}</span> : null}
						</li>
					))}
				</ol>
			</nav>
			<section aria-labelledby="sources" className="narrow">
				<h2 id="sources">{t("learn.sources")}</h2>
				<ul>
					{module.sources.map((source) => (
						<li key={source.title}>
							<InLanguage lang={source.lang}>
								{source.url ? <a href={source.url}>{source.title}</a> : source.title}
								{source.publisher ? `, ${source.publisher}` : ""}
							</InLanguage>
							{source.year ? `, ${source.year}` : ""}
						</li>
					))}
				</ul>
				<p className="muted">{t("learn.version", { version: module.version, date: module.lastReviewed })}</p>
			</section>
		</article>
	);
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { pageMeta } from "~/utils/meta";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { INSTRUMENT } from "~/domain/assessment/instrument";
import { LEVELS, PRIORITIES } from "~/domain/assessment/model";
import { COLUMN_FINDINGS } from "~/domain/assessment/scoring";
import { lessonHref, pick } from "~/domain/assessment/view";
import { lessonTitles } from "~/utils/assessment.server";
import { getUser } from "~/utils/auth.server";
import { useTranslation } from "~/utils/i18n";
import { resolveLanguage, translatorFor } from "~/utils/i18n.server";

/**
 * The scoring rule as users read it, open to anyone (as the World Bank's SPI publishes its
 * method): the scale, how an item gets its level, how sections and parts aggregate, how gaps are
 * ranked, and every section's written levels and every item's caps, from the instrument itself.
 */

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await getUser(request);
	const language = resolveLanguage(request, user);
	const lesson = await lessonTitles(language);
	const t = translatorFor(language);
	return {
		title: t("assessment.meta.method"),
		version: INSTRUMENT.version,
		generic: {
			partly: pick(COLUMN_FINDINGS.partly.condition, language),
			unlicensed: pick(COLUMN_FINDINGS.unlicensed.condition, language),
		},
		sections: INSTRUMENT.sections.map((section) => ({
			id: section.id,
			code: section.code,
			title: pick(section.title, language),
			learn: { href: lessonHref(section.learn), title: lesson(section.learn) },
			levels: section.levels.map((level) => pick(level, language)),
			items: section.items
				.filter((item) => !item.unusedWhenBlank)
				.map((item) => ({
					id: item.id,
					label: `${item.code} ${section.items.some((i) => i.unusedWhenBlank) ? t("assessment.method.eachPartner") : pick(item.label, language)}`,
					essential: item.absence === "essential",
					caps: (item.caps ?? []).map((cap) => ({
						id: cap.id,
						level: cap.level,
						priority: cap.priority,
						condition: pick(cap.condition, language),
					})),
				})),
		})),
	};
}

export default function MethodPage() {
	const { version, generic, sections } = useLoaderData<typeof loader>();
	const { t } = useTranslation();
	return (
		<div className="narrow stack-large method">
			<header>
				<p className="eyebrow">
					<Link to="/assessment">{t("assessment.title")}</Link>
				</p>
				<h1>{t("assessment.method.title")}</h1>
				<p className="lead">{t("assessment.method.lead", { version })}</p>
			</header>

			<section aria-labelledby="scale-title">
				<h2 id="scale-title">{t("assessment.method.scaleTitle")}</h2>
				<dl className="facts">
					{LEVELS.map((level) => (
						<Fragment key={level}>
							<dt>
								{level} · {t(`assessment.levels.${level}`)}
							</dt>
							<dd>{t(`assessment.method.level${level}`)}</dd>
						</Fragment>
					))}
				</dl>
			</section>

			<section aria-labelledby="item-title">
				<h2 id="item-title">{t("assessment.method.itemTitle")}</h2>
				<ol>
					<li>{t("assessment.method.item1")}</li>
					<li>{t("assessment.method.item2", { partly: generic.partly, unlicensed: generic.unlicensed })}</li>
					<li>{t("assessment.method.item3")}</li>
					<li>{t("assessment.method.item4")}</li>
				</ol>
			</section>

			<section aria-labelledby="aggregate-title">
				<h2 id="aggregate-title">{t("assessment.method.aggregateTitle")}</h2>
				<p>{t("assessment.method.aggregate1")}</p>
				<p>{t("assessment.method.aggregate2")}</p>
				<p>{t("assessment.method.aggregate3")}</p>
			</section>

			<section aria-labelledby="gaps-title">
				<h2 id="gaps-title">{t("assessment.method.gapsTitle")}</h2>
				<p>{t("assessment.method.gaps1")}</p>
				<ol>
					{PRIORITIES.map((priority) => (
						<li key={priority}>
							<strong>{t(`assessment.priority.${priority}`)}</strong>: {t(`assessment.method.priority.${priority}`)}
						</li>
					))}
				</ol>
				<p>{t("assessment.method.gaps2")}</p>
			</section>

			<section aria-labelledby="targets-title">
				<h2 id="targets-title">{t("assessment.method.targetsTitle")}</h2>
				<p>{t("assessment.method.targets")}</p>
			</section>

			<section aria-labelledby="sources-title">
				<h2 id="sources-title">{t("assessment.method.sourcesTitle")}</h2>
				<ul>
					<li>{t("assessment.method.sourceSoci")}</li>
					<li>{t("assessment.method.sourceGdhm")}</li>
					<li>{t("assessment.method.sourceMmm")}</li>
					<li>{t("assessment.method.sourceSpi")}</li>
				</ul>
			</section>

			<section aria-labelledby="sections-title" className="stack">
				<h2 id="sections-title">{t("assessment.method.sectionsTitle")}</h2>
				{sections.map((section) => (
					<section key={section.id} aria-labelledby={`method-${section.id}`} className="card stack">
						<h3 id={`method-${section.id}`}>
							{section.code} {section.title}
						</h3>
						<ol className="method__levels">
							{section.levels.map((text, index) => (
								<li key={index}>
									<strong>{t(`assessment.levels.${index + 1}`)}:</strong> {text}
								</li>
							))}
						</ol>
						<h4>{t("assessment.method.capsTitle")}</h4>
						<ul>
							{section.items.map((item) => (
								<li key={item.id}>
									{item.label}
									{item.essential || item.caps.length ? ": " : ""}
									{[
										...(item.essential ? [t("assessment.method.essential")] : []),
										...item.caps.map((cap) =>
											t("assessment.method.cap", {
												condition: cap.condition,
												level: cap.level,
												priority: t(`assessment.priority.${cap.priority}`),
											}),
										),
									].join("; ")}
								</li>
							))}
						</ul>
						<p>
							<a href={section.learn.href}>{t("assessment.report.learn", { title: section.learn.title })}</a>
						</p>
					</section>
				))}
			</section>
		</div>
	);
}

export const meta = pageMeta<typeof loader>(({ data }) => data?.title);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ModuleLink } from "~/components/module-link";
import { requireUser } from "~/utils/auth.server";
import { ContentBody, Localized } from "~/components/content/content-body";
import { localized, localizedText, renderMdx } from "~/utils/content.server";
import { sendOnce } from "~/utils/held-content.server";
import { resolveLanguage } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";
import { requireModule } from "~/utils/modules.server";
import { markSectionRead, markSectionUnread, sectionsRead } from "~/utils/progress.server";
import { redirectWithToast } from "~/utils/toast.server";
import { awardCompletedTracks } from "~/utils/tracks.server";
import { redirect } from "@remix-run/node";
import { pageMeta } from "~/utils/meta";
import { useClientLinks } from "~/utils/client-links";

async function requireSection(slug: string | undefined, sectionId: string | undefined) {
	const module = await requireModule(slug);
	const index = module.sections.findIndex((s) => s.id === sectionId);
	if (index === -1) throw new Response("Not found", { status: 404 });
	return { module, section: module.sections[index]!, index };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request);
	const { module, section, index } = await requireSection(params.slug, params.section);
	const language = resolveLanguage(request, user);
	const read = await sectionsRead(user.id, module.slug);
	const neighbour = (i: number) => {
		const s = module.sections[i];
		return s ? { id: s.id, title: localizedText(s.title, language) } : null;
	};
	return {
		module: {
			slug: module.slug,
			number: module.meta.number,
			title: localized(module.meta.title, language),
			hasQuiz: module.hasQuiz,
		},
		section: { id: section.id, title: localizedText(section.title, language), read: read.has(section.id) },
		html: sendOnce(await renderMdx(module, section.file, language)),
		toc: module.sections.map((s) => ({ id: s.id, title: localizedText(s.title, language), read: read.has(s.id) })),
		previous: neighbour(index - 1),
		next: neighbour(index + 1),
	};
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireUser(request);
	const { module, section, index } = await requireSection(params.slug, params.section);
	const intent = (await request.formData()).get("intent");
	if (intent === "unread") {
		await markSectionUnread(user.id, module.slug, section.id);
		return redirect(`/modules/${module.slug}/${section.id}`);
	}
	await markSectionRead(user.id, module.slug, section.id);
	const issued = await awardCompletedTracks(user.id);
	if (issued.length)
		return redirectWithToast(`/certificates/${issued[0]}`, { kind: "success", key: "tracks.certificateIssued" });
	const next = module.sections[index + 1];
	const to = next
		? `/modules/${module.slug}/${next.id}`
		: module.hasQuiz
			? `/modules/${module.slug}/quiz`
			: `/modules/${module.slug}`;
	return redirectWithToast(to, { kind: "success", key: "learn.markedRead" });
}

export const meta = pageMeta<typeof loader>(({ data }) => [data?.section.title.text, data?.module.title]);

export default function SectionPage() {
	const { module, section, html, toc, previous, next } = useLoaderData<typeof loader>();
	const { t } = useTranslation();
	// The contents and the pager are plain links the client router follows (docs/decisions/0111).
	const onLinkClick = useClientLinks();
	return (
		<div className="reader">
			<nav className="reader__toc" aria-labelledby="toc-title" onClick={onLinkClick}>
				<h2 id="toc-title" className="reader__toc-title">
					<ModuleLink module={module} />
				</h2>
				<ol className="toc">
					{toc.map((s) => (
						<li key={s.id}>
							<a href={`/modules/${module.slug}/${s.id}`} aria-current={s.id === section.id ? "page" : undefined}>
								<Localized value={s.title} />
							</a>
							{s.read ? <span className="status status--completed"> {t("learn.read")}</span> : null}
						</li>
					))}
					{module.hasQuiz ? (
						<li>
							<a href={`/modules/${module.slug}/quiz`}>{t("learn.quiz.title")}</a>
						</li>
					) : null}
				</ol>
			</nav>
			<article className="reader__text">
				<h1>
					<Localized value={section.title} />
				</h1>
				<ContentBody content={html} />
				<Form method="post" className="mark-read">
					{section.read ? (
						<>
							<p className="status status--completed">{t("learn.sectionIsRead")}</p>
							<button type="submit" name="intent" value="unread" className="button button--secondary">
								{t("learn.markUnread")}
							</button>
						</>
					) : (
						<button type="submit" name="intent" value="read" className="button">
							{next ? t("learn.markReadAndContinue") : t("learn.markRead")}
						</button>
					)}
				</Form>
				<nav className="pager" aria-label={t("learn.sectionPager")} onClick={onLinkClick}>
					{previous ? (
						<a href={`/modules/${module.slug}/${previous.id}`} rel="prev">
							← <Localized value={previous.title} />
						</a>
					) : (
						<span />
					)}
					{next ? (
						<a href={`/modules/${module.slug}/${next.id}`} rel="next">
							<Localized value={next.title} /> →
						</a>
					) : module.hasQuiz ? (
						<a href={`/modules/${module.slug}/quiz`} rel="next">
							{t("learn.quiz.title")} →
						</a>
					) : null}
				</nav>
			</article>
		</div>
	);
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}

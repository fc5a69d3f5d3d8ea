import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ModuleStatus } from "~/components/module-status";
import { requireUser } from "~/utils/auth.server";
import { localized, renderMdx } from "~/utils/content.server";
import { sendOnce } from "~/utils/held-content.server";
import { prisma } from "~/utils/db.server";
import { resolveLanguage } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";
import { ContentBody } from "~/components/content/content-body";
import { getProgress } from "~/utils/progress.server";
import { redirectWithToast } from "~/utils/toast.server";
import { awardCompletedTracks, enrol, getTrack, isEnrolled, trackCompletion } from "~/utils/tracks.server";
import { pageMeta } from "~/utils/meta";

async function requireTrack(slug: string | undefined) {
	const track = await getTrack(slug);
	if (!track) throw new Response("Not found", { status: 404 });
	return track;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request);
	const track = await requireTrack(params.slug);
	const language = resolveLanguage(request, user);
	const [progress, enrolled, certificate] = await Promise.all([
		getProgress(user.id, track.modules),
		isEnrolled(user.id, track.slug),
		prisma.certificate.findUnique({
			where: { userId_trackSlug: { userId: user.id, trackSlug: track.slug } },
			select: { code: true, issuedAt: true },
		}),
	]);
	return {
		track: {
			slug: track.slug,
			title: localized(track.frontmatter.title, language),
			summary: localized(track.frontmatter.summary, language),
		},
		body: sendOnce(await renderMdx({ slug: track.slug, dir: path.dirname(track.file) }, track.file, language)),
		modules: track.modules.map((m) => {
			const p = progress.get(m.slug)!;
			return {
				slug: m.slug,
				number: m.meta.number,
				title: localized(m.meta.title, language),
				durationMinutes: m.meta.durationMinutes,
				status: p.status,
				sectionsRead: p.sectionsRead.length,
				sectionsTotal: p.sectionsTotal,
				bestPercent: p.bestPercent,
			};
		}),
		completion: trackCompletion(track, progress),
		enrolled,
		certificate,
	};
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireUser(request);
	const track = await requireTrack(params.slug);
	await enrol(user.id, track.slug);
	const issued = await awardCompletedTracks(user.id);
	return redirectWithToast(`/tracks/${track.slug}`, {
		kind: "success",
		key: issued.length ? "tracks.certificateIssued" : "tracks.enrolledToast",
	});
}

export const meta = pageMeta<typeof loader>(({ data }) => data?.track.title);

export default function TrackPage() {
	const { track, body, modules, completion, enrolled, certificate } = useLoaderData<typeof loader>();
	const { t } = useTranslation();
	return (
		<div className="narrow stack-large">
			<header>
				<p className="eyebrow">
					<Link to="/tracks">{t("tracks.title")}</Link>
				</p>
				<h1>{track.title}</h1>
				<p className="lead">{track.summary}</p>
			</header>
			{certificate ? (
				<p className="result result--passed">
					{t("tracks.completed")} <Link to={`/certificates/${certificate.code}`}>{t("tracks.viewCertificate")}</Link>
				</p>
			) : enrolled ? (
				<p className="status">{t("tracks.progress", { done: completion.done, total: completion.total })}</p>
			) : (
				<Form method="post">
					<button type="submit" className="button">
						{t("tracks.enrol")}
					</button>
				</Form>
			)}
			<ContentBody content={body} />
			<section aria-labelledby="track-modules">
				<h2 id="track-modules">{t("tracks.modulesInOrder")}</h2>
				<ol className="module-list">
					{modules.map((module) => (
						<li key={module.slug} className="module-card">
							<span className="module-card__number" aria-hidden="true">
								{module.number}
							</span>
							<div>
								<h3 className="module-card__title">
									<Link to={`/modules/${module.slug}`}>{module.title}</Link>
								</h3>
								<p className="module-card__meta">
									<span>{t("learn.minutes", { count: module.durationMinutes })}</span>
									<ModuleStatus {...module} />
								</p>
							</div>
						</li>
					))}
				</ol>
			</section>
		</div>
	);
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireUser } from "~/utils/auth.server";
import { listModules, localized } from "~/utils/content.server";
import { prisma } from "~/utils/db.server";
import { resolveLanguage } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";
import { getProgress } from "~/utils/progress.server";
import { getTracks, trackCompletion } from "~/utils/tracks.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request);
	const language = resolveLanguage(request, user);
	const [progress, enrolments] = await Promise.all([
		getProgress(user.id, await listModules()),
		prisma.trackEnrolment.findMany({ where: { userId: user.id }, select: { trackSlug: true } }),
	]);
	const enrolled = new Set(enrolments.map((e) => e.trackSlug));
	return {
		tracks: (await getTracks()).map((track) => ({
			slug: track.slug,
			title: localized(track.frontmatter.title, language),
			summary: localized(track.frontmatter.summary, language),
			audience: track.frontmatter.audience,
			modules: track.modules.length,
			minutes: track.modules.reduce((sum, m) => sum + m.meta.durationMinutes, 0),
			enrolled: enrolled.has(track.slug),
			...trackCompletion(track, progress),
		})),
	};
}

export const meta = pageMeta(({ t }) => t("tracks.title"));

export default function TracksPage() {
	const { tracks } = useLoaderData<typeof loader>();
	const { t } = useTranslation();
	return (
		<div className="stack-large">
			<h1>{t("tracks.title")}</h1>
			<p className="lead narrow">{t("tracks.intro")}</p>
			<div className="cards">
				{tracks.map((track) => (
					<section key={track.slug} className="card" aria-labelledby={`track-${track.slug}`}>
						<h2 id={`track-${track.slug}`}>
							<Link to={`/tracks/${track.slug}`}>{track.title}</Link>
						</h2>
						<p>{track.summary}</p>
						<p className="muted">
							{t("tracks.modules", { count: track.modules })} ·{" "}
							{t("tracks.hours", { count: Math.round(track.minutes / 60) })}
						</p>
						<p className="status">
							{track.complete && track.enrolled
								? t("tracks.completed")
								: track.enrolled
									? t("tracks.progress", { done: track.done, total: track.total })
									: t("tracks.notEnrolled")}
						</p>
					</section>
				))}
			</div>
		</div>
	);
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}

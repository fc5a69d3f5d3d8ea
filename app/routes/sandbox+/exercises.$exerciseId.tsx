import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ScoreSummary } from "~/components/sandbox/review";
import { exerciseById, exerciseFiles, exerciseSetting, type ExerciseScore } from "~/domain/sandbox/exercises";
import reviewStyles from "~/styles/sandbox-review.css?url";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { parseForm } from "~/utils/forms";
import { resolveLanguage } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";
import { pageMeta } from "~/utils/meta";
import { StartExerciseSchema } from "~/utils/sandbox-review-schema";
import { openExercise } from "~/utils/sandbox-review.server";
import { statusOf } from "~/domain/sandbox/status";
import { redirectWithToast } from "~/utils/toast.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reviewStyles }];

const notFound = () => new Response("Not found", { status: 404, statusText: "Not Found" });

/**
 * An exercise a lesson sets (docs/decisions/0065): its task, and once the trainee has started it,
 * their workspace, the raw source files of a compile exercise and the latest score.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request);
	const exercise = exerciseById(params.exerciseId);
	if (!exercise) throw notFound();
	const language = resolveLanguage(request, user);
	const workspace = await prisma.sandboxWorkspace.findFirst({
		where: { ownerId: user.id, kind: exercise.kind, exerciseId: exercise.id },
		select: {
			id: true,
			seed: true,
			submissions: {
				select: { number: true, scoring: true, review: { select: { outcome: true } } },
				orderBy: { number: "desc" },
				take: 1,
			},
		},
	});
	const setting = workspace?.seed != null ? exerciseSetting(exercise, workspace.seed) : undefined;
	const latest = workspace?.submissions[0];
	return {
		exercise: {
			id: exercise.id,
			kind: exercise.kind,
			title: exercise.title[language],
			lead: exercise.lead[language],
			indicators: exercise.indicators,
			section: exercise.section,
		},
		workspace: workspace
			? {
					id: workspace.id,
					status: statusOf(latest),
					task: setting?.task?.[language] ?? null,
					files: workspace.seed != null ? Object.keys(exerciseFiles(exercise, workspace.seed)) : [],
					score: latest?.scoring ? (JSON.parse(latest.scoring) as ExerciseScore) : null,
					submission: latest?.number ?? null,
				}
			: null,
	};
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireUser(request);
	const exercise = exerciseById(params.exerciseId);
	if (!exercise) throw notFound();
	const parsed = parseForm(await request.formData(), StartExerciseSchema);
	if (!parsed.success) throw new Response("Bad request", { status: 400 });
	const workspaceId = await openExercise(user.id, exercise);
	// A practice workspace has nothing to read first: straight to it.
	const to = exercise.kind === "practice" ? `/sandbox/${workspaceId}` : `/sandbox/exercises/${exercise.id}`;
	return redirectWithToast(to, { kind: "success", key: "sandboxReview.exercise.started" });
}

export default function ExercisePage() {
	const { exercise, workspace } = useLoaderData<typeof loader>();
	const { t } = useTranslation();
	return (
		<div className="stack-large">
			<header className="stack">
				<p className="muted">
					<Link to="/sandbox">{t("sandboxReview.exercise.back")}</Link>
				</p>
				<h1>{exercise.title}</h1>
				<p className="lead">{exercise.lead}</p>
				<p>
					<Link to={exercise.section}>{t("sandboxReview.exercise.lesson")}</Link>
				</p>
			</header>
			{!workspace ? (
				<Form method="post" className="stack">
					<p>{t(`sandboxReview.exercise.startLead.${exercise.kind}`)}</p>
					<p>
						<button type="submit" name="intent" value="start" className="button">
							{t("sandboxReview.exercise.start")}
						</button>
					</p>
				</Form>
			) : (
				<>
					{workspace.task ? (
						<section aria-labelledby="task-title" className="stack">
							<h2 id="task-title">{t("sandboxReview.exercise.task")}</h2>
							<p>{workspace.task}</p>
						</section>
					) : null}
					{workspace.files.length ? (
						<section aria-labelledby="files-title" className="stack">
							<h2 id="files-title">{t("sandboxReview.exercise.files")}</h2>
							<p>{t("sandboxReview.exercise.filesLead")}</p>
							<ul>
								{workspace.files.map((file) => (
									<li key={file}>
										<a href={`/sandbox/exercises/${exercise.id}/${file}`} download>
											{t(`sandboxReview.exercise.file.${file.replace(/\.csv$/, "")}`)} ({file})
										</a>
									</li>
								))}
							</ul>
						</section>
					) : null}
					<section aria-labelledby="work-title" className="stack">
						<h2 id="work-title">{t("sandboxReview.exercise.work")}</h2>
						<p>{t(`sandboxReview.exercise.workLead.${exercise.kind}`)}</p>
						<p className="actions">
							<Link className="button" to={`/sandbox/${workspace.id}`}>
								{t("sandboxReview.exercise.openTable")}
							</Link>
							<Link to={`/sandbox/${workspace.id}/submissions`}>{t("sandboxReview.exercise.submitLink")}</Link>
						</p>
						<p>
							{t("sandboxReview.submit.status")} <strong>{t(`sandboxReview.status.${workspace.status}`)}</strong>
						</p>
					</section>
					{workspace.score ? (
						<section aria-labelledby="score-title" className="stack">
							<h2 id="score-title">{t("sandboxReview.exercise.latestScore", { number: workspace.submission ?? 0 })}</h2>
							<ScoreSummary score={workspace.score} />
						</section>
					) : null}
				</>
			)}
		</div>
	);
}

export const meta = pageMeta<typeof loader>(({ data }) => data?.exercise.title);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}

import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { assessorHome, coordinatorHome } from "~/utils/assessment.server";
import { getUser } from "~/utils/auth.server";
import { Prisma } from "~/generated/prisma/client";
import { prisma, readRows } from "~/utils/db.server";
import { SentenceWith } from "~/components/content/content-body";
import { isProgrammeModule, listModules, localized, localizedText } from "~/utils/content.server";
import { resolveLanguage } from "~/utils/i18n.server";
import { getProgress, nextStep } from "~/utils/progress.server";
import { useFormat } from "~/utils/format";
import { hasRole } from "~/utils/roles";
import { pageMeta } from "~/utils/meta";
import cohortStyles from "~/styles/cohorts.css?url";
import { memberCohorts, trainerCohorts, type MemberCohort } from "~/utils/cohort-home.server";
import { MessageList } from "~/components/cohorts/message-list";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: cohortStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await getUser(request);
	if (!user)
		return {
			user: null,
			admin: null,
			agency: null,
			learning: null,
			country: null,
			assessment: null,
			comparison: null,
			cohorts: [],
			running: null,
		};
	const language = resolveLanguage(request, user);
	// One reading of the user's progress serves the learning card and the cohort cards.
	let progress: ReturnType<typeof getProgress> | undefined;
	const progressOf = () => (progress ??= listModules().then((modules) => getProgress(user.id, modules)));
	const [admin, agency, learning, country, assessment, comparison, cohorts, running] = await Promise.all([
		hasRole(user, "admin") ? adminSummary() : null,
		user.agencyId ? agencyOf(user.agencyId) : null,
		hasRole(user, "trainee") ? continueLearning(user.id, language, progressOf) : null,
		hasRole(user, "coordinator") && user.countryCode ? countrySummary(user.countryCode, language) : null,
		hasRole(user, "assessor") && user.agencyId ? assessorHome(user.agencyId) : null,
		hasRole(user, "coordinator") && user.countryCode ? coordinatorHome(user.countryCode) : null,
		memberCohorts(user.id, language, progressOf),
		hasRole(user, "trainer") ? trainerCohorts(user.id) : null,
	]);
	return {
		user: { name: user.name, roles: user.roles },
		admin,
		agency,
		learning,
		country,
		assessment,
		comparison,
		cohorts,
		running,
	};
}

/** The trainee's next step: a section to read, a quiz to take, or nothing left. */
async function continueLearning(
	userId: string,
	language: "en" | "ru",
	progressOf: () => ReturnType<typeof getProgress>,
) {
	const modules = (await listModules()).filter(isProgrammeModule);
	const progress = await progressOf();
	const step = await nextStep(userId, modules, progress);
	const completed = modules.filter((m) => progress.get(m.slug)?.completed).length;
	if (!step) return { completed, total: modules.length, step: null };
	const { module, section, started } = step;
	return {
		completed,
		total: modules.length,
		step: {
			number: module.meta.number,
			title: localized(module.meta.title, language),
			started,
			href: section ? `/modules/${module.slug}/${section.id}` : `/modules/${module.slug}/quiz`,
			sectionTitle: section ? localizedText(section.title, language) : null,
		},
	};
}

/** The user's agency, by name: a read past Prisma's client, as every signed-in home page makes it (docs/decisions/0097). */
async function agencyOf(id: string) {
	const [agency] = await readRows<{ name: string; nameRu: string; countryCode: string }>(
		Prisma.sql`SELECT "name", "nameRu", "countryCode" FROM "Agency" WHERE "id" = ${id}`,
	);
	return agency ?? null;
}

/** A coordinator's country: its agencies and people on the platform. */
async function countrySummary(code: string, language: "en" | "ru") {
	const country = await prisma.country.findUnique({
		where: { code },
		select: { nameEn: true, nameRu: true, _count: { select: { agencies: true, users: true } } },
	});
	if (!country) return null;
	return {
		name: language === "ru" ? country.nameRu : country.nameEn,
		agencies: country._count.agencies,
		users: country._count.users,
	};
}

async function adminSummary() {
	const [users, agencies, countries] = await Promise.all([
		prisma.user.count(),
		prisma.agency.count(),
		prisma.country.count(),
	]);
	return { users, agencies, countries };
}

export const meta = pageMeta(() => null);

export default function HomePage() {
	const { user, admin, agency, learning, country, assessment, comparison, cohorts, running } =
		useLoaderData<typeof loader>();
	const { t, language } = useTranslation();
	const format = useFormat();
	if (!user) return <Landing />;
	const agencyName = agency ? (language === "ru" && agency.nameRu ? agency.nameRu : agency.name) : null;
	return (
		<div className="stack-large">
			<h1>{t("home.welcome", { name: user.name })}</h1>
			<div className="cards">
				{cohorts.map((cohort) => (
					<CohortCard key={cohort.id} cohort={cohort} />
				))}
				{learning ? (
					<section className="card card--wide" aria-labelledby="home-trainee">
						<h2 id="home-trainee">{t("home.trainee.title")}</h2>
						<p>{t("home.trainee.progress", { completed: learning.completed, total: learning.total })}</p>
						{learning.step ? (
							<>
								<p>
									<Link className="button" to={learning.step.href}>
										{t(learning.step.started ? "learn.continue.resume" : "learn.continue.start", {
											number: learning.step.number,
											title: learning.step.title,
										})}
									</Link>
								</p>
								<p className="muted">
									{learning.step.sectionTitle ? (
										<SentenceWith i18nKey="learn.continue.section" name="title" value={learning.step.sectionTitle} />
									) : (
										t("learn.continue.quiz")
									)}
								</p>
							</>
						) : (
							<p>{t("learn.continue.allDone")}</p>
						)}
						<p>
							<Link to="/modules">{t("learn.continue.browse")}</Link>
						</p>
						<p>
							<Link to="/join">{t("home.cohorts.join")}</Link>
						</p>
					</section>
				) : null}
				{running ? (
					<section className="card" aria-labelledby="home-running">
						<h2 id="home-running">{t("home.cohorts.runningTitle")}</h2>
						{running.length ? (
							<ul>
								{running.map((cohort) => (
									<li key={cohort.id}>
										<Link to={`/cohorts/${cohort.id}`}>{cohort.name}</Link>:{" "}
										{t("home.cohorts.members", { count: cohort.members })}
										{cohort.nextDue
											? ` · ${t("home.cohorts.nextDueDate", { date: format.day(cohort.nextDue) })}`
											: null}
									</li>
								))}
							</ul>
						) : (
							<p>{t("home.cohorts.noneRunning")}</p>
						)}
						<p>
							<Link to="/cohorts/new">{t("home.cohorts.create")}</Link>
						</p>
					</section>
				) : null}
				{hasRole(user, "trainer") ? (
					<section className="card" aria-labelledby="home-trainer">
						<h2 id="home-trainer">{t("home.trainer.title")}</h2>
						<p>{t("home.trainer.text")}</p>
						<p>
							<Link to="/modules">{t("home.trainer.link")}</Link>
						</p>
					</section>
				) : null}
				{hasRole(user, "assessor") ? (
					<section className="card" aria-labelledby="home-assessor">
						<h2 id="home-assessor">{t("home.assessor.title")}</h2>
						{agencyName && assessment ? (
							<>
								<p>
									{assessment.state === "not-started"
										? t("assessment.home.notStarted", { agency: agencyName, year: assessment.year })
										: assessment.state === "draft"
											? t("assessment.home.draft", {
													agency: agencyName,
													year: assessment.year,
													complete: assessment.complete,
													steps: assessment.steps,
												})
											: t("assessment.home.submitted", {
													agency: agencyName,
													year: assessment.year,
													date: assessment.submittedAt ? format.date(assessment.submittedAt) : "",
												})}
								</p>
								<p>
									{assessment.state === "not-started" ? (
										<Link className="button" to="/assessment">
											{t("assessment.home.start", { year: assessment.year })}
										</Link>
									) : assessment.state === "draft" ? (
										<Link className="button" to={`/assessment/${assessment.id}/${assessment.resume}`}>
											{t("assessment.home.continue")}
										</Link>
									) : (
										<Link className="button" to={`/assessment/${assessment.id}/report`}>
											{t("assessment.home.report")}
										</Link>
									)}
								</p>
							</>
						) : (
							<p>{t("home.assessor.noAgency")}</p>
						)}
						<p>
							<Link to="/modules/it-prerequisites">{t("home.assessor.link")}</Link>
						</p>
					</section>
				) : null}
				{hasRole(user, "coordinator") ? (
					<section className="card" aria-labelledby="home-coordinator">
						<h2 id="home-coordinator">{t("home.coordinator.title")}</h2>
						{country ? (
							<p>
								{t("home.coordinator.text", {
									country: country.name,
									agencies: country.agencies,
									users: country.users,
								})}
							</p>
						) : (
							<p>{t("home.coordinator.noCountry")}</p>
						)}
						{comparison ? (
							<>
								<p>
									{t("assessment.home.coordinator", {
										submitted: comparison.submitted,
										count: comparison.agencies,
										year: comparison.year,
									})}
								</p>
								<p>
									<Link to="/assessment/compare">{t("assessment.home.compare")}</Link>
								</p>
							</>
						) : null}
					</section>
				) : null}
				{admin ? (
					<section className="card" aria-labelledby="home-admin">
						<h2 id="home-admin">{t("home.admin.title")}</h2>
						<ul>
							<li>
								<Link to="/admin/users">{t("home.admin.users", { count: admin.users })}</Link>
							</li>
							<li>
								<Link to="/admin/agencies">{t("home.admin.agencies", { count: admin.agencies })}</Link>
							</li>
							<li>
								<Link to="/admin/countries">{t("home.admin.countries", { count: admin.countries })}</Link>
							</li>
						</ul>
					</section>
				) : null}
			</div>
		</div>
	);
}

/** A cohort the user is in: its trainers, what is due next, what is overdue, and the trainers' messages. */
function CohortCard({ cohort }: { cohort: MemberCohort }) {
	const { t } = useTranslation();
	const format = useFormat();
	const headingId = `home-cohort-${cohort.id}`;
	return (
		<section className="card card--wide home-cohort" aria-labelledby={headingId}>
			<h2 id={headingId}>{t("home.cohorts.title", { name: cohort.name })}</h2>
			<p>
				{t("home.cohorts.trainers", { names: cohort.trainers.join(", ") || "—" })} ·{" "}
				{t("home.cohorts.progress", { completed: cohort.completed, total: cohort.total })}
			</p>
			{cohort.overdue.length ? (
				<div className="late-box">
					<p>
						<strong>{t("home.cohorts.overdue", { count: cohort.overdue.length })}</strong>
					</p>
					<ul>
						{cohort.overdue.map((m) => (
							<li key={m.slug}>
								<Link to={`/modules/${m.slug}`}>
									{t("learn.moduleNumber", { number: m.number })}. {m.title}
								</Link>{" "}
								{m.due ? t("home.cohorts.wasDue", { date: format.day(m.due) }) : null}
							</li>
						))}
					</ul>
				</div>
			) : null}
			{cohort.next ? (
				<p>
					{cohort.next.due
						? t("home.cohorts.next", { date: format.day(cohort.next.due) })
						: t("home.cohorts.nextNoDate")}{" "}
					<Link to={`/modules/${cohort.next.slug}`}>
						{t("learn.moduleNumber", { number: cohort.next.number })}. {cohort.next.title}
					</Link>
				</p>
			) : cohort.overdue.length === 0 ? (
				<p>{t("home.cohorts.allDone")}</p>
			) : null}
			{cohort.messages.length ? (
				<section aria-labelledby={`${headingId}-messages`}>
					<h3 id={`${headingId}-messages`}>{t("home.cohorts.messages")}</h3>
					<MessageList messages={cohort.messages} />
				</section>
			) : null}
		</section>
	);
}

function Landing() {
	const { t } = useTranslation();
	return (
		<div className="stack-large">
			<section className="hero" aria-labelledby="landing-title">
				<h1 id="landing-title">{t("landing.title")}</h1>
				<p className="lead">{t("landing.lead")}</p>
				<p className="actions">
					<Link className="button" to="/signup">
						{t("landing.signup")}
					</Link>
					<Link className="button button--secondary" to="/login">
						{t("landing.login")}
					</Link>
				</p>
			</section>
			<div className="cards">
				<section className="card" aria-labelledby="landing-modules">
					<h2 id="landing-modules">{t("landing.modules.title")}</h2>
					<p>{t("landing.modules.text")}</p>
				</section>
				<section className="card" aria-labelledby="landing-sandbox">
					<h2 id="landing-sandbox">{t("landing.sandbox.title")}</h2>
					<p>{t("landing.sandbox.text")}</p>
					<p>
						<Link to="/sandbox">{t("landing.sandbox.link")}</Link>
					</p>
				</section>
				<section className="card" aria-labelledby="landing-assessment">
					<h2 id="landing-assessment">{t("landing.assessment.title")}</h2>
					<p>{t("landing.assessment.text")}</p>
				</section>
			</div>
		</div>
	);
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}

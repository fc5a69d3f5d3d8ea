import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { SentenceWith } from "~/components/content/content-body";
import { isProgrammeModule, listModules, localized, localizedText } from "~/utils/content.server";
import { resolveLanguage } from "~/utils/i18n.server";
import { getProgress, nextStep } from "~/utils/progress.server";
import { hasRole } from "~/utils/roles";

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await getUser(request);
	if (!user) return { user: null, admin: null, agency: null, learning: null, country: null };
	const language = resolveLanguage(request, user);
	const [admin, agency, learning, country] = await Promise.all([
		hasRole(user, "admin") ? adminSummary() : null,
		user.agencyId
			? prisma.agency.findUnique({
					where: { id: user.agencyId },
					select: { name: true, nameRu: true, countryCode: true },
				})
			: null,
		hasRole(user, "trainee") ? continueLearning(user.id, language) : null,
		hasRole(user, "coordinator") && user.countryCode ? countrySummary(user.countryCode, language) : null,
	]);
	return { user: { name: user.name, roles: user.roles }, admin, agency, learning, country };
}

/** The trainee's next step: a section to read, a quiz to take, or nothing left. */
async function continueLearning(userId: string, language: "en" | "ru") {
	const modules = (await listModules()).filter(isProgrammeModule);
	const progress = await getProgress(userId, modules);
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

export const meta: MetaFunction = () => [{ title: "DSM Academy" }];

export default function HomePage() {
	const { user, admin, agency, learning, country } = useLoaderData<typeof loader>();
	const { t, language } = useTranslation();
	if (!user) return <Landing />;
	const agencyName = agency ? (language === "ru" && agency.nameRu ? agency.nameRu : agency.name) : null;
	return (
		<div className="stack-large">
			<h1>{t("home.welcome", { name: user.name })}</h1>
			<div className="cards">
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
						<p>{agencyName ? t("home.assessor.text", { agency: agencyName }) : t("home.assessor.noAgency")}</p>
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

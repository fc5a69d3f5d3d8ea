import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n";

export type StepNavEntry = {
	id: string;
	code: string;
	title: string;
	state: "complete" | "started" | "not-started" | "skipped" | "review";
	answered: number;
	applicable: number;
};

/** The wizard's steps with the state of each, in words (not colour alone); the current one marked. */
export function StepNav({
	assessmentId,
	steps,
	current,
}: {
	assessmentId: string;
	steps: StepNavEntry[];
	current: string;
}) {
	const { t } = useTranslation();
	return (
		<nav aria-label={t("assessment.wizard.steps")} className="reader__toc step-nav">
			<h2 className="reader__toc-title">{t("assessment.wizard.steps")}</h2>
			<ol className="toc">
				{steps.map((step) => (
					<li key={step.id}>
						<Link to={`/assessment/${assessmentId}/${step.id}`} aria-current={step.id === current ? "step" : undefined}>
							{step.code ? `${step.code} ` : ""}
							{step.title}
						</Link>
						{step.state === "review" ? null : (
							<span className={`step-nav__state step-nav__state--${step.state}`}>
								{step.state === "started"
									? t("assessment.steps.startedCount", { answered: step.answered, applicable: step.applicable })
									: t(`assessment.steps.${step.state}`)}
							</span>
						)}
					</li>
				))}
			</ol>
		</nav>
	);
}

/** The top of every wizard page: where it belongs (the assessment, the agency, the year) and its title. */
export function WizardHeader({ agency, year, title }: { agency: string; year: number; title: string }) {
	const { t } = useTranslation();
	return (
		<header>
			<p className="eyebrow">
				<Link to="/assessment">{t("assessment.title")}</Link>
				{" · "}
				{t("assessment.wizard.eyebrow", { agency, year })}
			</p>
			<h1>{title}</h1>
		</header>
	);
}

import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CohortForm } from "~/components/cohorts/cohort-form";
import { ActionForm } from "~/components/cohorts/action-form";
import { CohortHeader } from "~/components/cohorts/cohort-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/forms";
import { addDays, dayOf } from "~/domain/cohorts/days";
import { toFormInput } from "~/domain/form-input";
import cohortStyles from "~/styles/cohorts.css?url";
import { CohortSchema, CopySchema, CoTrainerSchema, parseDueRules } from "~/utils/cohort-schema";
import {
	addCoTrainer,
	cohortFormOptions,
	cohortHeading,
	cohortModules,
	cohortTrackTitle,
	copyCohort,
	removeCoTrainer,
	requireCohortTrainer,
	resolvePlan,
	setArchived,
	setDueRules,
	updateCohort,
} from "~/utils/cohorts.server";
import { localized } from "~/utils/content.server";
import { useFormat } from "~/utils/format";
import { errorsOf, formValues, parseForm, valueOf } from "~/utils/forms";
import { resolveLanguage, translatorFor } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";
import { redirectWithToast } from "~/utils/toast.server";
import { pageMeta } from "~/utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: cohortStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { user, cohort } = await requireCohortTrainer(request, params.cohortId);
	const language = resolveLanguage(request, user);
	const [modules, options, trackTitle] = await Promise.all([
		cohortModules(cohort),
		cohortFormOptions(language),
		cohortTrackTitle(cohort, language),
	]);
	const startsOn = dayOf(cohort.startsOn);
	return {
		title: translatorFor(language)("cohorts.settings.title", { name: cohort.name }),
		cohort: cohortHeading(cohort, language, true, trackTitle),
		options,
		values: {
			name: cohort.name,
			countryCode: cohort.countryCode,
			startsOn,
			endsOn: cohort.endsOn ? dayOf(cohort.endsOn) : "",
			trackSlug: cohort.trackSlug,
			modules: cohort.modules.map((m) => m.moduleSlug),
		},
		plan: modules.map(({ module, rule, due }) => ({
			slug: module.slug,
			label: `${module.meta.number}. ${localized(module.meta.title, language)}`,
			dueOn: rule.kind === "date" ? rule.on : "",
			dueDays: rule.kind === "days" ? String(rule.days) : "",
			due,
		})),
		trainers: cohort.trainers.map((t) => ({
			id: t.userId,
			name: t.user.name,
			email: t.user.email,
			self: t.userId === user.id,
		})),
		copy: { name: "", startsOn: addDays(startsOn, 365) },
	};
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { user, cohort } = await requireCohortTrainer(request, params.cohortId);
	const formData = await request.formData();
	const intent = formData.get("intent");
	const here = `/cohorts/${cohort.id}/settings`;
	switch (intent) {
		case "cohort": {
			const submission = parseForm(formData, CohortSchema);
			if (!submission.success) return data({ ...submission, intent }, { status: 400 });
			const resolved = await resolvePlan(submission.data);
			if (!resolved.plan) {
				return data({ success: false, intent, errors: resolved.errors, values: formValues(formData) }, { status: 400 });
			}
			const { name, countryCode, startsOn, endsOn } = submission.data;
			await updateCohort(cohort.id, { name, countryCode, startsOn, endsOn, ...resolved.plan });
			return redirectWithToast(here, { kind: "success", key: "cohorts.settings.saved" });
		}
		case "due-dates": {
			const input = toFormInput(formData);
			const { rules, errors } = parseDueRules(
				input,
				cohort.modules.map((m) => m.moduleSlug),
			);
			if (Object.keys(errors).length) {
				return data({ success: false, intent, errors, values: formValues(formData) }, { status: 400 });
			}
			await setDueRules(cohort.id, rules);
			return redirectWithToast(here, { kind: "success", key: "cohorts.settings.dueSaved" });
		}
		case "add-trainer": {
			const submission = parseForm(formData, CoTrainerSchema);
			if (!submission.success) return data({ ...submission, intent }, { status: 400 });
			const refused = await addCoTrainer(cohort.id, submission.data.email);
			if (refused) {
				const key = refused === "unknown" ? "cohorts.errors.noSuchUser" : "cohorts.errors.notTrainer";
				return data(
					{ success: false, intent, errors: { email: [key] }, values: formValues(formData) },
					{ status: 400 },
				);
			}
			return redirectWithToast(here, { kind: "success", key: "cohorts.settings.trainerAdded" });
		}
		case "remove-trainer": {
			const userId = String(formData.get("userId") ?? "");
			if (cohort.trainers.length <= 1) {
				return data(
					{ success: false, intent, errors: { "": ["cohorts.errors.lastTrainer"] }, values: {} },
					{ status: 400 },
				);
			}
			await removeCoTrainer(cohort.id, userId);
			// A trainer who removes themselves no longer runs the cohort.
			if (userId === user.id) return redirectWithToast("/cohorts", { kind: "success", key: "cohorts.settings.left" });
			return redirectWithToast(here, { kind: "success", key: "cohorts.settings.trainerRemoved" });
		}
		case "copy": {
			const submission = parseForm(formData, CopySchema);
			if (!submission.success) return data({ ...submission, intent }, { status: 400 });
			const copyId = await copyCohort(cohort, submission.data, user.id);
			return redirectWithToast(`/cohorts/${copyId}/settings`, { kind: "success", key: "cohorts.settings.copied" });
		}
		case "archive":
		case "restore":
			await setArchived(cohort.id, intent === "archive");
			return redirectWithToast(here, {
				kind: "success",
				key: intent === "archive" ? "cohorts.settings.archivedToast" : "cohorts.settings.restoredToast",
			});
		default:
			return redirect(here);
	}
}

export default function CohortSettingsPage() {
	const { cohort, options, values, plan, trainers, copy } = useLoaderData<typeof loader>();
	const actionData = useActionData<typeof action>();
	const { t } = useTranslation();
	const format = useFormat();
	const intent = actionData && "intent" in actionData ? actionData.intent : null;
	const errorsFor = (form: string) => (intent === form ? actionData : undefined);
	return (
		<div className="stack-large">
			<CohortHeader cohort={cohort} title={t("cohorts.tabs.settings")} />
			<section className="narrow" aria-labelledby="details-title">
				<h2 id="details-title">{t("cohorts.settings.details")}</h2>
				<CohortForm
					values={values}
					countries={options.countries}
					tracks={options.tracks}
					modules={options.modules}
					actionData={errorsFor("cohort")}
					submitLabel={t("cohorts.settings.save")}
				/>
			</section>
			<section aria-labelledby="due-title">
				<h2 id="due-title">{t("cohorts.settings.dueTitle")}</h2>
				<p className="narrow">{t("cohorts.settings.dueLead")}</p>
				<Form method="post" className="stack">
					<input type="hidden" name="intent" value="due-dates" />
					<FormErrors
						errors={
							errorsOf(errorsFor("due-dates"), "") ?? (intent === "due-dates" ? ["cohorts.errors.fixBelow"] : undefined)
						}
					/>
					<div className="table-wrap">
						<table className="due-table">
							<thead>
								<tr>
									<th scope="col">{t("cohorts.settings.module")}</th>
									<th scope="col">{t("cohorts.settings.dueOn")}</th>
									<th scope="col">{t("cohorts.settings.dueDays")}</th>
									<th scope="col">{t("cohorts.settings.due")}</th>
								</tr>
							</thead>
							<tbody>
								{plan.map((row) => (
									<tr key={row.slug}>
										<th scope="row">{row.label}</th>
										<td>
											<Field
												label={
													<span className="visually-hidden">
														{t("cohorts.settings.dueOnFor", { module: row.label })}
													</span>
												}
												name={`dueOn.${row.slug}`}
												type="date"
												defaultValue={valueOf(errorsFor("due-dates"), `dueOn.${row.slug}`) ?? row.dueOn}
												errors={errorsOf(errorsFor("due-dates"), `dueOn.${row.slug}`)}
											/>
										</td>
										<td>
											<Field
												label={
													<span className="visually-hidden">
														{t("cohorts.settings.dueDaysFor", { module: row.label })}
													</span>
												}
												name={`dueDays.${row.slug}`}
												type="number"
												min={0}
												max={3650}
												inputMode="numeric"
												className="input--short"
												defaultValue={valueOf(errorsFor("due-dates"), `dueDays.${row.slug}`) ?? row.dueDays}
												errors={errorsOf(errorsFor("due-dates"), `dueDays.${row.slug}`)}
											/>
										</td>
										<td>{row.due ? format.day(row.due) : t("cohorts.settings.noDue")}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
					<button type="submit" className="button">
						{t("cohorts.settings.saveDue")}
					</button>
				</Form>
			</section>
			<section className="narrow" aria-labelledby="trainers-title">
				<h2 id="trainers-title">{t("cohorts.settings.trainersTitle")}</h2>
				<FormErrors errors={errorsOf(errorsFor("remove-trainer"), "")} />
				<ul className="plain-list">
					{trainers.map((trainer) => (
						<li key={trainer.id} className="inline-form">
							<span>
								{trainer.name} ({trainer.email}){trainer.self ? ` · ${t("cohorts.settings.you")}` : null}
							</span>
							{trainers.length > 1 ? (
								<ActionForm
									intent="remove-trainer"
									fields={{ userId: trainer.id }}
									label={t("cohorts.settings.removeTrainer", { name: trainer.name })}
								/>
							) : null}
						</li>
					))}
				</ul>
				<Form method="post" className="stack">
					<input type="hidden" name="intent" value="add-trainer" />
					<Field
						label={t("cohorts.settings.addTrainer")}
						hint={t("cohorts.settings.addTrainerHint")}
						name="email"
						type="email"
						required
						defaultValue={valueOf(errorsFor("add-trainer"), "email")}
						errors={errorsOf(errorsFor("add-trainer"), "email")}
					/>
					<button type="submit" className="button button--secondary">
						{t("cohorts.settings.addTrainerButton")}
					</button>
				</Form>
			</section>
			<section className="narrow" aria-labelledby="copy-title">
				<h2 id="copy-title">{t("cohorts.settings.copyTitle")}</h2>
				<p>{t("cohorts.settings.copyLead")}</p>
				<Form method="post" className="stack">
					<input type="hidden" name="intent" value="copy" />
					<Field
						label={t("cohorts.settings.copyName")}
						name="name"
						required
						maxLength={120}
						defaultValue={valueOf(errorsFor("copy"), "name") ?? copy.name}
						errors={errorsOf(errorsFor("copy"), "name")}
					/>
					<Field
						label={t("cohorts.fields.startsOn")}
						name="startsOn"
						type="date"
						required
						defaultValue={valueOf(errorsFor("copy"), "startsOn") ?? copy.startsOn}
						errors={errorsOf(errorsFor("copy"), "startsOn")}
					/>
					<button type="submit" className="button button--secondary">
						{t("cohorts.settings.copyButton")}
					</button>
				</Form>
			</section>
			<section className="narrow" aria-labelledby="archive-title">
				<h2 id="archive-title">{t("cohorts.settings.archiveTitle")}</h2>
				<p>{cohort.archived ? t("cohorts.settings.archivedText") : t("cohorts.settings.archiveText")}</p>
				<Form method="post">
					<button
						type="submit"
						name="intent"
						value={cohort.archived ? "restore" : "archive"}
						className="button button--secondary"
					>
						{cohort.archived ? t("cohorts.settings.restore") : t("cohorts.settings.archive")}
					</button>
				</Form>
			</section>
		</div>
	);
}

export const meta = pageMeta<typeof loader>(({ data }) => data?.title);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}

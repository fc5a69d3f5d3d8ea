import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { StepNav, WizardHeader } from "~/components/assessment/wizard";
import { pageMeta } from "~/utils/meta";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CheckboxGroup, Field, FormErrors, SelectField } from "~/components/forms";
import { answerToFormInput, parseItem } from "~/domain/assessment/answers";
import type { Answers, ItemAnswer } from "~/domain/assessment/model";
import { neighbours, stepProgress } from "~/domain/assessment/progress";
import { itemState } from "~/domain/assessment/scoring";
import { itemView, lessonHref, pick, stepEntries, type FieldView } from "~/domain/assessment/view";
import { toFormInput, type FormInput } from "~/domain/form-input";
import {
	agencyName,
	answerMeta,
	currentYear,
	lessonTitles,
	requireAssessment,
	saveAnswers,
} from "~/utils/assessment.server";
import { useFormat } from "~/utils/format";
import { useTranslation } from "~/utils/i18n";
import { resolveLanguage, translatorFor } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

/**
 * One step of the wizard: a section of the grid as a real form. Back, Save and Save and continue
 * are submit buttons that work without JavaScript; with it, the form also saves itself a moment
 * after each change (intent "autosave") and says when. Bad values are refused beside their field;
 * the other answers of the step are saved and everything typed is shown again.
 */

const INTENTS = ["continue", "save", "back", "autosave"] as const;
type Intent = (typeof INTENTS)[number];

/** The form names the items it shows, so that an item left off the page is never cleared. */
const ITEM_FIELD = "_item";

function sectionOf(loaded: Awaited<ReturnType<typeof requireAssessment>>, step: string | undefined) {
	const section = loaded.instrument.sections.find((s) => s.id === step);
	if (!section) throw new Response("Not found", { status: 404 });
	return section;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const loaded = await requireAssessment(request, params.id);
	const { user, assessment, instrument, answers, access } = loaded;
	const section = sectionOf(loaded, params.step);
	const language = resolveLanguage(request, user);
	const t = translatorFor(language);
	const lesson = await lessonTitles(language);
	const meta = answerMeta(assessment);
	let emptyRowShown = false;
	const items = section.items.flatMap((item) => {
		const state = itemState(item, answers);
		// Repeated rows (partners): those in use, and one empty row to add another.
		if (item.unusedWhenBlank && state === "not-applicable") {
			if (emptyRowShown) return [];
			emptyRowShown = true;
		}
		const last = meta.get(item.id);
		return [
			{
				...itemView(instrument, item, state, answers, language),
				last: last ?? null,
			},
		];
	});
	const values: FormInput = Object.assign(
		{},
		...section.items.map((item) => answerToFormInput(item, answers[item.id] ?? {})),
	);
	const agency = agencyName(assessment.agency, language);
	const { previous, next } = neighbours(instrument, section.id);
	return {
		title: t("assessment.meta.step", {
			step: `${section.code} ${pick(section.title, language)}`,
			year: assessment.year,
			agency,
		}),
		assessment: {
			id: assessment.id,
			year: assessment.year,
			status: assessment.status,
			submittedAt: assessment.submittedAt,
			agency,
		},
		editable: access.edit,
		steps: stepEntries(stepProgress(instrument, answers), language, t("assessment.review.title")),
		section: {
			id: section.id,
			code: section.code,
			title: pick(section.title, language),
			intro: pick(section.intro, language),
			learn: { href: lessonHref(section.learn), title: lesson(section.learn) },
			repeated: section.items.some((item) => item.unusedWhenBlank),
		},
		items,
		values,
		previous,
		next,
	};
}

export async function action({ request, params }: ActionFunctionArgs) {
	const loaded = await requireAssessment(request, params.id);
	const { user, assessment, instrument, answers, access } = loaded;
	const section = sectionOf(loaded, params.step);
	const formData = await request.formData();
	const intent: Intent = INTENTS.find((i) => i === formData.get("intent")) ?? "save";
	const here = `/assessment/${assessment.id}/${section.id}`;
	if (!access.edit) {
		if (assessment.status === "draft" || !access.targets) throw new Response("Forbidden", { status: 403 });
		// Its own assessors, once it is submitted: nothing changes, and they are told why.
		if (intent === "autosave") return data({ locked: true, errors: {}, savedAt: null }, { status: 409 });
		return redirectWithToast(`/assessment/${assessment.id}/report`, {
			kind: "error",
			key: "assessment.wizard.lockedToast",
		});
	}

	const input = toFormInput(formData);
	const shown = new Set(formData.getAll(ITEM_FIELD).filter((v): v is string => typeof v === "string"));
	const context = { year: currentYear() };
	const parsed = new Map<string, ItemAnswer>();
	const errors: Record<string, string[]> = {};
	for (const item of section.items.filter((i) => shown.has(i.id))) {
		const result = parseItem(item, input, context);
		if (result.ok) parsed.set(item.id, result.answer);
		else Object.assign(errors, result.errors);
	}
	// Items that the answers now skip (no internet: no speed questions) are neither saved nor refused.
	const merged: Answers = { ...answers, ...Object.fromEntries(parsed) };
	for (const item of section.items) {
		if (itemState(item, merged) !== "skipped") continue;
		parsed.delete(item.id);
		for (const name of Object.keys(errors)) if (name.startsWith(`${item.id}.`)) delete errors[name];
	}

	const failed = Object.keys(errors).length > 0;
	const { previous, next } = neighbours(instrument, section.id);
	const destination =
		failed || intent === "save" || intent === "autosave" ? section.id : intent === "back" ? previous : next;
	const saved = await saveAnswers(assessment.id, user.id, instrument, parsed, {
		confirm: intent !== "autosave",
		step: destination ?? section.id,
	});
	if (!saved) {
		if (intent === "autosave") return data({ locked: true, errors: {}, savedAt: null }, { status: 409 });
		return redirectWithToast(`/assessment/${assessment.id}/report`, {
			kind: "error",
			key: "assessment.wizard.lockedToast",
		});
	}
	if (failed) return data({ locked: false, errors, values: input, savedAt: null }, { status: 400 });
	if (intent === "autosave") return data({ locked: false, errors: {}, savedAt: new Date().toISOString() });
	if (intent === "save") return redirectWithToast(here, { kind: "success", key: "assessment.wizard.saved" });
	return redirect(`/assessment/${assessment.id}/${destination ?? section.id}`);
}

export default function StepPage() {
	const { assessment, editable, steps, section, items, values: saved, previous } = useLoaderData<typeof loader>();
	const actionData = useActionData<typeof action>();
	const autosave = useFetcher<typeof action>();
	const { t } = useTranslation();
	const format = useFormat();
	const formRef = useRef<HTMLFormElement>(null);
	const { submit } = autosave;

	// With JavaScript: save a moment after each change, never while a real submission is on its way.
	useEffect(() => {
		const form = formRef.current;
		if (!form || !editable) return;
		let timer: ReturnType<typeof setTimeout> | undefined;
		const schedule = () => {
			clearTimeout(timer);
			timer = setTimeout(() => {
				const body = new FormData(form);
				body.set("intent", "autosave");
				submit(body, { method: "post" });
			}, 1200);
		};
		const cancel = () => clearTimeout(timer);
		form.addEventListener("input", schedule);
		form.addEventListener("change", schedule);
		form.addEventListener("submit", cancel);
		return () => {
			cancel();
			form.removeEventListener("input", schedule);
			form.removeEventListener("change", schedule);
			form.removeEventListener("submit", cancel);
		};
	}, [editable, section.id, submit]);

	const values: FormInput = (actionData && "values" in actionData ? (actionData.values as FormInput) : null) ?? saved;
	const errors: Record<string, string[]> = actionData?.errors ?? autosave.data?.errors ?? {};
	const failed = Object.keys(errors).length > 0;
	const autosaveText =
		autosave.state !== "idle"
			? t("assessment.wizard.saving")
			: autosave.data?.locked
				? t("assessment.wizard.lockedToast")
				: autosave.data?.savedAt
					? t("assessment.wizard.savedAt", { time: format.time(autosave.data.savedAt) })
					: autosave.data && Object.keys(autosave.data.errors).length
						? t("assessment.wizard.notSaved")
						: "";

	return (
		<div className="stack-large">
			<WizardHeader agency={assessment.agency} year={assessment.year} title={`${section.code} ${section.title}`} />
			<div className="reader">
				<StepNav assessmentId={assessment.id} steps={steps} current={section.id} />
				<div className="stack">
					{!editable ? (
						<p className="notice">
							{assessment.status === "submitted" && assessment.submittedAt
								? t("assessment.wizard.locked", { date: format.date(assessment.submittedAt) })
								: t("assessment.wizard.readOnly")}
						</p>
					) : null}
					<p>{section.intro}</p>
					<p className="field-hint">{t("assessment.wizard.compatibleHint")}</p>
					<p>
						<a href={section.learn.href}>{t("assessment.wizard.learn", { title: section.learn.title })}</a>
					</p>
					<Form method="post" ref={formRef} key={section.id} className="stack" noValidate>
						{failed ? <FormErrors errors={["assessment.wizard.fixErrors"]} /> : null}
						<fieldset className="item-list" disabled={!editable}>
							<legend className="visually-hidden">
								{section.code} {section.title}
							</legend>
							{items.map((item) => (
								<fieldset key={item.id} id={`item-${item.id}`} className="item">
									<legend>
										<span className="item__code">{item.code}</span> {item.label}
									</legend>
									<p className="field-hint">{item.help}</p>
									{item.state === "skipped" ? (
										<p className="item__skipped">
											{item.skip ? t("assessment.wizard.skipped", item.skip) : t("assessment.itemState.skipped")}
										</p>
									) : (
										<>
											<input type="hidden" name={ITEM_FIELD} value={item.id} />
											<div className="item__fields">
												{item.fields.map((field) => (
													<AnswerField key={field.name} field={field} values={values} errors={errors[field.name]} />
												))}
											</div>
											{item.last ? (
												<p className="item__last">
													{item.last.carriedOver
														? t("assessment.wizard.carried")
														: item.last.by
															? t("assessment.wizard.lastBy", {
																	name: item.last.by,
																	date: format.dateTime(item.last.at),
																})
															: t("assessment.wizard.lastAt", { date: format.dateTime(item.last.at) })}
												</p>
											) : null}
										</>
									)}
								</fieldset>
							))}
						</fieldset>
						{section.repeated && editable ? <p className="field-hint">{t("assessment.wizard.partnersHint")}</p> : null}
						{editable ? (
							<div className="wizard-actions">
								<button type="submit" name="intent" value="continue" className="button">
									{t("assessment.wizard.saveContinue")}
								</button>
								<button type="submit" name="intent" value="save" className="button button--secondary">
									{t("assessment.wizard.save")}
								</button>
								{previous ? (
									<button type="submit" name="intent" value="back" className="button button--secondary">
										{t("assessment.wizard.back")}
									</button>
								) : null}
								<p className="wizard-actions__status" role="status">
									{autosaveText}
								</p>
							</div>
						) : null}
					</Form>
				</div>
			</div>
		</div>
	);
}

function AnswerField({ field, values, errors }: { field: FieldView; values: FormInput; errors?: string[] }) {
	const { t } = useTranslation();
	const value = values[field.name];
	const text = typeof value === "string" ? value : undefined;
	switch (field.kind) {
		case "select":
			return (
				<SelectField
					name={field.name}
					id={field.name}
					label={field.label}
					options={field.options}
					placeholder={t("assessment.wizard.choose")}
					defaultValue={text ?? ""}
					errors={errors}
				/>
			);
		case "checkboxes":
			return (
				<CheckboxGroup
					name={field.name}
					legend={field.label}
					options={field.options}
					checked={Array.isArray(value) ? value : text ? [text] : []}
					errors={errors}
				/>
			);
	}
	// Counts, measures and years are text boxes with a numeric keyboard, so that "12,5" reaches the server (0073).
	const input =
		field.kind === "number"
			? {
					inputMode: field.decimal ? ("decimal" as const) : ("numeric" as const),
					autoComplete: "off",
					className: "input--short",
				}
			: field.kind === "year"
				? { inputMode: "numeric" as const, autoComplete: "off", maxLength: 4, className: "input--short" }
				: { maxLength: field.maxLength };
	return (
		<Field
			name={field.name}
			id={field.name}
			label={field.kind === "number" && field.unit ? `${field.label} (${field.unit})` : field.label}
			hint={field.help}
			defaultValue={text ?? ""}
			errors={errors}
			{...input}
		/>
	);
}

export const meta = pageMeta<typeof loader>(({ data }) => data?.title);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}

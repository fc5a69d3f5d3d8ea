import { Form } from "@remix-run/react";
import { ErrorList, Field, FormErrors, SelectField } from "~/components/forms";
import { errorsOf, valueOf } from "~/utils/forms";
import { useTranslation } from "~/utils/i18n";

export type CohortFormValues = {
	name: string;
	countryCode: string;
	startsOn: string;
	endsOn: string;
	trackSlug: string | null;
	modules: string[];
};

type Option = { value: string; label: string };

/** Name, country, dates and plan (a track, or chosen modules) of a cohort: creating one, or editing it. */
export function CohortForm({
	values,
	countries,
	tracks,
	modules,
	actionData,
	submitLabel,
}: {
	values: CohortFormValues;
	countries: Option[];
	tracks: Option[];
	modules: Option[];
	actionData: unknown;
	submitLabel: string;
}) {
	const { t } = useTranslation();
	const submitted = actionData && typeof actionData === "object" && "values" in actionData;
	const value = (field: keyof CohortFormValues) => valueOf(actionData, field) ?? String(values[field] ?? "");
	const plan = (submitted ? valueOf(actionData, "plan") : values.trackSlug ? "track" : "modules") ?? "track";
	const chosenModules = new Set(
		submitted ? [(actionData as { values: Record<string, unknown> }).values.modules ?? []].flat() : values.modules,
	);
	const moduleErrors = errorsOf(actionData, "modules");
	return (
		<Form method="post" className="stack">
			<input type="hidden" name="intent" value="cohort" />
			<FormErrors errors={errorsOf(actionData, "")} />
			<Field
				label={t("cohorts.fields.name")}
				hint={t("cohorts.fields.nameHint")}
				name="name"
				required
				maxLength={120}
				defaultValue={value("name")}
				errors={errorsOf(actionData, "name")}
			/>
			<SelectField
				label={t("fields.country")}
				name="countryCode"
				required
				placeholder={t("fields.chooseCountry")}
				defaultValue={value("countryCode")}
				options={countries}
				errors={errorsOf(actionData, "countryCode")}
			/>
			<div className="field-row">
				<Field
					label={t("cohorts.fields.startsOn")}
					name="startsOn"
					type="date"
					required
					defaultValue={value("startsOn")}
					errors={errorsOf(actionData, "startsOn")}
				/>
				<Field
					label={t("cohorts.fields.endsOn")}
					hint={t("cohorts.fields.optional")}
					name="endsOn"
					type="date"
					defaultValue={value("endsOn")}
					errors={errorsOf(actionData, "endsOn")}
				/>
			</div>
			<fieldset className="stack">
				<legend>{t("cohorts.fields.plan")}</legend>
				<div className="checkbox">
					<input type="radio" id="plan-track" name="plan" value="track" defaultChecked={plan === "track"} />
					<label htmlFor="plan-track">{t("cohorts.fields.planTrack")}</label>
				</div>
				<SelectField
					label={t("cohorts.fields.track")}
					name="trackSlug"
					placeholder={t("cohorts.fields.chooseTrack")}
					defaultValue={value("trackSlug")}
					options={tracks}
					errors={errorsOf(actionData, "trackSlug")}
				/>
				<div className="checkbox">
					<input type="radio" id="plan-modules" name="plan" value="modules" defaultChecked={plan === "modules"} />
					<label htmlFor="plan-modules">{t("cohorts.fields.planModules")}</label>
				</div>
				<fieldset aria-describedby={moduleErrors ? "modules-error" : undefined}>
					<legend>{t("cohorts.fields.modules")}</legend>
					<ErrorList id="modules-error" errors={moduleErrors} />
					<div className="module-choices">
						{modules.map((module) => (
							<div key={module.value} className="checkbox">
								<input
									type="checkbox"
									id={`module-${module.value}`}
									name="modules"
									value={module.value}
									defaultChecked={chosenModules.has(module.value)}
								/>
								<label htmlFor={`module-${module.value}`}>{module.label}</label>
							</div>
						))}
					</div>
				</fieldset>
			</fieldset>
			<button type="submit" className="button">
				{submitLabel}
			</button>
		</Form>
	);
}

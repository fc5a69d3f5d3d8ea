import { Form } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n";
import { AGENCY_KINDS } from "~/utils/agency";
import { errorsOf, valueOf } from "~/utils/forms";
import { Field, FormErrors, SelectField } from "./forms";

type Agency = { name: string; nameRu: string; kind: string; countryCode: string };
type Country = { code: string; nameEn: string; nameRu: string; isMember: boolean };

/** Creates or edits an agency; `actionData` brings back what was typed when it is refused. */
export function AgencyForm({
	agency,
	countries,
	actionData,
	submitLabel,
}: {
	agency?: Agency;
	countries: Array<{ code: string; name: string }>;
	actionData: unknown;
	submitLabel: string;
}) {
	const { t } = useTranslation();
	return (
		<Form method="post" className="stack">
			<FormErrors errors={errorsOf(actionData, "")} />
			<Field
				label={t("admin.agencies.name")}
				name="name"
				required
				defaultValue={valueOf(actionData, "name") ?? agency?.name}
				errors={errorsOf(actionData, "name")}
			/>
			<Field
				label={t("admin.agencies.nameRu")}
				name="nameRu"
				lang="ru"
				defaultValue={valueOf(actionData, "nameRu") ?? agency?.nameRu}
				errors={errorsOf(actionData, "nameRu")}
			/>
			<SelectField
				label={t("admin.agencies.kind")}
				name="kind"
				required
				defaultValue={valueOf(actionData, "kind") ?? agency?.kind ?? "other"}
				options={AGENCY_KINDS.map((kind) => ({ value: kind, label: t(`agencyKinds.${kind}`) }))}
				errors={errorsOf(actionData, "kind")}
			/>
			<SelectField
				label={t("fields.country")}
				name="countryCode"
				required
				placeholder={t("fields.chooseCountry")}
				defaultValue={valueOf(actionData, "countryCode") ?? agency?.countryCode ?? ""}
				options={countries.map((c) => ({ value: c.code, label: c.name }))}
				errors={errorsOf(actionData, "countryCode")}
			/>
			<button type="submit" className="button">
				{submitLabel}
			</button>
		</Form>
	);
}

export function CountryForm({
	country,
	actionData,
	submitLabel,
}: {
	country?: Country;
	actionData: unknown;
	submitLabel: string;
}) {
	const { t } = useTranslation();
	const submitted = actionData && typeof actionData === "object" && "values" in actionData;
	return (
		<Form method="post" className="stack">
			<FormErrors errors={errorsOf(actionData, "")} />
			{country ? (
				<input type="hidden" name="code" value={country.code} />
			) : (
				<Field
					label={t("admin.countries.code")}
					hint={t("admin.countries.codeHint")}
					name="code"
					required
					maxLength={2}
					defaultValue={valueOf(actionData, "code")}
					errors={errorsOf(actionData, "code")}
				/>
			)}
			<Field
				label={t("admin.countries.nameEn")}
				name="nameEn"
				required
				defaultValue={valueOf(actionData, "nameEn") ?? country?.nameEn}
				errors={errorsOf(actionData, "nameEn")}
			/>
			<Field
				label={t("admin.countries.nameRu")}
				name="nameRu"
				lang="ru"
				required
				defaultValue={valueOf(actionData, "nameRu") ?? country?.nameRu}
				errors={errorsOf(actionData, "nameRu")}
			/>
			<div className="checkbox">
				<input
					type="checkbox"
					id="isMember"
					name="isMember"
					defaultChecked={submitted ? valueOf(actionData, "isMember") === "on" : (country?.isMember ?? true)}
				/>
				<label htmlFor="isMember">{t("admin.countries.isMember")}</label>
			</div>
			<button type="submit" className="button">
				{submitLabel}
			</button>
		</Form>
	);
}

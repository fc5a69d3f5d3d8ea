import { useState } from "react";
import { errorsOf, valueOf } from "~/utils/forms";
import { useTranslation } from "~/utils/i18n";
import { ErrorList, Field } from "./forms";

type Country = { code: string; name: string; agencies: Array<{ id: string; name: string }> };

/**
 * Country and agency. Without JavaScript the agency list shows every
 * country's agencies grouped by country (the server checks the pair); with
 * it, only the chosen country's.
 */
export function AffiliationFields({
	countries,
	countryCode,
	onCountryChange,
	agencyId,
	errors,
}: {
	countries: Country[];
	countryCode: string;
	onCountryChange: (code: string) => void;
	agencyId?: string | null;
	errors: { countryCode?: string[]; agencyId?: string[] };
}) {
	const { t } = useTranslation();
	const shown = countryCode ? countries.filter((c) => c.code === countryCode) : countries;
	return (
		<>
			<div className="field">
				<label htmlFor="countryCode">{t("fields.country")}</label>
				<select
					id="countryCode"
					name="countryCode"
					required
					value={countryCode}
					onChange={(event) => onCountryChange(event.currentTarget.value)}
					aria-invalid={errors.countryCode?.length ? true : undefined}
					aria-describedby={errors.countryCode?.length ? "countryCode-error" : undefined}
				>
					<option value="">{t("fields.chooseCountry")}</option>
					{countries.map((country) => (
						<option key={country.code} value={country.code}>
							{country.name}
						</option>
					))}
				</select>
				<ErrorList id="countryCode-error" errors={errors.countryCode} />
			</div>
			<div className="field">
				<label htmlFor="agencyId">{t("fields.agency")}</label>
				<select
					id="agencyId"
					name="agencyId"
					defaultValue={agencyId ?? ""}
					aria-invalid={errors.agencyId?.length ? true : undefined}
					aria-describedby={errors.agencyId?.length ? "agencyId-error" : undefined}
				>
					<option value="">{t("fields.noAgency")}</option>
					{shown.map((country) =>
						country.agencies.length ? (
							<optgroup key={country.code} label={country.name}>
								{country.agencies.map((agency) => (
									<option key={agency.id} value={agency.id}>
										{agency.name}
									</option>
								))}
							</optgroup>
						) : null,
					)}
				</select>
				<ErrorList id="agencyId-error" errors={errors.agencyId} />
			</div>
		</>
	);
}

/**
 * The name, country and agency of an account (and its e-mail when `email` is set), as the
 * profile and the admin's user page edit them: the account's values, or what was typed when the
 * form came back refused (`actionData`). `self`: the user edits their own account, so the
 * browser may fill it in.
 */
export function AccountFields({
	account,
	countries,
	actionData,
	email = false,
	self,
}: {
	account: { name: string; email?: string; countryCode: string | null; agencyId: string | null };
	countries: Country[];
	actionData: unknown;
	email?: boolean;
	self: boolean;
}) {
	const { t } = useTranslation();
	const [countryCode, setCountryCode] = useState(valueOf(actionData, "countryCode") ?? account.countryCode ?? "");
	return (
		<>
			<Field
				label={t("fields.name")}
				name="name"
				autoComplete={self ? "name" : "off"}
				required
				defaultValue={valueOf(actionData, "name") ?? account.name}
				errors={errorsOf(actionData, "name")}
			/>
			{email ? (
				<Field
					label={t("fields.email")}
					name="email"
					type="email"
					autoComplete={self ? "email" : "off"}
					required
					defaultValue={valueOf(actionData, "email") ?? account.email}
					errors={errorsOf(actionData, "email")}
				/>
			) : null}
			<AffiliationFields
				countries={countries}
				countryCode={countryCode}
				onCountryChange={setCountryCode}
				agencyId={valueOf(actionData, "agencyId") ?? account.agencyId}
				errors={{ countryCode: errorsOf(actionData, "countryCode"), agencyId: errorsOf(actionData, "agencyId") }}
			/>
		</>
	);
}

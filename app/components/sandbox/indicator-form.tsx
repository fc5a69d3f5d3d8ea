import { Form } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { ErrorList, Field, FormErrors, SelectField, TextAreaField } from "~/components/forms";
import { CODELISTS, labelOf } from "~/domain/dsm/codelists";
import { HIERARCHIES, INDICATORS, type IndicatorId } from "~/domain/dsm/model";
import { cellFieldOf, cellKeyOf, type CellCodes } from "~/domain/sandbox/cells";
import { parseValueCell } from "~/domain/dsm/xlsx-layout";
import { amountOf, type SheetAttributes } from "~/domain/sandbox/form";
import { computeTotals, layoutCells, type FormLayout } from "~/domain/sandbox/layout";
import type { FieldErrors } from "~/utils/forms";
import { useTranslation } from "~/utils/i18n";

export type CellMark = { readonly severity: "error" | "warning"; readonly findings: readonly number[] };

type Props = {
	indicator: IndicatorId;
	refArea: string;
	period: string;
	layout: FormLayout;
	cells: Readonly<Record<string, string>>;
	attributes: SheetAttributes;
	/** Cells with findings, by form field. */
	marks: Readonly<Record<string, CellMark>>;
	/** Sums of parts for total cells left empty, by form field. */
	computed: Readonly<Record<string, number>>;
	errors?: FieldErrors;
};

/** A cell whose flags say confidential (CONF_STATUS=C), marked as such on the form. */
const isConfidential = (text: string | undefined) => (text ? parseValueCell(text).confidentiality === "C" : false);

const totalsOf = (dimension: keyof typeof HIERARCHIES) => new Set(HIERARCHIES[dimension].map((h) => h.total));

/**
 * An indicator's table as a plain HTML form (it works without JavaScript): one table per block,
 * a text cell per combination, the sheet's attributes once. With JavaScript, totals left empty
 * show the sum of their parts as you type (the server computes the same on save).
 */
export function IndicatorForm({
	indicator,
	refArea,
	period,
	layout,
	cells,
	attributes,
	marks,
	computed,
	errors = {},
}: Props) {
	const { t, language } = useTranslation();
	const formRef = useRef<HTMLFormElement>(null);
	const outerTotals = totalsOf(layout.outer);
	const innerTotals = totalsOf(layout.inner);

	useEffect(() => {
		const form = formRef.current;
		if (!form) return;
		const allCells = layoutCells(layout);
		const update = () => {
			const known = new Map<string, number>();
			const inputs = form.querySelectorAll<HTMLInputElement>("input[data-cell]");
			for (const input of inputs) {
				const amount = input.value.trim() === "" ? undefined : amountOf(input.value);
				if (amount !== undefined) known.set(input.name, amount);
			}
			const sums = computeTotals(indicator, allCells, known);
			for (const input of inputs) {
				const sum = input.value.trim() === "" ? sums.get(input.name) : undefined;
				input.placeholder = sum === undefined ? "" : String(sum);
			}
		};
		form.addEventListener("input", update);
		return () => form.removeEventListener("input", update);
	}, [indicator, layout]);

	const label = (dimension: keyof typeof CODELISTS, code: string) => labelOf(dimension, code, language);
	const otherCitizens = CODELISTS.CITIZEN.codes.filter(
		(entry) => entry.code !== "TOTAL" && entry.code !== refArea && !layout.rows.includes(entry.code),
	);

	return (
		<Form method="post" ref={formRef} className="stack indicator-form" id="indicator-form" noValidate>
			<FormErrors errors={errors[""]} />
			<fieldset className="stack card">
				<legend>{t("sandbox.form.attributes")}</legend>
				<SelectField
					name="unit"
					label={t("sandbox.form.unit")}
					options={INDICATORS[indicator].units.map((code) => ({
						value: code,
						label: `${label("UNIT", code)} (${code})`,
					}))}
					defaultValue={attributes.unit}
					errors={errors.unit}
				/>
				<SelectField
					name="rounding"
					label={t("sandbox.form.rounding")}
					options={CODELISTS.ROUNDING.codes.map((entry) => ({
						value: entry.code,
						label: `${entry[language]} (${entry.code})`,
					}))}
					defaultValue={attributes.rounding}
					errors={errors.rounding}
				/>
				<Field
					name="sourceAgency"
					label={t("sandbox.form.sourceAgency")}
					defaultValue={attributes.sourceAgency}
					errors={errors.sourceAgency}
				/>
				<TextAreaField
					name="note"
					label={t("sandbox.form.note")}
					hint={t("sandbox.form.noteHint")}
					defaultValue={attributes.note}
					errors={errors.note}
					rows={3}
				/>
			</fieldset>

			<p id="cell-hint" className="field-hint">
				{t("sandbox.form.cellHint")}
			</p>
			{layout.rows.map((citizen) => (
				<input key={citizen} type="hidden" name="citizen" value={citizen} />
			))}
			{layout.blocks.map((block, blockIndex) => {
				// Short ids: every cell names its block, row and two column headers (IDs add up over 700 cells).
				const b = `b${blockIndex}`;
				const blockTitle = layout.blockDimensions.map((d) => label(d, block.codes[d] ?? "")).join(" · ");
				const titleId = `${b}t`;
				return (
					<section key={block.id} aria-labelledby={titleId} className="stack">
						<h3 id={titleId}>{blockTitle || INDICATORS[indicator].title[language]}</h3>
						<div className="table-wrap sandbox-table" role="region" aria-labelledby={titleId} tabIndex={0}>
							<table>
								<thead>
									<tr>
										<td />
										{layout.outerCodes.map((outer) => (
											<th
												key={outer}
												id={`${b}o${layout.outerCodes.indexOf(outer)}`}
												scope="colgroup"
												colSpan={layout.innerCodes.length}
												className={outerTotals.has(outer) ? "is-total" : undefined}
											>
												{label(layout.outer, outer)}
											</th>
										))}
									</tr>
									<tr>
										<th scope="col">{t("sandbox.form.citizenship")}</th>
										{layout.outerCodes.map((outer) =>
											layout.innerCodes.map((inner) => (
												<th
													key={`${outer}.${inner}`}
													id={`${b}o${layout.outerCodes.indexOf(outer)}i${layout.innerCodes.indexOf(inner)}`}
													scope="col"
													className={innerTotals.has(inner) || outerTotals.has(outer) ? "is-total" : undefined}
												>
													{label(layout.inner, inner)}
												</th>
											)),
										)}
									</tr>
								</thead>
								<tbody>
									{layout.rows.map((citizen) => (
										<tr key={citizen} className={citizen === "TOTAL" ? "is-total" : undefined}>
											<th scope="row" id={`${b}r${layout.rows.indexOf(citizen)}`}>
												{label("CITIZEN", citizen)} <span className="code">{citizen}</span>
											</th>
											{layout.outerCodes.map((outer) =>
												layout.innerCodes.map((inner) => {
													const codes: CellCodes = {
														...block.codes,
														CITIZEN: citizen,
														[layout.outer]: outer,
														[layout.inner]: inner,
													};
													const field = cellFieldOf(indicator, codes);
													const key = cellKeyOf(indicator, refArea, period, codes);
													const mark = marks[field];
													const sum = computed[field];
													return (
														<td
															key={field}
															className={
																[
																	mark ? `cell--${mark.severity}` : "",
																	isConfidential(cells[field]) ? "cell--confidential" : "",
																]
																	.filter(Boolean)
																	.join(" ") || undefined
															}
														>
															<input
																type="text"
																data-cell=""
																name={field}
																id={key}
																defaultValue={cells[field] ?? ""}
																placeholder={sum === undefined ? undefined : String(sum)}
																autoComplete="off"
																aria-labelledby={`${titleId} ${b}r${layout.rows.indexOf(citizen)} ${b}o${layout.outerCodes.indexOf(outer)} ${b}o${layout.outerCodes.indexOf(outer)}i${layout.innerCodes.indexOf(inner)}`}
																aria-describedby={
																	mark?.findings.length
																		? mark.findings.map((index) => `finding-${index}`).join(" ")
																		: undefined
																}
																aria-invalid={mark?.severity === "error" ? true : undefined}
															/>
														</td>
													);
												}),
											)}
										</tr>
									))}
								</tbody>
							</table>
						</div>
					</section>
				);
			})}
			<p className="actions">
				<button type="submit" name="intent" value="save" className="button">
					{t("sandbox.form.save")}
				</button>
			</p>
			<fieldset className="stack card">
				<legend>{t("sandbox.form.addRow")}</legend>
				<div className="field">
					<label htmlFor="newCitizen">{t("sandbox.form.newCitizen")}</label>
					<select
						id="newCitizen"
						name="newCitizen"
						defaultValue=""
						aria-describedby={errors.newCitizen ? "newCitizen-error" : undefined}
					>
						<option value="">{t("sandbox.form.chooseCitizen")}</option>
						{otherCitizens.map((entry) => (
							<option key={entry.code} value={entry.code}>
								{entry[language]} ({entry.code})
							</option>
						))}
					</select>
					<ErrorList id="newCitizen-error" errors={errors.newCitizen} />
				</div>
				<p>
					<button type="submit" name="intent" value="add-citizen" className="button button--secondary">
						{t("sandbox.form.addCitizen")}
					</button>
				</p>
			</fieldset>
		</Form>
	);
}

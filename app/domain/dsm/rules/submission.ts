import { isCode } from "../codelists";
import { ATTRIBUTE_CODELIST, ATTRIBUTES, DIMENSION_CODELIST, dimensionsOf, type IndicatorId } from "../model";
import { CODE } from "./codes";
import { describeKey, dimensionOf, type Observation } from "../observation";
import { forEachRelation, summand } from "./additivity";
import { cellOf, type Check, type Entry } from "./check";
import { defineRule } from "./rule";

/** DSM rules 22 to 24: what the submission says about itself, confidentiality, revisions. */

export const META = defineRule<{ indicator: IndicatorId; fields: readonly string[] }>({
	id: "META",
	number: 22,
	severity: "error",
	section: "additional-technical-data-issues/metadata-notes",
	requirement: { en: "SOURCE_AGENCY and NOTE are filled in.", ru: "SOURCE_AGENCY и NOTE заполнены." },
	message: ({ indicator, fields }) => ({
		en: `${indicator}: ${fields.join(" and ")} must be filled in. NOTE states the national definitions used: who counts as a foreigner, the residence criterion, persons or cases, crossings or persons, whether family members are included, the decision instance.`,
		ru: `${indicator}: нужно заполнить ${fields.join(" и ")}. В пояснительной записке (NOTE) укажите применённые национальные определения: кто считается иностранцем, критерий проживания, люди или дела, пересечения или люди, включены ли члены семей, инстанция решения.`,
	}),
});

export const checkMetadata: Check = ({ entries }, report) => {
	const first = new Map<IndicatorId, Observation>();
	const filled = new Map<IndicatorId, Set<"SOURCE_AGENCY" | "NOTE">>();
	for (const { observation } of entries) {
		const { indicator } = observation;
		if (!first.has(indicator)) first.set(indicator, observation);
		const fields = filled.get(indicator) ?? new Set();
		if (observation.attributes.SOURCE_AGENCY.trim()) fields.add("SOURCE_AGENCY");
		if (observation.attributes.NOTE.trim()) fields.add("NOTE");
		filled.set(indicator, fields);
	}
	for (const [indicator, observation] of first) {
		const present = filled.get(indicator);
		const fields = (["SOURCE_AGENCY", "NOTE"] as const).filter((field) => !present?.has(field));
		if (fields.length > 0)
			report(
				META,
				{ indicator, fields },
				fields.map((field) => cellOf(observation, field)),
			);
	}
};

export const CONF = defineRule<{ key: string; dimension: string; code: string }>({
	id: "CONF",
	number: 23,
	severity: "error",
	section: "additional-technical-data-issues/disclosure-control",
	requirement: {
		en: "Values with CONF_STATUS=C never appear in any view shared beyond the submitting state, not even by subtraction.",
		ru: "Значения с CONF_STATUS=C не попадают ни в одно представление за пределами отчитывающегося государства, в том числе путём вычитания.",
	},
	message: ({ key, dimension, code }) => ({
		en: `${key}: ${dimension} ${code} is confidential, yet anyone can compute it from the shared total and the other parts. Mark at least one more cell of this sum confidential.`,
		ru: `${key}: ${dimension} ${code} конфиденциально, но его можно вычислить из открытого итога и остальных частей. Отметьте как конфиденциальную ещё хотя бы одну ячейку этой суммы.`,
	}),
});

const isConfidential = (entry: Entry) => entry.observation.attributes.CONF_STATUS === "C";

/** A confidential value is disclosed when it is the only unknown of a sum whose other terms are shared. */
export const checkConfidentiality: Check = (input, report) => {
	if (!input.entries.some(isConfidential)) return;
	forEachRelation(input, (relation) => {
		if (!relation.complete) return;
		const terms = [relation.total, ...relation.parts];
		if (terms.some((entry) => summand(entry) === undefined)) return;
		const hidden = terms.filter(isConfidential);
		const [disclosed] = hidden;
		if (hidden.length !== 1 || !disclosed) return;
		const code = dimensionOf(disclosed.observation, relation.dimension);
		report(CONF, { key: describeKey(disclosed.observation), dimension: relation.dimension, code }, [
			cellOf(disclosed.observation, "CONF_STATUS"),
		]);
	});
};

export const REVISION = defineRule<
	| { kind: "reason"; indicator: IndicatorId; period: string; rows: number }
	| { kind: "delete"; area: string; country: string }
	| { kind: "delete-any"; country: string }
>({
	id: "REVISION",
	number: 24,
	severity: "error",
	section: "data-sharing-mechanism/confidentiality-and-revisions",
	requirement: {
		en: "ACTION=R on an accepted period needs a reason; ACTION=D deletes only within the submitter's REF_AREA.",
		ru: "ACTION=R для принятого периода требует причины; ACTION=D удаляет данные только своего REF_AREA.",
	},
	message: (problem) => {
		switch (problem.kind) {
			case "reason":
				return {
					en: `${problem.indicator} ${problem.period} was accepted; replacing it (ACTION=R, ${problem.rows} row(s)) needs a reason for the revision.`,
					ru: `${problem.indicator} ${problem.period} уже принят; для замены (ACTION=R, строк: ${problem.rows}) укажите причину пересмотра.`,
				};
			case "delete":
				return {
					en: `ACTION=D on REF_AREA ${problem.area}: a state deletes only its own data (${problem.country}).`,
					ru: `ACTION=D для REF_AREA ${problem.area}: государство удаляет только свои данные (${problem.country}).`,
				};
			case "delete-any":
				return {
					en: `ACTION=D with REF_AREA empty would delete every state's data: give REF_AREA ${problem.country}.`,
					ru: `ACTION=D с пустым REF_AREA удалил бы данные всех государств: укажите REF_AREA ${problem.country}.`,
				};
		}
	},
});

export const checkRevisions: Check = ({ entries, context }, report) => {
	const accepted = new Set((context.acceptedPeriods ?? []).map(({ indicator, period }) => `${indicator} ${period}`));
	const hasReason = Boolean(context.revisionReason?.trim());
	const replaced = new Map<string, { observation: Observation; rows: number }>();
	for (const { observation } of entries) {
		const period = dimensionOf(observation, "TIME_PERIOD");
		if (observation.action === "R" && !hasReason && accepted.has(`${observation.indicator} ${period}`)) {
			const key = `${observation.indicator} ${period}`;
			const seen = replaced.get(key);
			replaced.set(key, { observation: seen?.observation ?? observation, rows: (seen?.rows ?? 0) + 1 });
		}
	}
	for (const { observation, rows } of replaced.values()) {
		const period = dimensionOf(observation, "TIME_PERIOD");
		report(REVISION, { kind: "reason", indicator: observation.indicator, period, rows }, [
			cellOf(observation, "ACTION"),
		]);
	}
};

/**
 * Rows with ACTION=D (SDMX-CSV 2.0): they name what to delete, so they are not data. Empty
 * dimensions are wildcards; the value and attributes are "-" (delete them), empty (leave them)
 * or any valid value (the standard: "only required that any valid value be provided"). A state
 * deletes only within its own REF_AREA.
 */
export const checkDeletions: Check = ({ entries, context }, report) => {
	for (const { observation } of entries) {
		const area = dimensionOf(observation, "REF_AREA");
		if (context.country && area === "") {
			report(REVISION, { kind: "delete-any", country: context.country }, [cellOf(observation, "REF_AREA")]);
		} else if (context.country && area !== context.country) {
			report(REVISION, { kind: "delete", area, country: context.country }, [cellOf(observation, "ACTION")]);
		}
		for (const dimension of dimensionsOf(observation.indicator)) {
			const value = dimensionOf(observation, dimension);
			if (dimension === "TIME_PERIOD" || value === "") continue;
			const list = DIMENSION_CODELIST[dimension];
			if (!isCode(list, value)) report(CODE, { field: dimension, value, list }, [cellOf(observation, dimension)]);
		}
		for (const attribute of ATTRIBUTES) {
			const list = ATTRIBUTE_CODELIST[attribute];
			const value = observation.attributes[attribute];
			if (list && value !== "" && value !== DELETE_MARKER && !isCode(list, value))
				report(CODE, { field: attribute, value, list }, [cellOf(observation, attribute)]);
		}
	}
};

/** SDMX-CSV 2.0's mark for a value or attribute to delete. */
export const DELETE_MARKER = "-";

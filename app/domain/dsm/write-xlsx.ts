import type ExcelJS from "exceljs";
import { CODELISTS, labelOf, type CodelistId } from "./codelists";
import { escapeWorkbookText, loadExcel } from "../spreadsheet";
import { INDICATORS, INDICATOR_IDS, structureIdOf, type BreakdownId, type IndicatorId } from "./model";
import { dimensionOf, type Observation } from "./observation";
import {
	FIRST_ATTRIBUTE_ROW,
	FIRST_DATA_ROW,
	HEADER_ROW,
	LABEL_HEADER,
	SHEET_FIELDS,
	SHEET_FIELD_DEFAULTS,
	SHEET_FIELD_LABELS,
	STRUCTURE_ROW,
	TITLE_ROW,
	codesInOrder,
	firstValueColumn,
	formatValueCell,
	labelColumn,
	type SheetField,
} from "./xlsx-layout";

/**
 * The XLSX template (see xlsx-layout.ts), blank or filled: an instructions sheet, one sheet per
 * indicator (per reporting state and period when the observations cover several), and a sheet
 * of codelists that the code cells offer as drop-down lists.
 */

export type TemplateOptions = {
	/** The sheets of a blank template; ignored when observations are given. Defaults to all six. */
	readonly indicators?: readonly IndicatorId[];
	/** Observations to fill in. */
	readonly observations?: readonly Observation[];
	/** Sheet attributes of a blank template, e.g. REF_AREA and TIME_PERIOD. */
	readonly fields?: Readonly<Partial<Record<SheetField, string>>>;
	/** Citizenship rows of a blank template besides TOTAL, STLS and UNK. */
	readonly citizens?: readonly string[];
};

type Sheet = {
	readonly name: string;
	readonly indicator: IndicatorId;
	readonly fields: Readonly<Partial<Record<SheetField, string>>>;
	readonly observations: readonly Observation[];
};

const SHEET_NAME_LIMIT = 31;

function sheetFieldsOf(observation: Observation): Record<SheetField, string> {
	const { attributes } = observation;
	return {
		ACTION: observation.action,
		FREQ: dimensionOf(observation, "FREQ"),
		REF_AREA: dimensionOf(observation, "REF_AREA"),
		TIME_PERIOD: dimensionOf(observation, "TIME_PERIOD"),
		UNIT: attributes.UNIT,
		ROUNDING: attributes.ROUNDING,
		SOURCE_AGENCY: attributes.SOURCE_AGENCY,
		NOTE: attributes.NOTE,
	};
}

/** One sheet per indicator and set of sheet attributes, named "IND6" or, when an indicator needs several, "IND6 KZ 2024". */
function sheetsOf(observations: readonly Observation[]): Sheet[] {
	const groups = new Map<
		string,
		{ indicator: IndicatorId; fields: Record<SheetField, string>; observations: Observation[] }
	>();
	for (const observation of observations) {
		const fields = sheetFieldsOf(observation);
		const key = [observation.indicator, ...SHEET_FIELDS.map((field) => fields[field])].join("\u001f");
		const group = groups.get(key) ?? { indicator: observation.indicator, fields, observations: [] };
		group.observations.push(observation);
		groups.set(key, group);
	}
	const perIndicator = new Map<IndicatorId, number>();
	for (const group of groups.values()) perIndicator.set(group.indicator, (perIndicator.get(group.indicator) ?? 0) + 1);
	const used = new Set<string>();
	return [...groups.values()]
		.sort((a, b) => INDICATOR_IDS.indexOf(a.indicator) - INDICATOR_IDS.indexOf(b.indicator))
		.map((group) => {
			const base =
				(perIndicator.get(group.indicator) ?? 0) > 1
					? `${group.indicator} ${group.fields.REF_AREA} ${group.fields.TIME_PERIOD}`
					: group.indicator;
			const name = uniqueName(base.replace(/[:\\/?*[\]]/g, "_"), used);
			return { name, ...group };
		});
}

function uniqueName(base: string, used: Set<string>): string {
	let name = base.slice(0, SHEET_NAME_LIMIT);
	for (let copy = 2; used.has(name); copy++) name = `${base.slice(0, SHEET_NAME_LIMIT - 5)} (${copy})`;
	used.add(name);
	return name;
}

/** Every combination of the row dimensions' codes, in template order. */
function rowKeys(sheet: Sheet, citizens: readonly string[]): string[][] {
	const { rows } = INDICATORS[sheet.indicator].layout;
	const blank = sheet.observations.length === 0;
	const codesOf = (dimension: BreakdownId) => {
		if (!blank)
			return codesInOrder(
				dimension,
				sheet.observations.map((observation) => dimensionOf(observation, dimension)),
				false,
			);
		return dimension === "CITIZEN" ? ["TOTAL", ...citizens, "STLS", "UNK"] : codesInOrder(dimension, [], true);
	};
	let keys: string[][] = [[]];
	for (const dimension of rows) keys = keys.flatMap((prefix) => codesOf(dimension).map((code) => [...prefix, code]));
	if (blank) return keys;
	const present = new Set(
		sheet.observations.map((observation) =>
			rows.map((dimension) => dimensionOf(observation, dimension)).join("\u001f"),
		),
	);
	return keys.filter((key) => present.has(key.join("\u001f")));
}

function columnKeys(sheet: Sheet): Array<readonly [string, string]> {
	const [outer, inner] = INDICATORS[sheet.indicator].layout.columns;
	const codesOf = (dimension: BreakdownId) =>
		codesInOrder(
			dimension,
			sheet.observations.map((observation) => dimensionOf(observation, dimension)),
			true,
		);
	return codesOf(outer).flatMap((outerCode) => codesOf(inner).map((innerCode) => [outerCode, innerCode] as const));
}

const bilingual = (list: CodelistId, code: string) => `${labelOf(list, code, "en")} / ${labelOf(list, code, "ru")}`;

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF4" } };
const CODE_FONT: Partial<ExcelJS.Font> = { color: { argb: "FF5A6470" }, size: 9 };

function writeIndicatorSheet(
	workbook: ExcelJS.Workbook,
	sheet: Sheet,
	citizens: readonly string[],
	lists: ListRanges,
): void {
	const { indicator } = sheet;
	const { rows: rowDimensions, columns: columnDimensions } = INDICATORS[indicator].layout;
	const worksheet = workbook.addWorksheet(sheet.name);
	const title = INDICATORS[indicator].title;
	worksheet.getCell(TITLE_ROW, 1).value = `${indicator}: ${title.en} / ${title.ru}`;
	worksheet.getCell(TITLE_ROW, 1).font = { bold: true, size: 13 };
	worksheet.getCell(STRUCTURE_ROW, 1).value = structureIdOf(indicator);
	worksheet.getCell(STRUCTURE_ROW, 1).font = CODE_FONT;

	SHEET_FIELDS.forEach((field, index) => {
		const row = FIRST_ATTRIBUTE_ROW + index;
		worksheet.getCell(row, 1).value = field;
		worksheet.getCell(row, 1).font = { bold: true };
		const value = worksheet.getCell(row, 2);
		value.value = sheet.fields[field] ?? SHEET_FIELD_DEFAULTS[field] ?? "";
		value.fill = HEADER_FILL;
		const list = lists.get(field);
		if (list) value.dataValidation = { type: "list", allowBlank: true, formulae: [list] };
		worksheet.getCell(row, 3).value = `${SHEET_FIELD_LABELS[field].en} / ${SHEET_FIELD_LABELS[field].ru}`;
		worksheet.getCell(row, 3).font = CODE_FONT;
	});

	const columns = columnKeys(sheet);
	const valueStart = firstValueColumn(indicator);
	rowDimensions.forEach((dimension, index) => {
		worksheet.getCell(HEADER_ROW, index + 1).value = dimension;
		worksheet.getCell(HEADER_ROW + 2, index + 1).value =
			`${CODELISTS[dimension].name.en} / ${CODELISTS[dimension].name.ru}`;
	});
	worksheet.getCell(HEADER_ROW + 2, labelColumn(indicator)).value = `${LABEL_HEADER.en} / ${LABEL_HEADER.ru}`;
	columns.forEach(([outer, inner], index) => {
		const column = valueStart + index;
		worksheet.getCell(HEADER_ROW, column).value = outer;
		worksheet.getCell(HEADER_ROW + 1, column).value = inner;
		worksheet.getCell(HEADER_ROW + 2, column).value =
			`${bilingual(columnDimensions[0], outer)} · ${bilingual(columnDimensions[1], inner)}`;
	});
	for (let row = HEADER_ROW; row <= HEADER_ROW + 2; row++) {
		worksheet.getRow(row).eachCell((cell) => {
			cell.fill = HEADER_FILL;
			cell.font = row === HEADER_ROW + 2 ? { bold: true } : CODE_FONT;
			cell.alignment = { wrapText: row === HEADER_ROW + 2, vertical: "top" };
		});
	}

	const values = new Map<string, Observation>();
	const keyOf = (codes: readonly string[]) => codes.join("\u001f");
	for (const observation of sheet.observations) {
		const codes = [...rowDimensions, ...columnDimensions].map((dimension) => dimensionOf(observation, dimension));
		if (!values.has(keyOf(codes))) values.set(keyOf(codes), observation);
	}
	rowKeys(sheet, citizens).forEach((codes, index) => {
		const row = FIRST_DATA_ROW + index;
		codes.forEach((code, position) => {
			const cell = worksheet.getCell(row, position + 1);
			cell.value = code;
			const list = lists.get(rowDimensions[position] ?? "");
			if (list) cell.dataValidation = { type: "list", allowBlank: true, formulae: [list] };
		});
		worksheet.getCell(row, labelColumn(indicator)).value = bilingual("CITIZEN", codes[codes.length - 1] ?? "");
		columns.forEach(([outer, inner], position) => {
			const observation = values.get(keyOf([...codes, outer, inner]));
			if (!observation) return;
			const { OBS_STATUS, CONF_STATUS } = observation.attributes;
			const content = formatValueCell(observation.value, OBS_STATUS, CONF_STATUS);
			worksheet.getCell(row, valueStart + position).value = content;
		});
	});

	worksheet.columns.forEach((column, index) => {
		column.width = index + 1 === labelColumn(indicator) ? 30 : index + 1 < valueStart ? 12 : 14;
	});
	worksheet.getColumn(2).width = Math.max(worksheet.getColumn(2).width ?? 0, 24);
	worksheet.views = [{ state: "frozen", xSplit: labelColumn(indicator), ySplit: HEADER_ROW + 2 }];
}

/** Where each codelist sits in the Codelists sheet, as a range a drop-down list can use. */
type ListRanges = ReadonlyMap<string, string>;

const CODELISTS_SHEET = "Codelists";

function codelistRanges(): ListRanges {
	const ranges = new Map<string, string>();
	let first = 2;
	for (const list of Object.values(CODELISTS)) {
		const last = first + list.codes.length - 1;
		ranges.set(list.id, `${CODELISTS_SHEET}!$B$${first}:$B$${last}`);
		first = last + 1;
	}
	return ranges;
}

function writeCodelistsSheet(workbook: ExcelJS.Workbook): void {
	const worksheet = workbook.addWorksheet(CODELISTS_SHEET);
	worksheet.columns = [
		{ header: "Codelist / Кодификатор", width: 16 },
		{ header: "Code / Код", width: 12 },
		{ header: "English", width: 40 },
		{ header: "Русский", width: 40 },
	];
	worksheet.getRow(1).font = { bold: true };
	for (const list of Object.values(CODELISTS)) {
		for (const entry of list.codes) worksheet.addRow([list.id, entry.code, entry.en, entry.ru]);
	}
	worksheet.views = [{ state: "frozen", ySplit: 1 }];
}

const INSTRUCTIONS: ReadonlyArray<readonly [en: string, ru: string]> = [
	[
		"DSM practice submission: how to fill in this workbook",
		"Учебное представление данных DSM: как заполнить эту книгу",
	],
	["", ""],
	[
		"Each sheet named IND1 … IND6 holds one indicator for one reporting state and period.",
		"Каждый лист IND1 … IND6 содержит один показатель для одного государства и периода.",
	],
	[
		"Fill in the grey cells at the top: REF_AREA, TIME_PERIOD, UNIT, ROUNDING, SOURCE_AGENCY and NOTE (NOTE states your national definitions).",
		"Заполните серые ячейки вверху: REF_AREA, TIME_PERIOD, UNIT, ROUNDING, SOURCE_AGENCY и NOTE (в NOTE укажите национальные определения).",
	],
	[
		"Rows are citizenships (ISO codes, STLS for stateless, UNK for unknown, TOTAL for all); add rows as you need, with the code in the code column. Never include your own citizens.",
		"Строки — гражданства (коды ISO, STLS — без гражданства, UNK — неизвестно, TOTAL — все); добавляйте строки по мере надобности, указывая код. Граждан своей страны не включайте.",
	],
	[
		"Columns are sex by age (or by stage for IND2). The two rows of codes above the labels are read by the upload: do not change them.",
		"Столбцы — пол по возрасту (для IND2 — по этапу). Две строки кодов над заголовками считываются при загрузке: не изменяйте их.",
	],
	[
		"Type whole numbers without separators. Flags follow the number after a space: E estimated, P provisional, B break in series, C confidential (e.g. 125 P). Type O for a missing value (it exists but is not known), M for a value that cannot exist (the category does not apply). Leave a cell empty if it is not reported.",
		"Вводите целые числа без разделителей. Отметки ставятся после числа через пробел: E — оценка, P — предварительно, B — разрыв ряда, C — конфиденциально (например, 125 P). O — отсутствующее значение (оно существует, но неизвестно), M — значение не может существовать (категория неприменима). Пустая ячейка означает, что значение не представлено.",
	],
	[
		"Totals must equal the sum of their parts: T = F + M + UNK, TOTAL age = the six age bands. With ROUNDING=R5 every value is a multiple of 5.",
		"Итоги должны равняться сумме частей: T = F + M + UNK, итог по возрасту = шесть возрастных групп. При ROUNDING=R5 все значения кратны 5.",
	],
	[
		"The Codelists sheet lists every code with its English and Russian label.",
		"На листе Codelists приведены все коды с названиями на английском и русском.",
	],
];

function writeInstructionsSheet(workbook: ExcelJS.Workbook): void {
	const worksheet = workbook.addWorksheet("Instructions");
	worksheet.columns = [{ width: 100 }, { width: 100 }];
	for (const [en, ru] of INSTRUCTIONS) worksheet.addRow([en, ru]).alignment = { wrapText: true, vertical: "top" };
	worksheet.getRow(1).font = { bold: true, size: 13 };
}

/** The template as XLSX bytes. */
export async function writeXlsxTemplate(options: TemplateOptions = {}): Promise<Uint8Array> {
	const workbook = new (await loadExcel()).Workbook();
	workbook.creator = "DSM Academy";
	writeInstructionsSheet(workbook);
	const observations = options.observations ?? [];
	const sheets: Sheet[] =
		observations.length > 0
			? sheetsOf(observations)
			: (options.indicators ?? INDICATOR_IDS).map((indicator) => ({
					name: indicator,
					indicator,
					fields: options.fields ?? {},
					observations: [],
				}));
	const lists = codelistRanges();
	for (const sheet of sheets) writeIndicatorSheet(workbook, sheet, options.citizens ?? [], lists);
	writeCodelistsSheet(workbook);
	// Every text cell, codes, values, labels and headers alike, once the workbook is complete.
	escapeWorkbookText(workbook);
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

import type { ColumnId, FieldDef, ItemDef, Localized, Option } from "./model";

/**
 * The six columns of the seed's grid as typed fields (IT_ASSESSMENT.md, "Columns: asked of every
 * item"). "Purchased by" and "Planned upgrades" each carry a year beside their choice.
 */

const option = (value: string, en: string, ru: string): Option => ({ value, label: { en, ru } });

export const COMPATIBLE_OPTIONS = [
	option("more", "More than enough", "Больше, чем достаточно"),
	option("enough", "Enough", "Достаточно"),
	option("less", "Less than needed", "Меньше необходимого"),
] as const;

export const AVAILABLE: FieldDef = {
	kind: "choice",
	name: "available",
	label: { en: "Available", ru: "Имеется" },
	options: [option("yes", "Yes", "Да"), option("partly", "Partly", "Частично"), option("no", "No", "Нет")],
};

const USED_FOR: FieldDef = {
	kind: "text",
	name: "usedFor",
	label: { en: "Used for", ru: "Для чего используется" },
	help: {
		en: "What it serves, e.g. “entering border-crossing records”.",
		ru: "Чему служит, например: «ввод записей о пересечении границы».",
	},
	maxLength: 300,
};

const LICENSED_SOFTWARE: FieldDef = {
	kind: "choice",
	name: "licensed",
	label: { en: "Licensed", ru: "Лицензия" },
	options: [
		option("yes", "Yes", "Да"),
		option("no", "No", "Нет"),
		option("na", "Not applicable (free software)", "Не требуется (свободное ПО)"),
	],
};

const LICENSED_HARDWARE: FieldDef = {
	kind: "choice",
	name: "licensed",
	label: { en: "Under warranty or support", ru: "На гарантии или обслуживании" },
	options: [option("yes", "Yes", "Да"), option("no", "No", "Нет"), option("unknown", "Not known", "Неизвестно")],
};

const PURCHASED_BY: FieldDef = {
	kind: "choice",
	name: "purchasedBy",
	label: { en: "Purchased by", ru: "Кем приобретено" },
	options: [
		option("agency", "The agency", "Самим ведомством"),
		option("donor", "A donor or project", "Донором или проектом"),
		option("other-agency", "Another agency", "Другим ведомством"),
		option("unknown", "Not known", "Неизвестно"),
	],
};

const PURCHASED_YEAR: FieldDef = {
	kind: "year",
	name: "purchasedYear",
	label: { en: "Year purchased", ru: "Год приобретения" },
	when: "past",
};

const PLANNED_UPGRADES: FieldDef = {
	kind: "choice",
	name: "plannedUpgrades",
	label: { en: "Planned upgrades", ru: "Планируемая модернизация" },
	options: [
		option("none", "None", "Не планируется"),
		option("planned", "Planned (give the year)", "Запланирована (укажите год)"),
		option("procurement", "In procurement", "Идёт закупка"),
	],
};

const PLANNED_YEAR: FieldDef = {
	kind: "year",
	name: "plannedYear",
	label: { en: "Year planned", ru: "Запланированный год" },
	when: "future",
};

export const COMPATIBLE: FieldDef = {
	kind: "choice",
	name: "compatible",
	label: { en: "Compatible with the DSM", ru: "Совместимость с МОД" },
	help: {
		en: "Your judgement for what the agency does; the report adds this column up. Mark it honestly.",
		ru: "Ваша оценка с учётом того, что делает ведомство; отчёт суммирует этот столбец. Оценивайте честно.",
	},
	options: COMPATIBLE_OPTIONS,
};

export const COLUMN_LABELS: Readonly<Record<ColumnId, Localized>> = {
	available: AVAILABLE.label,
	usedFor: USED_FOR.label,
	licensed: { en: "Licensed", ru: "Лицензия" },
	purchasedBy: PURCHASED_BY.label,
	plannedUpgrades: PLANNED_UPGRADES.label,
	compatible: COMPATIBLE.label,
};

function columnFields(item: ItemDef, column: ColumnId): FieldDef[] {
	switch (column) {
		case "available":
			return [AVAILABLE];
		case "usedFor":
			return [USED_FOR];
		case "licensed":
			return [item.licence === "hardware" ? LICENSED_HARDWARE : LICENSED_SOFTWARE];
		case "purchasedBy":
			return [PURCHASED_BY, PURCHASED_YEAR];
		case "plannedUpgrades":
			return [PLANNED_UPGRADES, PLANNED_YEAR];
		case "compatible":
			return [COMPATIBLE];
	}
}

/**
 * Every field an item asks, in the order of the form: "Available" first (the figures beside it
 * follow), then the item's own fields, then the other columns in the grid's order.
 */
export function itemFields(item: ItemDef): FieldDef[] {
	const columns = item.columns.flatMap((column) => columnFields(item, column));
	const [first, ...rest] = columns;
	return first?.name === "available"
		? [first, ...(item.details ?? []), ...rest]
		: [...(item.details ?? []), ...columns];
}

/** The fields that make an item answered (model.ts, ItemDef.required). */
export function requiredFields(item: ItemDef): readonly string[] {
	if (item.required) return item.required;
	return item.columns.filter((column) => column === "available" || column === "compatible");
}

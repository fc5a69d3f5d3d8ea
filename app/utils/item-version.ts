import type { Translate } from "./i18n";

/** What item analysis says of the version(s) a row pools (docs/decisions/0057-item-analysis-across-versions.md). */
export type ItemVersionInfo = { numbers: number[]; current: boolean; removed: boolean; known: boolean };

/** "version 2, as in the module now", "versions 1, 2, removed from the module", "version not recorded". */
export function itemVersionLabel(t: Translate, version: ItemVersionInfo): string {
	const parts = [
		version.known
			? version.numbers.length
				? t("cohorts.items.version.numbers", { count: version.numbers.length, list: version.numbers.join(", ") })
				: null
			: t("cohorts.items.version.unknown"),
		version.current ? t("cohorts.items.version.current") : null,
		version.removed ? t("cohorts.items.version.removed") : null,
	];
	return parts.filter(Boolean).join(", ");
}

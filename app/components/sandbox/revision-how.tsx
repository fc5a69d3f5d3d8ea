import { useFormat } from "~/utils/format";
import { useTranslation } from "~/utils/i18n";

type How = {
	source: string;
	indicator: string | null;
	period: string | null;
	fileName: string | null;
	fileBytes: number | null;
	format: string | null;
	restoredFrom: number | null;
};

/** How a revision was made: the form of an indicator, a file (name, size, format), a restore, an exercise. */
export function RevisionHow({ revision }: { revision: How }) {
	const { t } = useTranslation();
	const format = useFormat();
	switch (revision.source) {
		case "form":
			return <>{t("sandbox.revisions.form", { indicator: revision.indicator ?? "", period: revision.period ?? "" })}</>;
		case "upload":
			return (
				<>
					{t("sandbox.revisions.upload", {
						name: revision.fileName ?? "",
						size: format.number(revision.fileBytes ?? 0),
					})}
					{revision.format ? ` · ${revision.format}` : ""}
				</>
			);
		case "restore":
			return <>{t("sandbox.revisions.restore", { number: revision.restoredFrom ?? 0 })}</>;
		default:
			return <>{t("sandbox.revisions.source.exercise")}</>;
	}
}

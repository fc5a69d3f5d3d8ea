import { useTranslation } from "~/utils/i18n";

/** A module's status for the signed-in learner, in words (never colour alone). */
export function ModuleStatus({
	status,
	sectionsRead,
	sectionsTotal,
	bestPercent,
}: {
	status: "not-started" | "in-progress" | "completed";
	sectionsRead: number;
	sectionsTotal: number;
	bestPercent: number | null;
}) {
	const { t } = useTranslation();
	return (
		<span className={`status status--${status}`}>
			{t(`learn.status.${status}`)}
			{status === "in-progress" ? ` · ${t("learn.sectionsRead", { read: sectionsRead, total: sectionsTotal })}` : null}
			{bestPercent !== null ? ` · ${t("learn.bestScore", { percent: Math.round(bestPercent) })}` : null}
		</span>
	);
}

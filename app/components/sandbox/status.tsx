import type { WorkspaceStatus } from "~/domain/sandbox/status";
import { useTranslation } from "~/utils/i18n";

const CLASS: Record<WorkspaceStatus, string> = {
	draft: "status status--in-progress",
	submitted: "status status--in-progress",
	returned: "status status--overdue",
	accepted: "status status--completed",
};

/** A workspace's status as a badge: draft, submitted, returned or accepted. */
export function StatusBadge({ status }: { status: WorkspaceStatus }) {
	const { t } = useTranslation();
	return <span className={CLASS[status]}>{t(`sandbox.status.${status}`)}</span>;
}

import { useTranslation } from "~/utils/i18n";

type Toast = { kind: "success" | "error"; key: string; values?: Record<string, string | number> };

export function ToastMessage({ toast }: { toast: Toast }) {
	const { t } = useTranslation();
	return (
		<p className={`toast toast--${toast.kind}`} role={toast.kind === "error" ? "alert" : "status"}>
			{t(toast.key, toast.values)}
		</p>
	);
}

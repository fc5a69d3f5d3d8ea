import { Link } from "@remix-run/react";
import { labelOf } from "~/domain/dsm/codelists";
import { useTranslation } from "~/utils/i18n";

/** The way back from a workspace's pages: the sandbox, the workspace, and its versions where asked. */
export function WorkspaceTrail({
	workspace,
	periods,
	revisions = false,
}: {
	workspace: { id: string; refArea: string };
	periods: readonly string[];
	revisions?: boolean;
}) {
	const { t, language } = useTranslation();
	return (
		<p>
			<Link to="/sandbox">{t("sandbox.title")}</Link> ›{" "}
			<Link to={`/sandbox/${workspace.id}`}>
				{labelOf("REF_AREA", workspace.refArea, language)} {periods.join(", ")}
			</Link>
			{revisions ? (
				<>
					{" "}
					› <Link to={`/sandbox/${workspace.id}/revisions`}>{t("sandbox.revisions.title")}</Link>
				</>
			) : null}
		</p>
	);
}

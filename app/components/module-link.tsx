import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n";

/** "Module 4. Basic concepts…", linking to the module's page. */
export function ModuleLink({ module }: { module: { slug: string; number: number; title: string } }) {
	const { t } = useTranslation();
	return (
		<Link to={`/modules/${module.slug}`}>
			{t("learn.moduleNumber", { number: module.number })}. {module.title}
		</Link>
	);
}

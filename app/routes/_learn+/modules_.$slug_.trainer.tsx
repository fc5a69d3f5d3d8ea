import path from "node:path";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ModuleLink } from "~/components/module-link";
import { requireUser } from "~/utils/auth.server";
import { mayReadTrainerGuides } from "~/utils/tracks.server";
import { localized, renderMdx } from "~/utils/content.server";
import { sendOnce } from "~/utils/held-content.server";
import { resolveLanguage } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";
import { ContentBody } from "~/components/content/content-body";
import { requireModule } from "~/utils/modules.server";
import { pageMeta } from "~/utils/meta";

/** The trainer guide: for trainers, admins, and those training to be trainers. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request);
	if (!(await mayReadTrainerGuides(user))) throw new Response("Forbidden", { status: 403 });
	const module = await requireModule(params.slug);
	if (!module.hasTrainerGuide) throw new Response("Not found", { status: 404 });
	const language = resolveLanguage(request, user);
	return {
		module: { slug: module.slug, number: module.meta.number, title: localized(module.meta.title, language) },
		html: sendOnce(await renderMdx(module, path.join(module.dir, "trainer.mdx"), language)),
	};
}

export const meta = pageMeta<typeof loader>(({ t, data }) => [t("learn.trainerGuide"), data?.module.title]);

export default function TrainerGuidePage() {
	const { module, html } = useLoaderData<typeof loader>();
	const { t } = useTranslation();
	return (
		<article className="narrow stack">
			<p className="eyebrow">
				<ModuleLink module={module} />
			</p>
			<h1>{t("learn.trainerGuide")}</h1>
			<ContentBody content={html} />
		</article>
	);
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}

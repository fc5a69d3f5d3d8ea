import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/forms";
import { requireUser } from "~/utils/auth.server";
import { JoinSchema } from "~/utils/cohort-schema";
import { errorsOf, parseForm, valueOf } from "~/utils/forms";
import { resolveLanguage, translatorFor } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";
import { joinResponse } from "~/utils/join.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request);
	return { title: translatorFor(resolveLanguage(request, user))("join.title") };
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUser(request);
	const formData = await request.formData();
	const submission = parseForm(formData, JoinSchema);
	if (!submission.success) return data(submission, { status: 400 });
	return joinResponse(user.id, submission.data.code);
}

export default function JoinPage() {
	const actionData = useActionData<typeof action>();
	const { t } = useTranslation();
	return (
		<section className="narrow stack" aria-labelledby="join-title">
			<h1 id="join-title">{t("join.title")}</h1>
			<p>{t("join.lead")}</p>
			<Form method="post" className="stack">
				<Field
					label={t("join.code")}
					hint={t("join.codeHint")}
					name="code"
					required
					autoComplete="off"
					autoCapitalize="characters"
					spellCheck={false}
					maxLength={40}
					className="input--code"
					defaultValue={valueOf(actionData, "code")}
					errors={errorsOf(actionData, "code")}
				/>
				<button type="submit" className="button">
					{t("join.submit")}
				</button>
			</Form>
		</section>
	);
}

export const meta = pageMeta<typeof loader>(({ data }) => data?.title);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}

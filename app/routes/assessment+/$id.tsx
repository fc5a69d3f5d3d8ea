import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { resumeStep } from "~/domain/assessment/progress";
import { requireAssessment } from "~/utils/assessment.server";

/** An assessment's address resumes it where its assessors left off; a submitted one opens its report. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const { assessment, instrument, answers, access } = await requireAssessment(request, params.id);
	if (!access.edit) return redirect(`/assessment/${assessment.id}/report`);
	return redirect(`/assessment/${assessment.id}/${resumeStep(instrument, answers, assessment.currentStep)}`);
}

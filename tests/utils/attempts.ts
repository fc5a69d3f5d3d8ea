import type { PublicQuestion } from "~/domain/quiz/public-view";
import type { Language } from "~/utils/i18n";

/**
 * An open attempt's questions as its page asks them (the public view, in the reader's language):
 * what a test needs to answer it. The page itself has them only as form fields
 * (docs/decisions/0109-attempt-form-written-once.md). The app's modules are imported when it is
 * called, once the test has set CONTENT_DIR.
 */
export async function attemptQuestions(
	{ slug, attemptId }: { slug: string; attemptId: string },
	language: Language = "en",
): Promise<PublicQuestion[]> {
	const { getModule } = await import("~/utils/content.server");
	const { prisma } = await import("~/utils/db.server");
	const { getAttempt } = await import("~/utils/quiz.server");
	const { userId } = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { userId: true } });
	const attempt = await getAttempt(userId, (await getModule(slug))!, attemptId, language);
	return attempt!.questions;
}

/** The opening tag of the form field named `name` in an attempt's fields HTML. */
export function fieldTag(html: string | null, name: string): string | undefined {
	return html?.match(new RegExp(`<(?:input|textarea|select)[^>]* name="${name.replace(/\./g, "\\.")}"[^>]*>`))?.[0];
}

import type { AttemptGrade } from "./attempt-grade";
import { questionMarks } from "./statistics";

/**
 * A graded attempt as the QuizAttempt row keeps it: the marks, the pass, whether an answer waits
 * for a trainer, every question's grade, and each question's mark for item analysis. One shape
 * for the submission, a trainer's mark and the demo data.
 */
export function gradeColumns(grade: AttemptGrade) {
	return {
		score: grade.score,
		maxScore: grade.maxScore,
		percent: grade.percent,
		passed: grade.passed,
		needsGrading: grade.needsGrading,
		grades: JSON.stringify(grade.questions),
		questionMarks: JSON.stringify(questionMarks(grade.questions)),
	};
}

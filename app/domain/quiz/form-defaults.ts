import type { PublicQuestion } from "./public-view";
import type { AttemptResponses, FormInput } from "./response";

/**
 * Saved responses as the form fields that would send them: the inverse of
 * `parseAttemptForm`, so a saved attempt reopens with its answers in place.
 */
export function responsesToFormInput(questions: readonly PublicQuestion[], responses: AttemptResponses): FormInput {
	const input: FormInput = {};
	for (const question of questions) {
		const response = responses[question.id];
		if (!response) continue;
		switch (response.kind) {
			case "choice":
				if (response.choiceId !== null) input[question.field] = response.choiceId;
				break;
			case "choices":
				input[question.field] = response.choiceIds;
				break;
			case "text":
				input[question.field] = response.text;
				break;
			case "number":
				if (response.value !== null) input[question.field] = String(response.value);
				break;
			case "match":
				if (question.type !== "match") break;
				for (const stem of question.stems) {
					const choice = response.choices[stem.id];
					if (choice) input[stem.field] = choice;
				}
				break;
		}
	}
	return input;
}

/**
 * The longest answers a quiz form takes. Kept apart from response.ts (which needs zod) because the
 * attempt route's `handle`, which goes to the browser, derives its body limits from them: zod
 * would otherwise travel with the page (README, "Benchmark": JavaScript per page).
 */
export const MAX_SHORT_ANSWER_LENGTH = 500;
export const MAX_ESSAY_LENGTH = 20_000;

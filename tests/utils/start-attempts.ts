// Starts attempts for one user and module, many at once, in a process of its own: the test of
// atomic starts runs two of these on one database file (app/utils/quiz.server.test.ts).
// Usage: DATABASE_URL=… CONTENT_DIR=… tsx tests/utils/start-attempts.ts USER_ID MODULE_SLUG COUNT
export {};

const [userId, slug, count] = process.argv.slice(2);
const { getModule } = await import("~/utils/content.server");
const { startAttempt } = await import("~/utils/quiz.server");
const quizModule = (await getModule(slug!))!;
const results = await Promise.all(Array.from({ length: Number(count) }, () => startAttempt(userId!, quizModule)));
process.stdout.write(JSON.stringify(results));
process.exit(0);

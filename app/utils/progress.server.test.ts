import path from "node:path";
import { describe, expect, it } from "vitest";
import { passQuiz } from "../../tests/utils/limits-module";
import { makeUser } from "../../tests/utils/users";

process.env.CONTENT_DIR = path.resolve("tests/fixtures/learning");
const { listModules } = await import("./content.server");
const { getProgress, markSectionRead, markSectionUnread, nextStep } = await import("./progress.server");

describe("progress", () => {
	it("completes a module when every section is read and the quiz is passed", async () => {
		const user = await makeUser();
		const modules = await listModules();
		const module = modules[0]!;
		expect((await getProgress(user.id, modules)).get("limits")?.status).toBe("not-started");
		expect((await nextStep(user.id, modules, await getProgress(user.id, modules)))?.section?.id).toBe("only-section");

		await markSectionRead(user.id, "limits", "only-section");
		await markSectionRead(user.id, "limits", "only-section");
		let progress = (await getProgress(user.id, modules)).get("limits")!;
		expect(progress).toMatchObject({ status: "in-progress", sectionsRead: ["only-section"], completed: false });
		expect((await nextStep(user.id, modules, await getProgress(user.id, modules)))?.section).toBeNull();

		await passQuiz(user.id, module);
		progress = (await getProgress(user.id, modules)).get("limits")!;
		expect(progress).toMatchObject({
			status: "completed",
			completed: true,
			passed: true,
			bestPercent: 100,
			attempts: 1,
		});
		expect(await nextStep(user.id, modules, await getProgress(user.id, modules))).toBeNull();

		await markSectionUnread(user.id, "limits", "only-section");
		expect((await getProgress(user.id, modules)).get("limits")?.completed).toBe(false);
	});
});

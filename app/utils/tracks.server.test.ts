import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "./db.server";
import { passQuiz } from "../../tests/utils/limits-module";
import { makeUser } from "../../tests/utils/users";
import { args, getRequest, unwrap } from "../../tests/utils/requests";

process.env.CONTENT_DIR = path.resolve("tests/fixtures/learning");
const { listModules } = await import("./content.server");
const { markSectionRead } = await import("./progress.server");
const tracks = await import("./tracks.server");
const verify = await import("~/routes/_certificates+/verify.$code");

/** Reads the module's section and passes its quiz. */
async function completeModule(userId: string) {
	const module = (await listModules())[0]!;
	await markSectionRead(userId, module.slug, "only-section");
	await passQuiz(userId, module);
}

describe("certificates", () => {
	it("are issued once, on completing a track one is enrolled on", async () => {
		const user = await makeUser();
		await completeModule(user.id);
		expect(await tracks.awardCompletedTracks(user.id)).toEqual([]);
		await tracks.enrol(user.id, "trainers");
		const [code] = await tracks.awardCompletedTracks(user.id);
		expect(code).toMatch(/^DSMA-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
		expect(await tracks.awardCompletedTracks(user.id)).toEqual([]);
		const certificate = await prisma.certificate.findUniqueOrThrow({ where: { code: code! } });
		expect(certificate).toMatchObject({
			userId: user.id,
			trackSlug: "trainers",
			recipientName: "Test User",
			trackTitleRu: "Трек для тренеров",
		});
	});

	it("can be checked by anyone at /verify/:code", async () => {
		const user = await makeUser();
		await tracks.enrol(user.id, "trainers");
		await completeModule(user.id);
		const [code] = await tracks.awardCompletedTracks(user.id);
		const found = unwrap(await verify.loader(args(getRequest(`/verify/${code}`), { code: code!.toLowerCase() })));
		expect(found.data).toMatchObject({ found: true, name: "Test User", track: "Trainer track", valid: true });
		const unknown = unwrap(await verify.loader(args(getRequest("/verify/DSMA-0000-0000"), { code: "DSMA-0000-0000" })));
		expect(unknown).toMatchObject({ status: 404, data: { found: false } });
	});

	it("of the trainer track wait for an admin unless promotion is automatic", async () => {
		const waiting = await makeUser();
		await tracks.enrol(waiting.id, "trainers");
		await completeModule(waiting.id);
		await tracks.awardCompletedTracks(waiting.id);
		expect(await prisma.trainerPromotion.findUnique({ where: { userId: waiting.id } })).toMatchObject({
			status: "pending",
		});
		expect(await prisma.role.count({ where: { name: "trainer", users: { some: { id: waiting.id } } } })).toBe(0);

		await prisma.setting.create({ data: { key: tracks.AUTO_PROMOTE_SETTING, value: "true" } });
		const automatic = await makeUser();
		await tracks.enrol(automatic.id, "trainers");
		await completeModule(automatic.id);
		await tracks.awardCompletedTracks(automatic.id);
		expect(await prisma.trainerPromotion.findUnique({ where: { userId: automatic.id } })).toMatchObject({
			status: "approved",
		});
		expect(await prisma.role.count({ where: { name: "trainer", users: { some: { id: automatic.id } } } })).toBe(1);
	});
});

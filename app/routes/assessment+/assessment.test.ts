import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { assessmentReport, requireAssessment } from "~/utils/assessment.server";
import { prisma } from "~/utils/db.server";
import { args, formRequest, getRequest, settle, unwrap } from "../../../tests/utils/requests";
import { makeUser, sessionFor } from "../../../tests/utils/users";

const indexRoute = await import("./_index");
const stepRoute = await import("./$id_.$step");
const reviewRoute = await import("./$id_.review");
const reportRoute = await import("./$id_.report");
const exportRoute = await import("./$id_.export.$format");
const compareRoute = await import("./compare");
const compareExport = await import("./compare_.export.$format");

const year = new Date().getUTCFullYear();

let agencies = 0;
async function agency(countryCode = "KG") {
	agencies += 1;
	return prisma.agency.create({
		data: { name: `Test agency ${agencies} ${Math.random()}`, nameRu: `Тестовое ведомство ${agencies}`, countryCode },
		select: { id: true, countryCode: true },
	});
}

async function person(roles: string[], extra: { countryCode?: string; agencyId?: string } = {}) {
	const user = await makeUser(roles, extra);
	const { cookie } = await sessionFor(user.id);
	return { ...user, cookie };
}

/** An agency with an assessor who has started this year's assessment. */
async function started(countryCode = "KG") {
	const { id: agencyId } = await agency(countryCode);
	const assessor = await person(["assessor"], { countryCode, agencyId });
	const response = (await settle(() =>
		indexRoute.action(args(formRequest("/assessment", { intent: "start", year: String(year) }, assessor.cookie))),
	)) as Response;
	expect(response.status).toBe(302);
	const id = response.headers.get("Location")!.split("/").pop()!;
	return { agencyId, assessor, id };
}

function post(id: string, step: string, fields: Record<string, string | string[]>, cookie: string) {
	return settle(() => stepRoute.action(args(formRequest(`/assessment/${id}/${step}`, fields, cookie), { id, step })));
}

async function stored(id: string, itemId: string) {
	return prisma.assessmentAnswer.findUnique({
		where: { assessmentId_itemId: { assessmentId: id, itemId } },
		select: { value: true, answeredById: true, carriedOver: true },
	});
}

describe("starting an assessment", () => {
	it("gives an agency one assessment a year, which its other assessors find rather than duplicate", async () => {
		const { agencyId, id } = await started();
		const colleague = await person(["assessor"], { agencyId, countryCode: "KG" });
		const again = (await settle(() =>
			indexRoute.action(args(formRequest("/assessment", { intent: "start", year: String(year) }, colleague.cookie))),
		)) as Response;
		expect(again.headers.get("Location")).toBe(`/assessment/${id}`);
		expect(await prisma.assessment.count({ where: { agencyId } })).toBe(1);
		const row = await prisma.assessment.findUniqueOrThrow({
			where: { id },
			select: { instrumentVersion: true, status: true },
		});
		expect(row).toEqual({ instrumentVersion: 1, status: "draft" });
	});

	it("refuses a year it does not offer, and an assessor without an agency", async () => {
		const { id: agencyId } = await agency();
		const assessor = await person(["assessor"], { agencyId, countryCode: "KG" });
		const wrongYear = unwrap(
			await indexRoute.action(args(formRequest("/assessment", { intent: "start", year: "1999" }, assessor.cookie))),
		);
		expect(wrongYear).toMatchObject({ status: 400, data: { errors: { year: ["assessment.errors.year"] } } });
		const loose = await person(["assessor"], { countryCode: "KG" });
		const noAgency = unwrap(
			await indexRoute.action(args(formRequest("/assessment", { intent: "start", year: String(year) }, loose.cookie))),
		);
		expect(noAgency).toMatchObject({ status: 400, data: { errors: { "": ["assessment.errors.noAgency"] } } });
		const trainee = await person(["trainee"]);
		// A trainee following a lesson's link reads who fills it in, and may not start one.
		expect(await indexRoute.loader(args(getRequest("/assessment", trainee.cookie)))).toMatchObject({
			assessor: false,
			compares: false,
		});
		const start = (await settle(() =>
			indexRoute.action(args(formRequest("/assessment", { intent: "start", year: String(year) }, trainee.cookie))),
		)) as Response;
		expect(start.status).toBe(403);
	});

	it("starts from last year's submitted answers when asked, marked as carried over until saved", async () => {
		const { agencyId, assessor } = await started();
		const previous = await prisma.assessment.create({
			data: {
				agencyId,
				year: year - 1,
				instrumentVersion: 1,
				status: "submitted",
				submittedAt: new Date(),
				answers: {
					create: { itemId: "pc-ram", value: '{"ramGb":6,"compatible":"enough"}', answeredById: assessor.id },
				},
			},
		});
		await prisma.assessment.deleteMany({ where: { agencyId, year } });
		const response = (await settle(() =>
			indexRoute.action(
				args(formRequest("/assessment", { intent: "start", year: String(year), fromPrevious: "on" }, assessor.cookie)),
			),
		)) as Response;
		const id = response.headers.get("Location")!.split("/").pop()!;
		expect(await stored(id, "pc-ram")).toEqual({
			value: '{"ramGb":6,"compatible":"enough"}',
			answeredById: assessor.id,
			carriedOver: true,
		});
		const row = await prisma.assessment.findUniqueOrThrow({ where: { id }, select: { basedOnId: true } });
		expect(row.basedOnId).toBe(previous.id);
		// Saving the step confirms what was carried over, even unchanged.
		const colleague = await person(["assessor"], { agencyId, countryCode: "KG" });
		await post(
			id,
			"a1-hardware",
			{ intent: "save", _item: "pc-ram", "pc-ram.ramGb": "6", "pc-ram.compatible": "enough" },
			colleague.cookie,
		);
		expect(await stored(id, "pc-ram")).toMatchObject({ answeredById: colleague.id, carriedOver: false });
	});
});

describe("a step of the wizard", () => {
	it("saves the good answers, refuses a bad one beside its field and gives back everything typed", async () => {
		const { id, assessor } = await started();
		const fields = {
			intent: "continue",
			_item: ["pc-processor", "pc-ram"],
			"pc-processor.available": "yes",
			"pc-processor.pcCount": "-4",
			"pc-processor.usedFor": "Border records",
			"pc-ram.ramGb": "8",
			"pc-ram.compatible": "enough",
		};
		const result = unwrap(await post(id, "a1-hardware", fields, assessor.cookie));
		expect(result.status).toBe(400);
		expect(result.data.errors).toEqual({ "pc-processor.pcCount": ["assessment.errors.negative"] });
		expect(result.data.values).toMatchObject({
			"pc-processor.pcCount": "-4",
			"pc-processor.usedFor": "Border records",
		});
		expect(await stored(id, "pc-processor")).toBeNull();
		expect(await stored(id, "pc-ram")).toEqual({
			value: '{"ramGb":8,"compatible":"enough"}',
			answeredById: assessor.id,
			carriedOver: false,
		});

		const fixed = (await post(
			id,
			"a1-hardware",
			{ ...fields, "pc-processor.pcCount": "14" },
			assessor.cookie,
		)) as Response;
		expect(fixed.headers.get("Location")).toBe(`/assessment/${id}/a1-software`);
		const page = await stepRoute.loader(
			args(getRequest(`/assessment/${id}/a1-hardware`, assessor.cookie), { id, step: "a1-hardware" }),
		);
		expect(page.values).toMatchObject({ "pc-processor.pcCount": "14", "pc-ram.ramGb": "8" });
		// Who answered it last, and when: the assessor's name from their account.
		expect(page.items.find((item) => item.id === "pc-ram")!.last).toMatchObject({
			by: "Test User",
			at: expect.any(Date),
			carriedOver: false,
		});
		expect(page.steps.find((step) => step.id === "a1-hardware")).toMatchObject({
			state: "started",
			answered: 1,
			applicable: 7,
		});
		// Resume where the assessors left off: the step they continued to.
		const row = await prisma.assessment.findUniqueOrThrow({ where: { id }, select: { currentStep: true } });
		expect(row.currentStep).toBe("a1-software");
	});

	it("records who gave each answer last, and leaves alone what a colleague did not change", async () => {
		const { id, assessor, agencyId } = await started();
		const colleague = await person(["assessor"], { agencyId, countryCode: "KG" });
		await post(
			id,
			"a1-internet",
			{ intent: "save", _item: "net-type", "net-type.type": "fibre", "net-type.compatible": "enough" },
			assessor.cookie,
		);
		await post(
			id,
			"a1-internet",
			{
				intent: "save",
				_item: ["net-type", "net-speed"],
				"net-type.type": "fibre",
				"net-type.compatible": "enough",
				"net-speed.outages": "2",
				"net-speed.compatible": "enough",
			},
			colleague.cookie,
		);
		expect((await stored(id, "net-type"))!.answeredById).toBe(assessor.id);
		expect((await stored(id, "net-speed"))!.answeredById).toBe(colleague.id);
	});

	it("skips the server questions when there is no LAN, and neither saves nor refuses them", async () => {
		const { id, assessor } = await started();
		await post(
			id,
			"a1-accessories-network",
			{
				intent: "save",
				_item: "lan-connection",
				"lan-connection.available": "no",
				"lan-connection.compatible": "less",
			},
			assessor.cookie,
		);
		const page = await stepRoute.loader(args(getRequest("/x", assessor.cookie), { id, step: "a2-lan" }));
		expect(page.items.map((item) => [item.id, item.state])).toEqual([
			["server", "skipped"],
			["central", "skipped"],
			["backup", "unanswered"],
			["storage", "unanswered"],
		]);
		expect(page.items[0]!.skip).toMatchObject({ value: "No", field: "Available" });
		const response = (await post(
			id,
			"a2-lan",
			{ intent: "save", _item: ["server", "backup"], "server.available": "maybe", "backup.available": "yes" },
			assessor.cookie,
		)) as Response;
		expect(response.status).toBe(302);
		expect(await stored(id, "server")).toBeNull();
		expect(await stored(id, "backup")).toMatchObject({ value: '{"available":"yes"}' });
	});

	it("saves by itself when asked (autosave), and says when", async () => {
		const { id, assessor } = await started();
		const result = unwrap(
			await post(id, "a1-software", { intent: "autosave", _item: "sw-os", "sw-os.support": "out" }, assessor.cookie),
		);
		expect(result.status).toBe(200);
		expect(new Date(result.data.savedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
		expect(await stored(id, "sw-os")).toMatchObject({ value: '{"support":"out"}' });
	});

	it("is 404 for a step or an assessment that does not exist", async () => {
		const { id, assessor } = await started();
		const noStep = (await settle(() =>
			stepRoute.loader(args(getRequest("/x", assessor.cookie), { id, step: "z9" })),
		)) as Response;
		expect(noStep.status).toBe(404);
		const noAssessment = (await settle(() =>
			stepRoute.loader(args(getRequest("/x", assessor.cookie), { id: "nope", step: "a1-hardware" })),
		)) as Response;
		expect(noAssessment.status).toBe(404);
	});
});

describe("who may see and change an assessment", () => {
	it("refuses an assessor of another agency everything: 403", async () => {
		const { id } = await started();
		const { id: otherAgency } = await agency();
		const stranger = await person(["assessor"], { agencyId: otherAgency, countryCode: "KG" });
		const params = { id, step: "a1-hardware" };
		const runs: Array<() => Promise<unknown>> = [
			() => stepRoute.loader(args(getRequest("/x", stranger.cookie), params)),
			() => stepRoute.action(args(formRequest("/x", { intent: "save" }, stranger.cookie), params)),
			() => reviewRoute.loader(args(getRequest("/x", stranger.cookie), { id })),
			() => reviewRoute.action(args(formRequest("/x", { intent: "submit" }, stranger.cookie), { id })),
			() => reportRoute.loader(args(getRequest("/x", stranger.cookie), { id })),
			() => exportRoute.loader(args(getRequest("/x", stranger.cookie), { id, format: "xlsx" })),
		];
		for (const run of runs) {
			expect(((await settle(run)) as Response).status).toBe(403);
		}
	});

	it("refuses a coordinator of another country (403), and lets the country's own read but not answer", async () => {
		const { id } = await started("KG");
		const foreign = await person(["coordinator"], { countryCode: "UA" });
		expect(
			((await settle(() => reportRoute.loader(args(getRequest("/x", foreign.cookie), { id })))) as Response).status,
		).toBe(403);
		const compareOther = (await settle(() =>
			compareRoute.loader(args(getRequest("/assessment/compare?country=KG", foreign.cookie))),
		)) as Response;
		expect(compareOther.status).toBe(403);

		const own = await person(["coordinator"], { countryCode: "KG" });
		const report = await reportRoute.loader(args(getRequest("/x", own.cookie), { id }));
		expect(report.canSetTargets).toBe(false);
		const answer = (await settle(() =>
			stepRoute.action(
				args(formRequest("/x", { intent: "save", _item: "pc-ram", "pc-ram.ramGb": "8" }, own.cookie), {
					id,
					step: "a1-hardware",
				}),
			),
		)) as Response;
		expect(answer.status).toBe(403);
		const targets = (await settle(() =>
			reportRoute.action(args(formRequest("/x", { "target.a1-hardware": "5" }, own.cookie), { id })),
		)) as Response;
		expect(targets.status).toBe(403);
	});

	it("refuses the comparison to anyone who is not an assessor, coordinator or admin", async () => {
		const trainee = await person(["trainee", "trainer"], { countryCode: "KG" });
		expect(
			((await settle(() => compareRoute.loader(args(getRequest("/assessment/compare", trainee.cookie))))) as Response)
				.status,
		).toBe(403);
		expect(
			(
				(await settle(() =>
					compareExport.loader(args(getRequest("/x", trainee.cookie), { format: "csv" })),
				)) as Response
			).status,
		).toBe(403);
	});
});

describe("submitting locks that version", () => {
	it("refuses changes once submitted; a coordinator reopens it with a reason that is recorded", async () => {
		const { id, assessor } = await started();
		await post(
			id,
			"a1-hardware",
			{ intent: "save", _item: "pc-ram", "pc-ram.ramGb": "8", "pc-ram.compatible": "enough" },
			assessor.cookie,
		);
		const submitted = (await settle(() =>
			reviewRoute.action(args(formRequest("/x", { intent: "submit" }, assessor.cookie), { id })),
		)) as Response;
		expect(submitted.headers.get("Location")).toBe(`/assessment/${id}/report`);
		expect(await prisma.assessment.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({
			status: "submitted",
		});

		const change = (await post(
			id,
			"a1-hardware",
			{ intent: "save", _item: "pc-ram", "pc-ram.ramGb": "2" },
			assessor.cookie,
		)) as Response;
		expect(change.status).toBe(302);
		expect(change.headers.get("Location")).toBe(`/assessment/${id}/report`);
		const autosave = unwrap(
			await post(id, "a1-hardware", { intent: "autosave", _item: "pc-ram", "pc-ram.ramGb": "2" }, assessor.cookie),
		);
		expect(autosave).toMatchObject({ status: 409, data: { locked: true } });
		expect(await stored(id, "pc-ram")).toMatchObject({ value: '{"ramGb":8,"compatible":"enough"}' });
		const page = await stepRoute.loader(args(getRequest("/x", assessor.cookie), { id, step: "a1-hardware" }));
		expect(page.editable).toBe(false);

		// The assessor cannot reopen; the country's coordinator can, and must say why.
		const byAssessor = (await settle(() =>
			reviewRoute.action(args(formRequest("/x", { intent: "reopen", reason: "typo" }, assessor.cookie), { id })),
		)) as Response;
		expect(byAssessor.status).toBe(403);
		const coordinator = await person(["coordinator"], { countryCode: "KG" });
		const noReason = unwrap(
			await reviewRoute.action(args(formRequest("/x", { intent: "reopen", reason: " " }, coordinator.cookie), { id })),
		);
		expect(noReason).toMatchObject({ status: 400, data: { errors: { reason: ["assessment.errors.reasonRequired"] } } });
		await settle(() =>
			reviewRoute.action(
				args(formRequest("/x", { intent: "reopen", reason: "The backup answer was wrong" }, coordinator.cookie), {
					id,
				}),
			),
		);
		const events = await prisma.assessmentEvent.findMany({
			where: { assessmentId: id },
			orderBy: { at: "asc" },
			select: { kind: true, userId: true, note: true },
		});
		expect(events).toEqual([
			{ kind: "started", userId: assessor.id, note: "" },
			{ kind: "submitted", userId: assessor.id, note: "" },
			{ kind: "reopened", userId: coordinator.id, note: "The backup answer was wrong" },
		]);
		await post(
			id,
			"a1-hardware",
			{ intent: "save", _item: "pc-ram", "pc-ram.ramGb": "16", "pc-ram.compatible": "more" },
			assessor.cookie,
		);
		expect(await stored(id, "pc-ram")).toMatchObject({ value: '{"ramGb":16,"compatible":"more"}' });
	});
});

describe("the report, its targets and its exports", () => {
	it("shows levels, gaps in priority order with their lessons, targets and the change since last year", async () => {
		const { id, assessor, agencyId } = await started();
		await prisma.assessment.create({
			data: {
				agencyId,
				year: year - 1,
				instrumentVersion: 1,
				status: "submitted",
				answers: { create: [{ itemId: "sw-os", value: '{"available":"yes","support":"out","compatible":"enough"}' }] },
			},
		});
		await post(
			id,
			"a1-software",
			{
				intent: "save",
				_item: ["sw-os", "sw-professional"],
				"sw-os.available": "yes",
				"sw-os.support": "supported",
				"sw-os.compatible": "enough",
				"sw-professional.available": "yes",
				"sw-professional.usedFor": '=HYPERLINK("http://x")',
				"sw-professional.export": "developer",
				"sw-professional.compatible": "less",
			},
			assessor.cookie,
		);
		const saved = (await settle(() =>
			reportRoute.action(
				args(formRequest("/x", { "target.a1-software": "4", "target.a2-lan": "" }, assessor.cookie), { id }),
			),
		)) as Response;
		expect(saved.status).toBe(302);
		// The figures, as the report computes them for its reader.
		const { report, previousYear } = await assessmentReport(
			await requireAssessment(getRequest("/x", assessor.cookie), id),
			"en",
		);
		const software = report.sections.find((s) => s.id === "a1-software")!;
		// sw-os 4, sw-professional 2: mean 3; last year sw-os alone at 2.
		expect(software).toMatchObject({
			level: 3,
			reached: 3,
			target: 4,
			distance: 1,
			previous: 2,
			change: 1,
			blocking: true,
		});
		expect(previousYear).toBe(year - 1);
		expect(report.gaps[0]).toMatchObject({
			priority: "blocking",
			itemId: "sw-professional",
			learn: {
				href: "/modules/it-prerequisites/computers-and-software",
				title: "Module 11 · Personal computers and software",
			},
		});
		expect(report.compatible).toMatchObject({ less: 1, enough: 1 });
		// And the page, which writes them once as HTML (docs/decisions/0117): the section's row, its
		// target, the first gap's lesson, last year's column.
		const page = await reportRoute.loader(args(getRequest("/x", assessor.cookie), { id }));
		const html = page.body.html!;
		expect(html).toMatch(
			new RegExp(
				`<th scope="row">${software.code} ${software.title}<span class="tag tag--blocking">[^<]+</span></th><td>3.0</td><td>4</td><td>1.0</td><td>\\+1.0</td>`,
			),
		);
		expect(html).toContain(
			'<a href="/modules/it-prerequisites/computers-and-software">Learn how: Module 11 · Personal computers and software</a>',
		);
		expect(html).toContain(`Change since ${year - 1}`);
		expect(page.targets.find((s) => s.id === "a1-software")).toMatchObject({ target: 4 });

		const csv = (await exportRoute.loader(args(getRequest("/x", assessor.cookie), { id, format: "csv" }))) as Response;
		expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
		const bytes = Buffer.from(await csv.arrayBuffer());
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = bytes.toString("utf8");
		expect(text.split("\r\n")[0]).toBe("\uFEFFReadiness");
		// Typed text after a label cannot run as a formula; it stays as typed, quoted.
		expect(text).toContain('; Used for: =HYPERLINK(""http://x""); ');

		const xlsx = (await exportRoute.loader(
			args(getRequest("/x", assessor.cookie), { id, format: "xlsx" }),
		)) as Response;
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(await xlsx.arrayBuffer());
		expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Readiness", "Gaps", "Answers"]);
		const readiness = workbook.getWorksheet("Readiness")!;
		const row = readiness
			.getRows(2, readiness.rowCount - 1)!
			.find((r) => String(r.getCell(4).value).startsWith("A1 2.0"))!;
		expect(row.getCell(5).value).toBe(3);
		expect(row.getCell(7).value).toBe(4);
		const answers = workbook.getWorksheet("Answers")!;
		const cells = answers
			.getSheetValues()
			.flat()
			.filter((v): v is string => typeof v === "string");
		expect(cells.some((v) => v.includes("'=HYPERLINK"))).toBe(false);
		expect(cells.find((v) => v.includes("HYPERLINK"))).toMatch(/Used for: =HYPERLINK/);

		const pdf = (await exportRoute.loader(args(getRequest("/x", assessor.cookie), { id, format: "pdf" }))) as Response;
		expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
		expect(
			Buffer.from(await pdf.arrayBuffer())
				.subarray(0, 5)
				.toString(),
		).toBe("%PDF-");
	});
});

describe("the comparison", () => {
	it("puts a coordinator's agencies side by side with the median of the submitted, and an assessor's own agency alone", async () => {
		const country = "TJ";
		const first = await started(country);
		const second = await started(country);
		const third = await prisma.agency.create({
			data: { name: "=SUM(1,2) Border agency", countryCode: country },
			select: { id: true },
		});
		for (const [{ id, assessor }, ram] of [
			[first, "8"],
			[second, "2"],
		] as const) {
			await post(
				id,
				"a1-hardware",
				{ intent: "save", _item: "pc-ram", "pc-ram.ramGb": ram, "pc-ram.compatible": "enough" },
				assessor.cookie,
			);
			await settle(() => reviewRoute.action(args(formRequest("/x", { intent: "submit" }, assessor.cookie), { id })));
		}
		const coordinator = await person(["coordinator"], { countryCode: country });
		const page = await compareRoute.loader(args(getRequest(`/assessment/compare?year=${year}`, coordinator.cookie)));
		expect(page.scope).toBe("country");
		expect(page.comparison.rows).toHaveLength(3);
		expect(page.comparison.submitted).toBe(2);
		// RAM 8 GB "enough" is 4; RAM 2 GB is capped at 2: the median of 4 and 2 is 3.
		expect(page.comparison.medians["a1-hardware"]).toBe(3);
		expect(page.comparison.notSubmitted.map((row) => row.agencyId)).toEqual([third.id]);

		const own = await compareRoute.loader(args(getRequest("/assessment/compare", first.assessor.cookie)));
		expect(own.scope).toBe("agency");
		expect(own.comparison.rows.map((row) => row.agencyId)).toEqual([first.agencyId]);

		const admin = await person(["admin"], { countryCode: "UA" });
		const anywhere = await compareRoute.loader(
			args(getRequest(`/assessment/compare?country=${country}`, admin.cookie)),
		);
		expect(anywhere.comparison.rows).toHaveLength(3);

		const xlsx = (await compareExport.loader(
			args(getRequest(`/x?year=${year}`, coordinator.cookie), { format: "xlsx" }),
		)) as Response;
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(await xlsx.arrayBuffer());
		const sheet = workbook.worksheets[0]!;
		expect(sheet.rowCount).toBe(5);
		// A name that looks like a formula stays text, in the CSV as in the XLSX.
		const names = [2, 3, 4].map((row) => sheet.getRow(row).getCell(3).value);
		expect(names).toContain("'=SUM(1,2) Border agency");
		expect(sheet.getRow(1).getCell(1).value).toBe("Country");
		const csv = (await compareExport.loader(
			args(getRequest(`/x?year=${year}`, coordinator.cookie), { format: "csv" }),
		)) as Response;
		expect(Buffer.from(await csv.arrayBuffer()).toString("utf8")).toContain(`"'=SUM(1,2) Border agency",Not started`);
		expect(sheet.getRow(5).getCell(3).value).toBe("Country median");
		expect(sheet.getRow(5).getCell(6).value).toBe(3);
	});
});

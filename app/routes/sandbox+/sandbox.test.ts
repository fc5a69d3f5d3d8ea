import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES } from "~/domain/dsm/encoding";
import { readDsmFile } from "~/domain/dsm/read-file";
import { validate } from "~/domain/dsm/validate";
import { cellFieldOf } from "~/domain/sandbox/cells";
import { decodeContent } from "~/domain/sandbox/content";
import type { Finding } from "~/domain/sandbox/findings";
import { prisma } from "~/utils/db.server";
import { args, formRequest, getRequest, settle, unwrap } from "../../../tests/utils/requests";
import { makeUser, sessionFor } from "../../../tests/utils/users";

const indexRoute = await import("./_index");
const workspaceRoute = await import("./$workspaceId");
const formRoute = await import("./$workspaceId_.$indicator");
const revisionsRoute = await import("./$workspaceId_.revisions");
const revisionRoute = await import("./$workspaceId_.revisions_.$number");
const downloadRoute = await import("./$workspaceId_.download.$file");

const ORIGIN = "http://localhost:3000";

async function trainee() {
	const user = await makeUser(["trainee"]);
	const { cookie } = await sessionFor(user.id);
	return { ...user, cookie };
}

async function practice(cookie: string, country = "KZ", period = "2024") {
	const response = (await settle(() =>
		indexRoute.action(args(formRequest("/sandbox", { intent: "create-practice", country, period }, cookie))),
	)) as Response;
	expect(response.status).toBe(302);
	return response.headers.get("Location")!.split("/").pop()!;
}

function upload(workspaceId: string, cookie: string, name: string, content: BlobPart) {
	const body = new FormData();
	body.append("intent", "upload");
	body.append("file", new File([content], name));
	const request = new Request(`${ORIGIN}/sandbox/${workspaceId}`, {
		method: "POST",
		body,
		headers: { Cookie: cookie, Origin: ORIGIN },
	});
	return settle(() => workspaceRoute.action(args(request, { workspaceId })));
}

const IND6 = { INSTANCE: "FIRST", DECISION: "GENCONV", CITIZEN: "AF", AGE: "Y18-34" };
const field = (SEX: string) => cellFieldOf("IND6", { ...IND6, SEX });

function saveForm(
	workspaceId: string,
	cookie: string,
	cells: Record<string, string>,
	extra: Record<string, string | string[]> = {},
) {
	const request = formRequest(
		`/sandbox/${workspaceId}/IND6?period=2024`,
		{
			intent: "save",
			unit: "PER",
			rounding: "NONE",
			sourceAgency: "Migration service",
			note: "Persons; first instance",
			citizen: ["AF"],
			...cells,
			...extra,
		},
		cookie,
	);
	return settle(() => formRoute.action(args(request, { workspaceId, indicator: "IND6" })));
}

async function revisions(workspaceId: string) {
	return prisma.sandboxRevision.findMany({
		where: { workspaceId },
		select: {
			number: true,
			source: true,
			findings: true,
			observations: true,
			fileName: true,
			fileBytes: true,
			restoredFrom: true,
		},
		orderBy: { number: "asc" },
	});
}

const rulesOf = (findings: string) => (JSON.parse(findings) as Finding[]).map((finding) => finding.rule);

const HEADER =
	"STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,TIME_PERIOD,CITIZEN,SEX,AGE,UNIT,OBS_VALUE,OBS_STATUS,CONF_STATUS,ROUNDING,SOURCE_AGENCY,NOTE";
const row = (citizen: string, sex: string, value: string, period = "2024") =>
	`dataflow,DSM:DF_IND1(1.0.0),I,A,KZ,${period},${citizen},${sex},TOTAL,PER,${value},A,F,NONE,Migration service,Foreigners with a residence permit`;
const PLANTED = [
	HEADER,
	row("AF", "T", "30"),
	row("AF", "F", "10"),
	row("AF", "M", "15"),
	row("AF", "UNK", "5"),
	row("AF", "X", "7"),
].join("\n");

describe("workspaces", () => {
	it("opens a free-practice workspace for a DSM member state and period, and refuses anything else", async () => {
		const me = await trainee();
		const id = await practice(me.cookie, "XA", "2024-Q1");
		const stored = await prisma.sandboxWorkspace.findUniqueOrThrow({
			where: { id },
			select: { ownerId: true, kind: true, refArea: true, periods: { select: { period: true } } },
		});
		expect(stored).toEqual({ ownerId: me.id, kind: "practice", refArea: "XA", periods: [{ period: "2024-Q1" }] });
		const bad = unwrap(
			await indexRoute.action(
				args(formRequest("/sandbox", { intent: "create-practice", country: "FR", period: "24" }, me.cookie)),
			),
		);
		expect(bad).toMatchObject({
			status: 400,
			data: { errors: { country: ["sandbox.errors.country"], period: ["sandbox.errors.period"] } },
		});
		const list = (await indexRoute.loader(args(getRequest("/sandbox", me.cookie)))) as Awaited<
			ReturnType<typeof indexRoute.loader>
		>;
		expect(list.practice.map((w) => w.id)).toEqual([id]);
		expect(list.practice[0]?.status).toBe("draft");
	});

	it("is a 404 to another trainee, on every page and action", async () => {
		const owner = await trainee();
		const other = await trainee();
		const id = await practice(owner.cookie);
		await saveForm(id, owner.cookie, { [field("F")]: "1" });
		const params = { workspaceId: id };
		const results = await Promise.all([
			settle(() => workspaceRoute.loader(args(getRequest(`/sandbox/${id}`, other.cookie), params))),
			settle(() =>
				formRoute.loader(
					args(getRequest(`/sandbox/${id}/IND6?period=2024`, other.cookie), { ...params, indicator: "IND6" }),
				),
			),
			settle(() => revisionsRoute.loader(args(getRequest(`/sandbox/${id}/revisions`, other.cookie), params))),
			settle(() =>
				revisionRoute.loader(args(getRequest(`/sandbox/${id}/revisions/1`, other.cookie), { ...params, number: "1" })),
			),
			settle(() =>
				downloadRoute.loader(
					args(getRequest(`/sandbox/${id}/download/data.csv`, other.cookie), { ...params, file: "data.csv" }),
				),
			),
			saveForm(id, other.cookie, { [field("F")]: "2" }),
			upload(id, other.cookie, "data.csv", PLANTED),
			settle(() =>
				revisionRoute.action(
					args(formRequest(`/sandbox/${id}/revisions/1`, { intent: "restore" }, other.cookie), {
						...params,
						number: "1",
					}),
				),
			),
		]);
		for (const result of results) expect((result as Response).status).toBe(404);
		expect(await prisma.sandboxRevision.count({ where: { workspaceId: id } })).toBe(1);
		const missing = await settle(() =>
			workspaceRoute.loader(args(getRequest("/sandbox/nope", owner.cookie), { workspaceId: "nope" })),
		);
		expect((missing as Response).status).toBe(404);
	});
});

describe("the web form", () => {
	it("saves a revision, validated: a wrong total is ADD-SEX on its cell, and fixing it makes a new revision", async () => {
		const me = await trainee();
		const id = await practice(me.cookie);
		const saved = (await saveForm(id, me.cookie, {
			[field("T")]: "12",
			[field("F")]: "5",
			[field("M")]: "6",
			[field("UNK")]: "0",
		})) as Response;
		expect(saved.status).toBe(302);
		expect(saved.headers.get("Location")).toBe(`/sandbox/${id}/IND6?period=2024#findings`);
		const page = await formRoute.loader(
			args(getRequest(`/sandbox/${id}/IND6?period=2024`, me.cookie), { workspaceId: id, indicator: "IND6" }),
		);
		const addSex = page.findings.find(({ finding }) => finding.rule === "ADD-SEX");
		expect(addSex).toBeDefined();
		expect(page.marks[field("T")]).toEqual({ severity: "error", findings: expect.arrayContaining([addSex!.index]) });
		expect(page.content.cells[field("T")]).toBe("12");

		await saveForm(id, me.cookie, { [field("T")]: "11", [field("F")]: "5", [field("M")]: "6", [field("UNK")]: "0" });
		const [first, second] = await revisions(id);
		expect([first?.number, second?.number]).toEqual([1, 2]);
		expect(rulesOf(first!.findings)).toContain("ADD-SEX");
		expect(rulesOf(second!.findings)).not.toContain("ADD-SEX");
		// The first revision's report is as it was found then.
		const old = await revisionRoute.loader(
			args(getRequest(`/sandbox/${id}/revisions/1`, me.cookie), { workspaceId: id, number: "1" }),
		);
		expect(old.report.groups.map((g) => g.rule)).toContain("ADD-SEX");
		const changes = await revisionRoute.loader(
			args(getRequest(`/sandbox/${id}/revisions/2`, me.cookie), { workspaceId: id, number: "2" }),
		);
		expect(changes.comparison.changes).toEqual([
			expect.objectContaining({ kind: "changed", before: "12", after: "11" }),
		]);
	});

	it("computes an empty total from its parts, keeps flags, and adds a citizenship row without saving", async () => {
		const me = await trainee();
		const id = await practice(me.cookie);
		const added = unwrap(
			await saveForm(id, me.cookie, { [field("F")]: "3" }, { intent: "add-citizen", newCitizen: "SY" }),
		);
		expect(added.status).toBe(200);
		expect(added.data.citizens).toEqual(expect.arrayContaining(["AF", "SY"]));
		expect(added.data.cells[field("F")]).toBe("3");
		expect(await prisma.sandboxRevision.count({ where: { workspaceId: id } })).toBe(0);
		const refused = unwrap(await saveForm(id, me.cookie, {}, { intent: "add-citizen", newCitizen: "KZ" }));
		expect(refused).toMatchObject({ status: 400, data: { errors: { newCitizen: ["sandbox.errors.citizen"] } } });

		await saveForm(id, me.cookie, { [field("F")]: "5 C", [field("M")]: "6", [field("UNK")]: "O" });
		const [revision] = await revisions(id);
		const observations = decodeContent(revision!.observations);
		const byField = new Map(observations.map((o) => [cellFieldOf("IND6", o.dimensions), o]));
		expect(byField.get(field("F"))?.attributes.CONF_STATUS).toBe("C");
		expect(byField.get(field("UNK"))).toMatchObject({ value: "", attributes: { OBS_STATUS: "O" } });
		// UNK is not a number, so T is not computed; a total of plain numbers is.
		expect(byField.has(field("T"))).toBe(false);
		await saveForm(id, me.cookie, { [field("F")]: "5", [field("M")]: "6", [field("UNK")]: "0" });
		const latest = decodeContent((await revisions(id))[1]!.observations);
		expect(latest.find((o) => cellFieldOf("IND6", o.dimensions) === field("T"))?.value).toBe("11");
	});
});

describe("uploads", () => {
	it("makes a revision of a readable file, with the same rule ids as the engine and the CLI", async () => {
		const me = await trainee();
		const id = await practice(me.cookie);
		const response = (await upload(id, me.cookie, "planted.csv", PLANTED)) as Response;
		expect(response.status).toBe(302);
		const [revision] = await revisions(id);
		expect(revision).toMatchObject({
			number: 1,
			source: "upload",
			fileName: "planted.csv",
			fileBytes: Buffer.byteLength(PLANTED),
		});
		const findings = JSON.parse(revision!.findings) as Finding[];
		const code = findings.find((finding) => finding.rule === "CODE");
		expect(code?.cells[0]).toMatchObject({ key: "IND1.KZ.2024.AF.X.TOTAL", file: { row: 6, column: "SEX" } });

		const read = await readDsmFile(new TextEncoder().encode(PLANTED));
		const engine = [...read.issues, ...validate(read.observations, { country: "KZ" })].map((issue) => issue.rule);
		expect(rulesOf(revision!.findings).sort()).toEqual(engine.sort());

		const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-cli-"));
		const file = path.join(dir, "planted.csv");
		fs.writeFileSync(file, PLANTED);
		let output = "";
		try {
			output = execFileSync("npx", ["tsx", "scripts/dsm.ts", "validate", file, "--country", "KZ", "--json"], {
				encoding: "utf8",
			});
		} catch (error) {
			output = String((error as { stdout?: string }).stdout ?? ""); // exit code 1: the file has errors
		}
		const cli = [...output.matchAll(/"rule":\s*"([^"]+)"/g)].map((match) => match[1]);
		expect(new Set(cli)).toEqual(new Set(engine));
		expect(cli.length).toBeGreaterThan(0);
	}, 60_000);

	it("makes no revision of a file that cannot be read, says why, and leaves the workspace as it was", async () => {
		const me = await trainee();
		const id = await practice(me.cookie);
		await upload(id, me.cookie, "good.csv", PLANTED);
		const before = await revisions(id);
		const binary = new Uint8Array(2048).map((_, index) => (index * 37) % 256);
		for (const [name, content] of [
			["photo.jpg", binary],
			["empty.csv", ""],
			["header.csv", HEADER],
		] as const) {
			const refused = unwrap(await upload(id, me.cookie, name, content));
			expect(refused.status).toBe(400);
			// The engine says why (FILE-BINARY, FILE-EMPTY, FILE-NO-DATA …), listed beside the field.
			expect(refused.data.errors.file).toEqual(["sandbox.upload.unreadable"]);
			expect(refused.data.fileProblems.length).toBeGreaterThan(0);
		}
		// A file over the engine's 20 MB is read by the server and refused beside the field too.
		const tooBig = unwrap(await upload(id, me.cookie, "big.csv", new Uint8Array(MAX_FILE_BYTES + 1).fill(65)));
		expect(tooBig.status).toBe(400);
		expect(tooBig.data.fileProblems.join(" ")).toContain("FILE-SIZE");
		const binaryRefusal = unwrap(await upload(id, me.cookie, "photo.jpg", binary));
		expect(binaryRefusal.data.fileProblems.length).toBeGreaterThan(0);
		expect(await revisions(id)).toEqual(before);
		const page = await workspaceRoute.loader(args(getRequest(`/sandbox/${id}`, me.cookie), { workspaceId: id }));
		expect(page.latest?.number).toBe(1);
	});

	it("replaces only the indicators and periods the file holds", async () => {
		const me = await trainee();
		const id = await practice(me.cookie);
		await saveForm(id, me.cookie, { [field("F")]: "5" });
		await upload(id, me.cookie, "ind1.csv", PLANTED);
		const content = decodeContent((await revisions(id))[1]!.observations);
		expect(content.filter((o) => o.indicator === "IND6")).toHaveLength(1);
		expect(content.filter((o) => o.indicator === "IND1")).toHaveLength(5);
	});
});

describe("revisions", () => {
	it("restores an earlier revision as a new one, and keeps every revision", async () => {
		const me = await trainee();
		const id = await practice(me.cookie);
		await saveForm(id, me.cookie, { [field("F")]: "5" });
		await saveForm(id, me.cookie, { [field("F")]: "9" });
		const response = (await settle(() =>
			revisionRoute.action(
				args(formRequest(`/sandbox/${id}/revisions/1`, { intent: "restore" }, me.cookie), {
					workspaceId: id,
					number: "1",
				}),
			),
		)) as Response;
		expect(response.headers.get("Location")).toBe(`/sandbox/${id}/revisions/3`);
		const all = await revisions(id);
		expect(all.map((r) => [r.number, r.source, r.restoredFrom])).toEqual([
			[1, "form", null],
			[2, "form", null],
			[3, "restore", 1],
		]);
		expect(all[2]!.observations).toBe(all[0]!.observations);
		const list = await revisionsRoute.loader(
			args(getRequest(`/sandbox/${id}/revisions`, me.cookie), { workspaceId: id }),
		);
		expect(list.revisions.map((r) => r.number)).toEqual([3, 2, 1]);
		const missing = await settle(() =>
			revisionRoute.loader(args(getRequest(`/sandbox/${id}/revisions/9`, me.cookie), { workspaceId: id, number: "9" })),
		);
		expect((missing as Response).status).toBe(404);
	});

	it("downloads a revision as SDMX-CSV the engine reads back, confidential values included for the owner", async () => {
		const me = await trainee();
		const id = await practice(me.cookie);
		await saveForm(id, me.cookie, { [field("F")]: "5 C", [field("M")]: "6" });
		const response = (await downloadRoute.loader(
			args(getRequest(`/sandbox/${id}/download/data.csv?revision=1`, me.cookie), { workspaceId: id, file: "data.csv" }),
		)) as Response;
		expect(response.headers.get("Content-Disposition")).toContain("dsm-KZ-revision-1.csv");
		const back = await readDsmFile(new Uint8Array(await response.arrayBuffer()));
		expect(back.observations.map((o) => [o.dimensions.SEX, o.value, o.attributes.CONF_STATUS])).toEqual([
			["F", "5", "C"],
			["M", "6", "F"],
		]);
		const template = (await downloadRoute.loader(
			args(getRequest(`/sandbox/${id}/download/template.xlsx`, me.cookie), { workspaceId: id, file: "template.xlsx" }),
		)) as Response;
		expect(template.headers.get("Content-Type")).toContain("spreadsheetml");
	});

	it("a time series: a second period is added and CHANGE compares it with the first", async () => {
		const me = await trainee();
		const id = await practice(me.cookie, "KZ", "2023");
		const add = (await settle(() =>
			workspaceRoute.action(
				args(formRequest(`/sandbox/${id}`, { intent: "add-period", period: "2024" }, me.cookie), { workspaceId: id }),
			),
		)) as Response;
		expect(add.status).toBe(302);
		const series = [HEADER, row("AF", "T", "100", "2023"), row("AF", "T", "400", "2024")].join("\n");
		await upload(id, me.cookie, "series.csv", series);
		const [revision] = await revisions(id);
		expect(rulesOf(revision!.findings)).toContain("CHANGE");
		const page = await workspaceRoute.loader(args(getRequest(`/sandbox/${id}`, me.cookie), { workspaceId: id }));
		expect(page.periods).toEqual(["2023", "2024"]);
	});
});

describe("cells the form cannot show", () => {
	it("are kept when the form is saved", async () => {
		const me = await trainee();
		const id = await practice(me.cookie);
		await upload(id, me.cookie, "planted.csv", PLANTED);
		const page = await formRoute.loader(
			args(getRequest(`/sandbox/${id}/IND1?period=2024`, me.cookie), { workspaceId: id, indicator: "IND1" }),
		);
		expect(page.unshown).toBe(1);
		const request = formRequest(
			`/sandbox/${id}/IND1?period=2024`,
			{
				intent: "save",
				unit: "PER",
				rounding: "NONE",
				sourceAgency: "S",
				note: "N",
				citizen: ["AF"],
				...page.content.cells,
			},
			me.cookie,
		);
		await settle(() => formRoute.action(args(request, { workspaceId: id, indicator: "IND1" })));
		const content = decodeContent((await revisions(id))[1]!.observations);
		expect(content.map((o) => o.dimensions.SEX)).toEqual(expect.arrayContaining(["T", "F", "M", "UNK", "X"]));
	});
});

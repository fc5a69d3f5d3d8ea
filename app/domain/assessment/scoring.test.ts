import { describe, expect, it } from "vitest";
import { INSTRUMENT } from "./instrument";
import type { Answers, Level } from "./model";
import { stepProgress, resumeStep } from "./progress";
import { median, parseTargets, readTargets, sectionRows } from "./report";
import { scoreAssessment, scoreSection, type SectionScore } from "./scoring";

const context = { year: 2026 };
const section = (id: string) => INSTRUMENT.sections.find((s) => s.id === id)!;
const score = (id: string, answers: Answers) => scoreSection(section(id), answers, context);
const levels = (result: SectionScore) =>
	Object.fromEntries(result.items.map((item) => [item.item.id, item.level ?? item.state]));
const gaps = (answers: Answers) =>
	scoreAssessment(INSTRUMENT, answers, context).gaps.map(
		(gap) => `${gap.finding.priority} ${gap.item.id} ${gap.finding.id} ${gap.finding.level}`,
	);

describe("scoring, worked examples per section", () => {
	it("A1 1.0 hardware: the judgement capped by memory, age, data kept on the PC and missing headsets", () => {
		const answers: Answers = {
			"pc-processor": { available: "yes", pcCount: 20, compatible: "more" },
			"pc-ram": { ramGb: 6, compatible: "enough" },
			"pc-storage": { storageType: "ssd", dataOnPc: "yes", compatible: "enough" },
			"pc-monitor": { available: "partly", compatible: "enough" },
			"pc-age": { oldestYear: 2017, compatible: "enough" },
			"pc-accessories": { available: "yes", headsets: "none", compatible: "less" },
			"pc-protection": { available: "yes", licensed: "yes", updates: "auto", compatible: "enough" },
		};
		const result = score("a1-hardware", answers);
		expect(levels(result)).toEqual({
			"pc-processor": 5,
			"pc-ram": 3,
			"pc-storage": 3,
			"pc-monitor": 3,
			"pc-age": 3,
			"pc-accessories": 2,
			"pc-protection": 4,
		});
		// (5 + 3 + 3 + 3 + 3 + 2 + 4) / 7 = 3.29
		expect(result).toMatchObject({ level: 3.3, reached: 3, applicable: 7, answered: 7, blocking: false });
		expect(gaps(answers)).toEqual([
			"risk pc-storage data-on-pc 3",
			"fragile pc-accessories no-headsets 2",
			"fragile pc-ram ram-under-8 3",
			"fragile pc-monitor partly 3",
			"fragile pc-age pc-7-years 3",
		]);
	});

	it("A1 2.0 software: fast PCs on a system out of support, as in module 11's Arcadia", () => {
		const answers: Answers = {
			"sw-os": { available: "yes", licensed: "yes", support: "out", compatible: "enough" },
			"sw-word": { available: "yes", licensed: "yes", compatible: "enough" },
			"sw-spreadsheets": { available: "yes", licensed: "yes", formulas: "yes", csvChecked: "yes", compatible: "more" },
			"sw-statistics": { available: "yes", licensed: "no", users: "one", scripts: "no", compatible: "enough" },
			"sw-professional": { available: "yes", export: "developer", compatible: "less" },
			"sw-other": { available: "no" },
		};
		const result = score("a1-software", answers);
		expect(levels(result)).toEqual({
			"sw-os": 2,
			"sw-word": 4,
			"sw-spreadsheets": 5,
			"sw-statistics": 2,
			"sw-professional": 2,
			"sw-other": "not-applicable",
		});
		expect(result).toMatchObject({ level: 3, reached: 3, applicable: 5, blocking: true });
		expect(gaps(answers)).toEqual([
			"blocking sw-professional export-developer-only 2",
			"risk sw-os os-out-of-support 2",
			"risk sw-statistics unlicensed 2",
			"fragile sw-statistics stats-one-person 3",
			"fragile sw-statistics no-scripts 3",
		]);
	});

	it("A1 3.0 internet: no connection makes the provider 1 and skips the other three items", () => {
		const answers: Answers = { "net-provider": { available: "no" }, "net-capacity": { down: 1, compatible: "less" } };
		const result = score("a1-internet", answers);
		expect(levels(result)).toEqual({
			"net-provider": 1,
			"net-type": "skipped",
			"net-capacity": "skipped",
			"net-speed": "skipped",
		});
		expect(result).toMatchObject({ level: 1, reached: 1, applicable: 1, answered: 1, blocking: true });
		expect(gaps(answers)).toEqual(["blocking net-provider missing 1"]);
	});

	it("A1 3.0 internet: one provider, a slow line and a few outages", () => {
		const result = score("a1-internet", {
			"net-provider": { available: "yes", secondProvider: "no", compatible: "more" },
			"net-type": { type: "fibre", compatible: "enough" },
			"net-capacity": { down: 8, up: 4, compatible: "enough" },
			"net-speed": { outages: 3, compatible: "enough" },
		});
		expect(levels(result)).toEqual({ "net-provider": 4, "net-type": 4, "net-capacity": 3, "net-speed": 3 });
		expect(result.level).toBe(3.5);
		expect(result.reached).toBe(3);
	});

	it("A1 4.0 accessories and network: no LAN, stand-alone PCs not backed up, an empty “Other” row", () => {
		const answers: Answers = {
			"acc-printer": { available: "yes", printers: 3, compatible: "enough" },
			"acc-scanner": { available: "yes", scanRule: "no", compatible: "more" },
			"acc-other": { available: "no" },
			"lan-connection": { available: "no", standaloneBackedUp: "no", compatible: "less" },
		};
		const result = score("a1-accessories-network", answers);
		expect(levels(result)).toEqual({
			"acc-printer": 4,
			"acc-scanner": 3,
			"acc-other": "not-applicable",
			"lan-connection": 2,
		});
		expect(result.level).toBe(3);
		expect(gaps(answers)).toEqual([
			"risk lan-connection not-connected 2",
			"risk lan-connection standalone-not-backed-up 3",
			"fragile acc-scanner no-scan-rule 3",
		]);
	});

	it("A1 5.0–6.0 training and support: one person trained long ago, not in the DSM, and one IT person", () => {
		const result = score("a1-training-support", {
			training: { available: "yes", trained: 1, topics: ["spreadsheets"], lastYear: 2021, compatible: "enough" },
			"it-support": { support: "in-house", itStaff: 1, repairDays: 2, compatible: "enough" },
		});
		expect(levels(result)).toEqual({ training: 3, "it-support": 3 });
		expect(result.items[0]!.findings.map((f) => f.id)).toEqual(["no-dsm-training", "one-trained", "training-old"]);
		expect(
			score("a1-training-support", { training: { available: "yes", trained: 0, compatible: "enough" } }).items[0],
		).toMatchObject({
			level: 1,
			findings: [{ id: "nobody-trained", priority: "blocking" }],
		});
	});

	it("A2 LAN without a LAN: no server questions; the backup rated “enough” but never restored and kept beside the original", () => {
		const answers: Answers = {
			"lan-connection": { available: "no", standaloneBackedUp: "yes", compatible: "enough" },
			server: { available: "yes", compatible: "more" },
			backup: {
				available: "yes",
				frequency: "daily",
				place: "same",
				offline: "no",
				restoreTest: "never",
				compatible: "enough",
			},
			storage: { available: "yes", usedPercent: 80, compatible: "enough" },
		};
		const result = score("a2-lan", answers);
		expect(levels(result)).toEqual({ server: "skipped", central: "skipped", backup: 2, storage: 3 });
		expect(result).toMatchObject({ level: 2.5, reached: 2, applicable: 2 });
		expect(gaps(answers)).toEqual([
			"risk backup never-restored 2",
			"risk backup copies-beside-original 2",
			"risk backup no-offline-copy 3",
			"fragile storage storage-filling 3",
		]);
	});

	it("A3 accounts, protection and exchange: shared accounts and personal data sent in the clear", () => {
		const answers: Answers = {
			accounts: { shared: "some", mfa: "none", leaverDays: 60, compatible: "enough" },
			protection: { access: "task", minimised: "no", encryption: "all", compatible: "enough" },
			exchange: { channels: ["email", "encrypted"], unencrypted: "sometimes", compatible: "less" },
		};
		const result = score("a3-security", answers);
		expect(levels(result)).toEqual({ accounts: 2, protection: 3, exchange: 2 });
		expect(result.level).toBe(2.3);
		expect(gaps(answers)).toEqual([
			"risk accounts shared-accounts 2",
			"risk exchange personal-data-in-clear 2",
			"risk accounts no-mfa 3",
			"risk accounts leavers-open 3",
			"risk protection extracts-too-wide 3",
		]);
	});

	it("B inter-agency network: a sound exchange and one on paper with nothing written; empty rows do not count", () => {
		const answers: Answers = {
			"partner-1": {
				partner: "State Border Guard Service",
				channel: "email",
				formats: ["csv"],
				agreement: "memorandum",
				focalPoint: "deputy",
				compatible: "more",
			},
			"partner-2": {
				partner: "State Statistics Committee",
				channel: "paper",
				formats: ["paper"],
				agreement: "none",
				focalPoint: "person",
				compatible: "enough",
			},
		};
		const result = score("b-network", answers);
		expect(levels(result)).toEqual({
			"partner-1": 5,
			"partner-2": 2,
			"partner-3": "not-applicable",
			"partner-4": "not-applicable",
			"partner-5": "not-applicable",
		});
		expect(result).toMatchObject({ level: 3.5, applicable: 2, blocking: true });
		expect(gaps(answers)).toEqual(["blocking partner-2 no-agreement 2", "fragile partner-2 paper-channel 3"]);
	});

	it("a judgement of “less than needed” that no fact explains is a gap with the item's own recommendation", () => {
		const result = scoreAssessment(INSTRUMENT, { "pc-processor": { available: "yes", compatible: "less" } }, context);
		expect(result.gaps).toHaveLength(1);
		expect(result.gaps[0]).toMatchObject({
			level: 2,
			item: { id: "pc-processor" },
			finding: {
				id: "judged-less",
				priority: "blocking",
				learn: { module: "it-prerequisites", section: "computers-and-software" },
			},
		});
		expect(result.compatible).toMatchObject({ more: 0, enough: 0, less: 1, notJudged: 0 });
		expect(result.compatible.lessItems.map((s) => s.item.id)).toEqual(["pc-processor"]);
	});

	it("an item without its judgement is unanswered and counts nowhere, neither as 0 nor as 1", () => {
		const result = score("a1-hardware", {
			"pc-processor": { available: "yes", pcCount: 12 },
			"pc-ram": { ramGb: 16, compatible: "more" },
		});
		expect(levels(result)["pc-processor"]).toBe("unanswered");
		expect(result).toMatchObject({ level: 5, answered: 1, applicable: 7 });
	});
});

describe("an empty assessment", () => {
	it("has no level anywhere, no gaps, and every step still to do", () => {
		const result = scoreAssessment(INSTRUMENT, {}, context);
		expect(result.parts.map((part) => part.level)).toEqual([null, null]);
		expect(result.sections.every((s) => s.level === null && s.reached === null && s.answered === 0)).toBe(true);
		expect(result.gaps).toEqual([]);
		expect(result.compatible).toMatchObject({ more: 0, enough: 0, less: 0, notJudged: 0 });
		expect(result.items.filter((item) => item.state === "unanswered")).toHaveLength(31);
		expect(stepProgress(INSTRUMENT, {}).map((step) => step.state)).toEqual(Array(8).fill("not-started"));
		expect(resumeStep(INSTRUMENT, {}, null)).toBe("a1-hardware");
	});
});

describe("parts, targets, change and medians", () => {
	it("averages a part over its sections, each weighing the same", () => {
		const result = scoreAssessment(
			INSTRUMENT,
			{
				"pc-processor": { available: "yes", compatible: "more" },
				"pc-ram": { compatible: "less" },
				"sw-os": { available: "yes", support: "supported", compatible: "enough" },
				"partner-1": { partner: "Border Guard", compatible: "enough" },
			},
			context,
		);
		// A1 1.0: (5 + 2) / 2 = 3.5; A1 2.0: 4; A: (3.5 + 4) / 2 = 3.75.
		expect(result.parts.map((part) => part.level)).toEqual([3.8, 4]);
	});

	it("measures the distance to the agency's targets and the change since the previous assessment", () => {
		const previous = scoreAssessment(INSTRUMENT, { "pc-processor": { available: "yes", compatible: "less" } }, context);
		const current = scoreAssessment(
			INSTRUMENT,
			{ "pc-processor": { available: "yes", compatible: "enough" } },
			context,
		);
		const targets = readTargets(INSTRUMENT, '{"a1-hardware":5,"a1-software":4,"nowhere":3,"a2-lan":9}');
		expect(targets).toEqual({ "a1-hardware": 5, "a1-software": 4 });
		const [hardware, software] = sectionRows(current, targets, previous);
		expect(hardware).toMatchObject({ target: 5, distance: 1, previous: 2, change: 2 });
		expect(software).toMatchObject({ target: 4, distance: null, previous: null, change: null });
		expect(parseTargets(INSTRUMENT, { "target.a1-hardware": "4", "target.a2-lan": "" })).toEqual({
			ok: true,
			targets: { "a1-hardware": 4 },
		});
		expect(parseTargets(INSTRUMENT, { "target.a1-hardware": "6" })).toEqual({
			ok: false,
			errors: { "target.a1-hardware": ["assessment.errors.choose"] },
		});
	});

	it("takes the median of an odd and an even number of agencies", () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 2.5, 3])).toBe(2.8);
		expect(median([])).toBeNull();
		const level: Level = 3;
		expect(median([level])).toBe(3);
	});
});

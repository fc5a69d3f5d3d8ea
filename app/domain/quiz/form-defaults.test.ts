import { describe, expect, it } from "vitest";
import { parseGift } from "~/domain/gift/parse";
import { buildAttempt } from "./attempt";
import { createQuestionBank } from "./bank";
import { responsesToFormInput } from "./form-defaults";
import { publicQuestions } from "./public-view";
import { parseAttemptForm } from "./response";
import { seededRandom } from "./random";

const GIFT = `::m99-q01 Single::Which is a flow?{=Entries in a year#Yes~Foreigners on 1 January#No}

::m99-q02 Multi::Which are stocks?{~%50%Residents on 1 January#Yes~%50%Foreign-born on census day#Yes~%-100%Entries in a year#No}

::m99-q03 TF::A stock is counted at a date.{T#It is#Right}

::m99-q04 Short::The UN threshold for long-term migrants, in months?{=12#Yes =twelve#Yes}

::m99-q05 Number::How many indicators does the DSM exchange?{#6:0#Six}

::m99-q06 Match::Match.{=Stock -> a date =Flow -> a period ####Stocks and flows}
`;

describe("responsesToFormInput", () => {
	it("gives back the form that parses to the same responses", () => {
		const bank = createQuestionBank(parseGift(GIFT).questions);
		const questions = publicQuestions(
			bank,
			buildAttempt(bank, { questionsPerAttempt: null, shuffle: true }, seededRandom(3)),
		);
		const [single, multi, , , , match] = questions;
		if (single?.type !== "multichoice" || multi?.type !== "multichoice" || match?.type !== "match")
			throw new Error("unexpected types");
		const input = {
			[single.field]: single.choices[0]!.id,
			[multi.field]: [multi.choices[0]!.id, multi.choices[2]!.id],
			[questions[2]!.field]: "false",
			[questions[3]!.field]: "Twelve",
			[questions[4]!.field]: "6",
			[match.stems[0]!.field]: match.choices[1]!.id,
		};
		const parsed = parseAttemptForm(questions, input);
		if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
		expect(parseAttemptForm(questions, responsesToFormInput(questions, parsed.responses))).toEqual(parsed);
	});
});

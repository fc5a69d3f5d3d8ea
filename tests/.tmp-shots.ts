import { chromium } from "@playwright/test";
import { DEMO_PASSWORD } from "../prisma/demo-data";
import { portFrom } from "./utils/free-port";
import { loginCookie, startBenchServer } from "./bench/server";

const server = await startBenchServer(portFrom(undefined));
try {
	const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--disable-gpu"] });
	const cookie = await loginCookie(server.origin, "trainee@example.org", DEMO_PASSWORD);
	const [name, value] = cookie.split("=");
	for (const [label, js, width, lang] of [["desktop", true, 1280, "en"], ["mobile-nojs", false, 375, "en"], ["ru", true, 1280, "ru"]] as const) {
		const context = await browser.newContext({ javaScriptEnabled: js, viewport: { width, height: 900 } });
		await context.addCookies([{ name: name!, value: value!, domain: "127.0.0.1", path: "/", secure: true, httpOnly: true, sameSite: "Lax" }]);
		const page = await context.newPage();
		if (lang === "ru") {
			await page.goto(server.origin + "/settings/profile");
		}
		await page.goto(server.origin + "/sandbox");
		await page.screenshot({ path: `/tmp/shots/${label}-index.png`, fullPage: true });
		await page.locator('select[name="country"]').selectOption("KZ");
		await page.locator('form:has(input[value="create-practice"]) button[type="submit"]').click();
		await page.waitForURL(/sandbox\/[a-z0-9]+$/);
		const ws = page.url();
		await page.locator('input[name="file"]').setInputFiles({ name: "p.csv", mimeType: "text/csv", buffer: Buffer.from([
			"STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,TIME_PERIOD,CITIZEN,SEX,AGE,UNIT,OBS_VALUE,OBS_STATUS,CONF_STATUS,ROUNDING,SOURCE_AGENCY,NOTE",
			"dataflow,DSM:DF_IND6(1.0.0),I,A,KZ,2024,AF,T,TOTAL,FIRST,GENCONV,PER,30,A,F,NONE,M,N",
			"dataflow,DSM:DF_IND1(1.0.0),I,A,KZ,2024,AF,T,TOTAL,PER,30,A,F,NONE,Migration service,Note",
			"dataflow,DSM:DF_IND1(1.0.0),I,A,KZ,2024,AF,F,TOTAL,PER,10,A,F,NONE,Migration service,Note",
			"dataflow,DSM:DF_IND1(1.0.0),I,A,KZ,2024,AF,M,TOTAL,PER,15,A,F,NONE,Migration service,Note",
			"dataflow,DSM:DF_IND1(1.0.0),I,A,KZ,2024,AF,UNK,TOTAL,PER,1,A,F,NONE,Migration service,Note",
			"dataflow,DSM:DF_IND1(1.0.0),I,A,KZ,2024,AF,X,TOTAL,PER,7,A,F,NONE,Migration service,Note",
		].join("\n")) });
		await page.locator('form[enctype="multipart/form-data"] button[type="submit"]').click();
		await page.waitForSelector("#report");
		await page.screenshot({ path: `/tmp/shots/${label}-workspace.png`, fullPage: true });
		await page.goto(ws + "/IND1?period=2024");
		await page.screenshot({ path: `/tmp/shots/${label}-ind1.png`, fullPage: true });
		await page.goto(ws + "/IND6?period=2024");
		await page.screenshot({ path: `/tmp/shots/${label}-ind6.png`, fullPage: false });
		await page.goto(ws + "/revisions/1");
		await page.screenshot({ path: `/tmp/shots/${label}-rev.png`, fullPage: true });
		await context.close();
	}
	await browser.close();
} finally {
	await server.stop();
}

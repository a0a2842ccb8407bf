// Browser tests of casefile's pages in Debian's chromium (headless), driven
// by playwright-core. Started by crates/web/tests/browser.rs, which runs
// the server and passes, in the environment:
//   BASE_URL          the server on loopback
//   SCREENSHOTS       the folder for one PNG per page
//   PROTECTED_FILE    JSON list of the sample registries' protected values
//   PASSWORD          every test user's password (users are <role>-user)
//   CHROMIUM          the browser (default /usr/bin/chromium)
// Prints one line per step; exits non-zero on the first failure.
import { chromium } from "playwright-core";
import { readFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const base = process.env.BASE_URL;
const shots = process.env.SCREENSHOTS;
const password = process.env.PASSWORD;
const protectedValues = JSON.parse(readFileSync(process.env.PROTECTED_FILE, "utf8"));
mkdirSync(shots, { recursive: true });

function check(condition, message) {
  if (!condition) { throw new Error(message); }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

async function session(user, lang) {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: lang === "en" ? "en-GB" : "uk-UA",
  });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") { problems.push(`${m.text()} at ${m.location().url || page.url()}`); } });
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.goto(`${base}/login`);
  await page.fill('input[name="name"]', user);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
  check(!page.url().includes("/login"), `${user} is signed in (at ${page.url()})`);
  return { context, page, problems };
}

async function shot(page, name) {
  await page.screenshot({ path: join(shots, `${name}.png`) });
  console.log(`screenshot ${name}.png`);
}

function step(name) { console.log(`step: ${name}`); }

try {
  // The sign-in page, as a newcomer sees it.
  {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "uk-UA" });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await shot(page, "login");
    await context.close();
  }

  step("sign in as an investigator");
  const { page, problems } = await session("investigator-user", "uk");
  await shot(page, "overview");

  step("search");
  await page.fill('form[role="search"] input[name="q"]', "Dubrava");
  await Promise.all([page.waitForNavigation(), page.press('form[role="search"] input[name="q"]', "Enter")]);
  check(page.url().includes("/search?q=Dubrava"), "the query is kept in the URL");
  const hits = await page.locator("ol.hits > li").count();
  check(hits > 0, "the search finds sources");
  check(await page.locator("ol.hits mark").count() > 0, "hits are highlighted");
  await shot(page, "search");

  step("open a source");
  await Promise.all([page.waitForNavigation(), page.locator("ol.hits a.hit-title").first().click()]);
  check(page.url().includes("/sources/"), "a source opens");
  const spans = await page.locator(".text a.sp").count();
  check(spans > 0, "spans are highlighted in the text");
  await shot(page, "source");

  step("confirm a statement");
  const span = page.locator(".text a.sp").first();
  const target = (await span.getAttribute("href")).slice(1);
  await span.click();
  const statement = page.locator(`#${target}`);
  check(await statement.isVisible(), "clicking a span shows its statement");
  const before = await page.locator(".statements .st-confirmed").count();
  await statement.locator("details.judge summary").click();
  await statement.locator('input[name="reason"]').fill("read in the original");
  await Promise.all([page.waitForNavigation(), statement.locator('button[value="confirmed"]').click()]);
  const after = await page.locator(".statements .st-confirmed").count();
  check(after === before + 1, `the statement is confirmed (${before} → ${after})`);
  check(await page.locator(`#${target} .st-confirmed`).count() === 1, "the same statement shows confirmed");

  step("merge two entities");
  await page.goto(`${base}/entities?kind=person`);
  const rows = page.locator("table.list tbody tr");
  check(await rows.count() >= 2, "at least two persons");
  const names = [await rows.nth(0).locator("td a").first().innerText(), await rows.nth(1).locator("td a").first().innerText()];
  await rows.nth(0).locator('input[name="pick"]').check();
  await rows.nth(1).locator('input[name="pick"]').check();
  await page.fill('#merge-picked input[name="reason"]', "the same person in two spellings");
  await Promise.all([page.waitForNavigation(), page.click('#merge-picked button[type="submit"]')]);
  check(page.url().includes("/entities/"), "the merged entity opens");
  const chips = await page.locator("ul.chips").innerText();
  check(names.every((n) => chips.includes(n)), `the merged entity has both names (${names.join(", ")})`);
  check(await page.locator("table.list").innerText().then((t) => t.includes("sameAs")), "the merge is a statement");
  // A page of an entity nobody merged, as a user finds it.
  await page.goto(`${base}/entities?kind=person`);
  await Promise.all([page.waitForNavigation(), page.locator("table.list tbody tr").nth(2).locator("td a").first().click()]);
  await shot(page, "entity");

  step("child-count claims");
  await page.goto(`${base}/claims`);
  check(await page.locator("tbody.claim").count() > 0, "claims are listed");
  await page.locator("tr.quotes summary").first().click();
  await shot(page, "claims");

  step("review a match with the keyboard");
  await page.goto(`${base}/review`);
  const total = async () => Number((await page.locator("p.muted strong").innerText()).replace(/\D/g, ""));
  check(await total() > 0, "pairs await review");
  const pairKey = async (i) => (await page.locator(".pair").nth(i).locator(".rec code").allInnerTexts()).join("|");
  const decided = await pairKey(0);
  check(await page.locator(".pair .redacted").count() === 0, "an investigator sees the names");
  await shot(page, "review");
  await page.locator(".pair").first().locator('input[name="reason"]').fill("same birth date and place");
  await page.locator(".pair").first().locator('input[name="reason"]').press("Escape");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("a")]);
  // The decision retrains the model, so other pairs may enter the queue; the decided one leaves it.
  const keys = [];
  for (let i = 0; i < await page.locator(".pair").count(); i++) { keys.push(await pairKey(i)); }
  check(!keys.includes(decided), `the decided pair ${decided} leaves the queue`);
  if (keys.length > 1) {
    await page.keyboard.press("j");
    check((await page.locator(".pair").nth(1).getAttribute("class")).includes("current"), "j moves to the next pair");
  }

  step("audit log");
  await page.goto(`${base}/audit`);
  const audit = await page.locator("table.audit").innerText();
  check(audit.includes("registry.decide") || audit.includes("statement") || audit.includes("entity.merge"), "the decisions are in the log");
  await shot(page, "audit");

  step("build a case from search results");
  await page.goto(`${base}/cases`);
  await page.fill('#new-case input[name="name"]', "Transfers to Belarus");
  await page.fill('#new-case textarea[name="description"]', "Groups taken through Belarusian camps, 2022–2023");
  await Promise.all([page.waitForNavigation(), page.click('#new-case button[type="submit"]')]);
  const casePath = new URL(page.url()).pathname;
  check(/^\/cases\/\d+$/.test(casePath), `the new case opens (${casePath})`);
  await page.goto(`${base}/search?q=Belarus`);
  const results = page.locator("ol.hits > li");
  check(await results.count() >= 3, "the search finds several sources");
  const picked = [];
  for (let i = 0; i < 3; i++) {
    await results.nth(i).locator('input[name="item"]').check();
    picked.push((await results.nth(i).locator("a.hit-title").getAttribute("href")).replace("/sources/", ""));
  }
  await page.locator('#add-to-case select[name="case"]').selectOption({ label: "Transfers to Belarus" });
  await shot(page, "search-pick");
  await Promise.all([page.waitForNavigation(), page.click('#add-to-case button[type="submit"]')]);
  check(page.url().includes(`${casePath}?added=3`), `three results join the case (${page.url()})`);
  for (const id of picked) {
    check(await page.locator(`a[href="/sources/${id}"]`).count() === 1, `source ${id.slice(0, 8)} is in the case`);
  }

  step("add an entity and a statement to the case");
  await page.goto(`${base}/entities?kind=person`);
  await Promise.all([page.waitForNavigation(), page.locator("table.list tbody tr").first().locator("td a").first().click()]);
  const entityName = await page.locator("h1").first().evaluate((h) => h.firstChild.textContent.trim());
  await page.locator('#entity-to-case select[name="case"]').selectOption({ label: "Transfers to Belarus" });
  await Promise.all([page.waitForNavigation(), page.click('#entity-to-case button[type="submit"]')]);
  check((await page.locator("main").innerText()).includes(entityName), `the entity ${entityName} is in the case`);
  await page.goto(`${base}/sources/${picked[0]}`);
  const firstStatement = page.locator(".statements .stmt").first();
  const statementId = (await firstStatement.getAttribute("id")).slice(1);
  await firstStatement.locator("details.judge summary").click();
  await firstStatement.locator('form.to-case select[name="case"]').selectOption({ label: "Transfers to Belarus" });
  await Promise.all([page.waitForNavigation(), firstStatement.locator('form.to-case button[type="submit"]').click()]);
  check(await page.locator(`input[value="statement:${statementId}"]`).count() === 1, `statement ${statementId} is in the case`);
  await page.goto(`${base}${casePath}`);
  await shot(page, "case");

  step("start an export and download it");
  await Promise.all([page.waitForNavigation(), page.click('#export-form button[value="bag-public"]')]);
  check(page.url().includes("/jobs/"), "the export runs as a job");
  await page.locator(".job-state.st-done").waitFor({ timeout: 120000 });
  check(await page.locator("main").innerText().then((t) => t.includes(".tar")), "the package is named");
  await shot(page, "export-job");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('a[href$="/download"]')]);
  check(download.suggestedFilename().endsWith(".tar"), `a tar of the package (${download.suggestedFilename()})`);
  await page.goto(`${base}${casePath}`);
  await Promise.all([page.waitForNavigation(), page.click('#export-form button[value="report-html"]')]);
  await page.locator(".job-state.st-done").waitFor({ timeout: 120000 });
  const [report] = await Promise.all([page.waitForEvent("download"), page.click('a[href$="/download"]')]);
  check(report.suggestedFilename().endsWith(".html"), `the HTML report (${report.suggestedFilename()})`);

  step("the language is an account setting");
  await page.goto(`${base}/account`);
  await page.check('#language-form input[name="language"][value="en"]');
  await Promise.all([page.waitForNavigation(), page.click('#language-form button[type="submit"]')]);
  check((await page.locator("h1").first().innerText()) === "Account", "the account page speaks English");
  await shot(page, "account-en");
  {
    // Another browser of the same user, which never chose: English too.
    const other = await session("investigator-user", "uk");
    check((await other.page.locator("h1").first().innerText()) === "Overview", "the choice follows the account");
    await other.context.close();
  }
  await Promise.all([page.waitForNavigation(), page.click('header button.lang[value="uk"]')]);
  check((await page.locator("h1").first().innerText()) === "Обліковий запис", "the header switch changes it back");
  await Promise.all([page.waitForNavigation(), page.click('header button.lang[value="en"]')]);
  await page.goto(`${base}/`);
  check((await page.locator("h1").first().innerText()) === "Overview", "the interface switches to English");
  await shot(page, "overview-en");
  await page.goto(`${base}/review`);
  await shot(page, "review-en");
  check(problems.length === 0, `no script or CSP errors: ${problems.join(" | ")}`);

  step("an analyst sees no child's protected field");
  const analyst = await session("analyst-user", "en");
  const seen = [];
  const visit = async (path, name) => {
    await analyst.page.goto(`${base}${path}`);
    const text = await analyst.page.locator("body").innerText();
    const html = await analyst.page.content();
    for (const value of protectedValues) {
      if (text.includes(value) || html.includes(value)) { seen.push(`${value} on ${path}`); }
    }
    if (name) { await shot(analyst.page, name); }
  };
  await visit("/", null);
  await visit("/search?q=children", null);
  await visit("/search?q=%D0%B4%D1%96%D1%82%D0%B5%D0%B9", null);
  const sourceLinks = await analyst.page.locator("ol.hits a.hit-title").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  for (const href of sourceLinks.slice(0, 5)) { await visit(href, null); }
  await visit("/entities", null);
  const entityLinks = await analyst.page.locator("table.list td a").evaluateAll((as) => as.slice(0, 5).map((a) => a.getAttribute("href")));
  for (const href of entityLinks) { await visit(href, null); }
  await visit("/claims", null);
  await visit("/review", "review-analyst");
  await visit("/review?left=ua_missing&right=latin_web", null);
  await visit("/audit", null);
  await visit("/cases", "cases");
  await visit(casePath, "case-analyst");
  await visit("/cases/1", null);
  await visit("/account", null);
  check(await analyst.page.locator('#export-form button[value="bag-court"]').count() === 0, "no court package for an analyst");
  await analyst.page.goto(`${base}/review`);
  check(await analyst.page.locator(".pair .redacted").count() > 0, "an analyst sees redaction marked");
  check(seen.length === 0, `protected values shown to an analyst: ${seen.slice(0, 3).join("; ")}`);
  check(analyst.problems.length === 0, `no script or CSP errors: ${analyst.problems.join(" | ")}`);

  step("a viewer can neither add to a case nor export a package");
  {
    const viewer = await session("viewer-user", "en");
    await viewer.page.goto(`${base}/search?q=Belarus`);
    check(await viewer.page.locator("#add-to-case, input[name=\"item\"]").count() === 0, "no adding from search");
    await viewer.page.goto(`${base}${casePath}`);
    check(await viewer.page.locator('button[value^="bag-"]').count() === 0, "no package export");
    check(await viewer.page.locator('#remove-items').count() === 0, "no removing");
    await viewer.page.goto(`${base}/cases`);
    check(await viewer.page.locator("#new-case").count() === 0, "no new case");
    await viewer.context.close();
  }

  step("pages read without JavaScript");
  {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, javaScriptEnabled: false });
    const p = await context.newPage();
    await p.goto(`${base}/login`);
    await p.fill('input[name="name"]', "viewer-user");
    await p.fill('input[name="password"]', password);
    await Promise.all([p.waitForNavigation(), p.click('button[type="submit"]')]);
    await p.goto(`${base}/search?q=Lvova-Belova`);
    check(await p.locator("ol.hits > li").count() > 0, "search works without JavaScript");
    await context.close();
  }
  console.log("ok: every step passed");
  await browser.close();
} catch (e) {
  console.error(`FAILED: ${e.message}`);
  await browser.close();
  process.exit(1);
}

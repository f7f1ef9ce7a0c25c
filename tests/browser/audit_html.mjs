// Opens the page of `ospo audit --format html` in headless Chromium, works it as a reader
// would and prints what it saw as one JSON object, for tests/audit_html.rs to judge.
//
// node audit_html.mjs REPORT.html SCREENSHOT_DIR NAME_QUERY
// Environment: OSPO_BROWSER_NODE_MODULES (the folder holding playwright-core),
// OSPO_CHROMIUM (the browser to launch).
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [report, shots, query] = process.argv.slice(2);
const require = createRequire(path.join(process.env.OSPO_BROWSER_NODE_MODULES, "index.js"));
const { chromium } = require("playwright-core");

const profile = mkdtempSync(path.join(tmpdir(), "ospo-chromium-"));
// A fresh profile each run; launchPersistentContext passes it as --user-data-dir.
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.OSPO_CHROMIUM,
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  viewport: { width: 1360, height: 900 },
});
const result = { console_errors: [], page_errors: [], requests: [], dialogs: [] };
try {
  const page = context.pages()[0] || (await context.newPage());
  page.on("console", (message) => {
    if (message.type() === "error") result.console_errors.push(message.text());
  });
  page.on("pageerror", (error) => result.page_errors.push(String(error)));
  // A script the page should never run (an injected alert) would open a dialog.
  page.on("dialog", async (dialog) => {
    result.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith("file:") && !url.startsWith("data:")) result.requests.push(url);
  });
  await page.goto(pathToFileURL(report).href, { waitUntil: "load" });

  // The rows shown, in order: name, verified score (null when none), verdict.
  const rows = () =>
    page.$$eval("#repos tbody tr.repo:not([hidden])", (trs) =>
      trs.map((tr) => {
        const score = tr.querySelector('[data-k="verified"]');
        const v = score ? score.getAttribute("data-v") : "";
        return {
          name: tr.querySelector('[data-k="name"]').getAttribute("data-v"),
          verified: v === "" ? null : Number(v),
          verdict: tr.getAttribute("data-verdict"),
        };
      }),
    );
  const ariaSort = () =>
    page.$$eval("#repos thead th[aria-sort]", (ths) =>
      ths.map((th) => [th.getAttribute("data-key"), th.getAttribute("aria-sort")]),
    );
  const shown = () => page.textContent("#shown");

  result.title = await page.title();
  result.lang = await page.getAttribute("html", "lang");
  result.initial = await rows();
  result.initial_sort = await ariaSort();

  await page.click('#repos th[data-key="verified"] button');
  result.first_click = { rows: await rows(), aria_sort: await ariaSort() };
  await page.click('#repos th[data-key="verified"] button');
  result.second_click = { rows: await rows(), aria_sort: await ariaSort() };
  await page.click('#repos th[data-key="name"] button');
  result.by_name = { rows: await rows(), aria_sort: await ariaSort() };

  await page.fill("#filter-name", query);
  result.name_filter = { rows: await rows(), shown: await shown() };
  await page.fill("#filter-name", "");

  result.verdict_filter = {};
  for (const verdict of ["pass", "fail", "error"]) {
    await page.selectOption("#filter-verdict", verdict);
    result.verdict_filter[verdict] = (await rows()).map((row) => row.name);
  }
  await page.selectOption("#filter-verdict", "");

  // The item most missed, chosen by clicking its bar, then the question most often open.
  const bars = (list) =>
    page.$$eval(`${list} li`, (lis) =>
      lis.map((li) => ({
        item: Number(li.getAttribute("data-item")),
        rank: Number(li.getAttribute("data-rank")),
        filter: li.getAttribute("data-filter"),
      })),
    );
  result.items_bars = await bars("#items-list");
  result.questions_bars = await bars("#questions-list");
  const item = result.items_bars[0].filter;
  await page.click(`#items li[data-filter="${item}"] button.item`);
  result.item_filter = {
    item: Number(item),
    selected: await page.$eval("#filter-item", (s) => s.value),
    pressed: await page.$$eval('button.item[aria-pressed="true"]', (bs) =>
      bs.map((b) => b.parentNode.getAttribute("data-filter")),
    ),
    rows: (await rows()).map((row) => row.name),
  };
  await page.selectOption("#filter-item", "");
  result.after_reset = (await rows()).length;
  const question = result.questions_bars[0].filter;
  await page.click(`#questions li[data-filter="${question}"] button.item`);
  result.question_filter = {
    item: Number(question.slice(1)),
    selected: await page.$eval("#filter-item", (s) => s.value),
    rows: (await rows()).map((row) => row.name),
  };
  // A second click on the bar lifts the filter.
  await page.click(`#questions li[data-filter="${question}"] button.item`);
  result.after_second_click = (await rows()).length;

  // The bars in the checklist's order, then ranked again.
  await page.selectOption("#items-order", "checklist");
  result.items_checklist_order = (await bars("#items-list")).map((bar) => bar.item);
  await page.selectOption("#items-order", "rank");
  result.items_ranked_again = (await bars("#items-list")).map((bar) => bar.rank);

  // A failing repository's items to fix, then an error row's message.
  const open = (name) =>
    page.evaluate((name) => {
      for (const tr of document.querySelectorAll("#repos tr.repo")) {
        if (tr.querySelector('[data-k="name"]').getAttribute("data-v") === name) {
          tr.querySelector("button.open").click();
        }
      }
    }, name);
  const failing = result.initial.find((row) => row.verdict === "fail");
  if (failing) {
    await open(failing.name);
    result.detail = {
      name: failing.name,
      items: await page.$$eval("#repos tr.detail:not([hidden]) li", (lis) =>
        lis.map((li) => li.querySelector("code").textContent),
      ),
      links: await page.$$eval("#repos tr.detail:not([hidden]) a", (as) => as.map((a) => a.href)),
    };
    await open(failing.name);
  }
  const broken = result.initial.find((row) => row.verdict === "error");
  if (broken) {
    await open(broken.name);
    result.error_detail = await page.$$eval("#repos tr.detail:not([hidden]) .message", (ps) =>
      ps.map((p) => p.textContent),
    );
  }
  await page.click('#repos th[data-key="verified"] button');
  await page.screenshot({ path: path.join(shots, "audit.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: path.join(shots, "audit-dark.png"), fullPage: true });
} catch (error) {
  result.script_error = String(error && error.stack ? error.stack : error);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(result));

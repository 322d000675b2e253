import { describe, expect, it } from "vitest";
import { MANIFEST_PATH, readManifest } from "../../src/gateway/trusted-documents/manifest.js";
import { findRepositoryRoot } from "../../src/graphql/operation-sources.js";
import { useSimulatorApp } from "../support/simulator-app.js";

const simulator = useSimulatorApp();
const disabled = useSimulatorApp({ CONSOLE_ENABLED: "false" });
const manifest = readManifest(`${findRepositoryRoot()!}/${MANIFEST_PATH}`);

const page = async () => {
  const response = await fetch(`${simulator.app.gateway.url}/console`);
  return { response, html: await response.text() };
};
const assetUrls = (html: string) =>
  [...html.matchAll(/(?:src|href)="(console\/assets\/[^"]+)"/g)].map(
    (match) => `${simulator.app.gateway.url}/${match[1]!}`,
  );

describe("/console", () => {
  it("is a page with a strict CSP: no inline script or style, nothing from elsewhere", async () => {
    const { response, html } = await page();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    // Every script is a file (the JSON block is data); no inline handler or style.
    expect(
      html.match(/<script(?! src=| type="module" src=| type="application\/json")/g),
    ).toBeNull();
    expect(html).not.toMatch(/ on[a-z]+=| style=|<style/);
    expect(assetUrls(html)).toHaveLength(3);
  });

  it("names each console operation by its trusted document id, from the manifest", async () => {
    const { html } = await page();
    const json = /<script type="application\/json" id="console-config">([^<]*)<\/script>/.exec(
      html,
    )![1]!;
    const { operations } = JSON.parse(json) as { operations: Record<string, string> };
    const expected = manifest.operations.filter((entry) => entry.name.startsWith("Console"));
    expect(expected.length).toBeGreaterThanOrEqual(7);
    expect(operations).toEqual(Object.fromEntries(expected.map((entry) => [entry.name, entry.id])));
  });

  it("serves its assets for a year under their version, and the modules they import beside them", async () => {
    const { html } = await page();
    for (const url of assetUrls(html)) {
      const response = await fetch(url, { headers: { "accept-encoding": "gzip" } });
      expect(response.status, url).toBe(200);
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(response.headers.get("content-type")).toMatch(/^text\/(javascript|css)/);
    }
    const main = assetUrls(html).find((url) => url.endsWith("/main.js"))!;
    const imported = [...(await (await fetch(main)).text()).matchAll(/from "\.\/([^"]+)"/g)];
    expect(imported.length).toBeGreaterThanOrEqual(3);
    for (const [, file] of imported) {
      expect((await fetch(new URL(file!, main))).status, file).toBe(200);
    }
  });

  it("answers 404 for another version or file, 308 from /console/, 405 to a POST", async () => {
    const base = simulator.app.gateway.url;
    expect((await fetch(`${base}/console/assets/0000000000000000/main.js`)).status).toBe(404);
    const { html } = await page();
    const main = assetUrls(html).find((url) => url.endsWith("/main.js"))!;
    expect((await fetch(main.replace("main.js", "../../../src/app.ts"))).status).toBe(404);
    expect((await fetch(main.replace("main.js", "operations.ts"))).status).toBe(404);
    const slash = await fetch(`${base}/console/`, { redirect: "manual" });
    expect(slash.status).toBe(308);
    expect(slash.headers.get("location")).toBe("/console");
    const post = await fetch(`${base}/console`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });

  it("is not served with CONSOLE_ENABLED=false", async () => {
    expect((await fetch(`${disabled.app.gateway.url}/console`)).status).toBe(404);
  });
});

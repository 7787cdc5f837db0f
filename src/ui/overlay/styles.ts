// The overlay's only styles, placed inside each of its shadow roots (never in the page). `all:
// initial` on the host cuts off everything the page's styles would pass down; the page can still
// style the host element itself from outside, which is why the hosts have our own tag names.
// Colours are the extension pages' tokens (src/ui/styles/base.css), light and dark.
//
// Kept as a string in TypeScript, not a .css file: a content script that imports CSS gets it
// injected into the page by the build, and a string is also what the unit tests can see.

export const OVERLAY_CSS = `
:host {
  all: initial;
  color-scheme: light dark;
  --font: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif;
  --surface: #ffffff;
  --surface-sunken: #f4f2ed;
  --text: #1d1f23;
  --text-muted: #5d6168;
  --border: #e2ded5;
  --accent: #9f2b2b;
  --accent-hover: #7f1f1f;
  --accent-soft: #f6e6e3;
  --focus: #2f6fdb;
  --mark-bg: #fbe6a6;
  --mark-text: #1d1f23;
  --person-bg: #e4eefb;
  --person-text: #1f4f8f;
  --place-bg: #e8f1e6;
  --place-text: #2f6130;
  --org-bg: #f5ecd9;
  --org-text: #7a5312;
  --error-bg: #fbeceb;
  --shadow: 0 10px 32px rgba(20, 20, 30, 0.18), 0 2px 6px rgba(20, 20, 30, 0.12);
}
@media (prefers-color-scheme: dark) {
  :host {
    --surface: #1f2125;
    --surface-sunken: #17181b;
    --text: #e7e5e0;
    --text-muted: #a3a7ae;
    --border: #3a3d44;
    --accent: #f0948b;
    --accent-hover: #f7b5ae;
    --accent-soft: #3a2624;
    --focus: #8cb4ff;
    --mark-bg: #5b4714;
    --mark-text: #fff4d6;
    --person-bg: #1f3047;
    --person-text: #a9c8f2;
    --place-bg: #223424;
    --place-text: #a8d3a5;
    --org-bg: #3a3020;
    --org-text: #e8cc92;
    --error-bg: #3a2222;
    --shadow: 0 10px 32px rgba(0, 0, 0, 0.55), 0 2px 6px rgba(0, 0, 0, 0.4);
  }
}
*, *::before, *::after { box-sizing: border-box; }
.card, .panel, .launcher {
  font-family: var(--font);
  font-size: 14px;
  line-height: 1.55;
  color: var(--text);
  text-align: start;
  letter-spacing: normal;
  -webkit-font-smoothing: antialiased;
}
h2, h3, h4, p, ul, ol { margin: 0; padding: 0; }
ul, ol { list-style: none; }
button { font: inherit; color: inherit; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; border-radius: 3px; }
[tabindex="-1"]:focus { outline: none; }
mark { padding: 0 1px; border-radius: 2px; background: var(--mark-bg); color: var(--mark-text); }

.badge {
  flex: none;
  display: inline-block;
  padding: 0 7px;
  border-radius: 999px;
  font-size: 11px;
  font-weight: 500;
  line-height: 1.7;
  white-space: nowrap;
}
.badge-person { background: var(--person-bg); color: var(--person-text); }
.badge-place { background: var(--place-bg); color: var(--place-text); }
.badge-org { background: var(--org-bg); color: var(--org-text); }

.link {
  display: inline;
  margin: 0;
  padding: 0;
  border: 0;
  background: none;
  color: var(--accent);
  text-align: start;
  text-decoration: underline;
  text-decoration-thickness: 1px;
  text-underline-offset: 0.2em;
  cursor: pointer;
}
.link:hover { color: var(--accent-hover); }

.close {
  flex: none;
  display: inline-grid;
  place-items: center;
  width: 28px;
  height: 28px;
  margin: -4px -6px 0 auto;
  padding: 0;
  border: 0;
  border-radius: 6px;
  background: none;
  color: var(--text-muted);
  font-size: 20px;
  line-height: 1;
  cursor: pointer;
}
.close:hover { background: var(--surface-sunken); color: var(--text); }

.status { color: var(--text-muted); font-size: 13px; }
.status-error { padding: 6px 10px; border-radius: 6px; background: var(--error-bg); color: var(--text); }
.counts { color: var(--text-muted); font-size: 12px; }
.date { color: var(--text-muted); font-size: 12px; font-variant-numeric: tabular-nums; white-space: nowrap; }

.titles { display: flex; flex-wrap: wrap; gap: 2px 14px; margin-top: 6px; }
.title-name { font-weight: 600; }

.articles { margin-top: 4px; }
.article { padding: 3px 0; }
.article-link { color: var(--text); text-decoration-color: var(--border); }
.article-link:hover { color: var(--accent); text-decoration-color: currentColor; }
.article-date { display: block; line-height: 1.4; }
.snippet {
  margin-top: 3px;
  padding-inline-start: 8px;
  border-inline-start: 3px solid var(--border);
  color: var(--text-muted);
  font-size: 13px;
}
.snippet mark { color: var(--text); font-weight: 600; }

.figures { display: grid; gap: 2px; margin-top: 6px; }
.figure { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 6px; font-size: 13px; }
.figure-metric { color: var(--text-muted); }
.figure-value { font-weight: 700; font-variant-numeric: tabular-nums; }
.figure-period { color: var(--text-muted); font-size: 12px; }

/* ---- Hover card ---- */
.card {
  position: fixed;
  z-index: 2147483647;
  width: min(340px, calc(100vw - 16px));
  max-height: min(440px, calc(100vh - 16px));
  overflow: auto;
  overscroll-behavior: contain;
  padding: 12px 14px;
  border: 1px solid var(--border);
  border-radius: 10px;
  background: var(--surface);
  box-shadow: var(--shadow);
}
.card-header { display: flex; align-items: center; gap: 8px; margin-bottom: 4px; }
.card-name { font-size: 17px; font-weight: 700; line-height: 1.35; overflow-wrap: anywhere; }
.card-section { margin-top: 10px; }
.section-title { font-size: 12px; font-weight: 700; color: var(--text-muted); letter-spacing: 0.04em; }
.card-footer { margin-top: 10px; padding-top: 8px; border-top: 1px solid var(--border); font-size: 13px; }

/* ---- Side panel ---- */
.panel {
  position: fixed;
  z-index: 2147483646;
  top: 0;
  right: 0;
  bottom: 0;
  display: flex;
  flex-direction: column;
  width: min(380px, 100vw);
  border-inline-start: 1px solid var(--border);
  background: var(--surface);
  box-shadow: var(--shadow);
}
.panel-header { flex: none; display: flex; align-items: flex-start; gap: 8px; padding: 14px 16px 10px; border-bottom: 1px solid var(--border); }
.panel-heading { min-width: 0; }
.brand { color: var(--accent); font-size: 12px; font-weight: 700; letter-spacing: 0.08em; }
.panel-title { font-size: 17px; font-weight: 700; line-height: 1.4; }
.panel-summary { color: var(--text-muted); font-size: 12px; }
.panel-body { flex: 1 1 auto; min-height: 0; overflow-y: auto; overscroll-behavior: contain; padding: 4px 0 12px; }
.panel-body > .status { padding: 12px 16px; }
.group-title {
  position: sticky;
  top: 0;
  z-index: 1;
  padding: 8px 16px 4px;
  background: var(--surface);
  color: var(--text-muted);
  font-size: 12px;
  font-weight: 700;
  letter-spacing: 0.04em;
}
.entity { padding: 8px 16px 12px; border-bottom: 1px solid var(--border); }
.entity-head { display: flex; align-items: baseline; gap: 8px; }
.entity-name { font-size: 16px; font-weight: 700; overflow-wrap: anywhere; }
.entity-count { color: var(--text-muted); font-size: 12px; white-space: nowrap; }
.mentions { display: grid; grid-template-columns: minmax(0, 1fr); gap: 2px; margin: 4px 0; }
.mention {
  display: block;
  width: 100%;
  margin: 0;
  padding: 2px 6px;
  border: 0;
  border-radius: 4px;
  background: var(--surface-sunken);
  color: var(--text-muted);
  font-size: 12px;
  text-align: start;
  cursor: pointer;
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
}
.mention:hover { background: var(--accent-soft); color: var(--text); }
.more { font-size: 12px; }
.entity-archive { margin-top: 6px; }
.entity-archive .profile-link { display: inline-block; margin-top: 6px; font-size: 13px; }
.panel-footer { flex: none; padding: 8px 16px; border-top: 1px solid var(--border); color: var(--text-muted); font-size: 11px; }

/* ---- Launcher ---- */
.launcher {
  position: fixed;
  z-index: 2147483646;
  right: 0;
  bottom: 96px;
  display: flex;
  flex-direction: column;
  align-items: center;
  gap: 0;
  min-width: 34px;
  margin: 0;
  padding: 6px 4px;
  border: 1px solid var(--border);
  border-inline-end: 0;
  border-radius: 10px 0 0 10px;
  background: var(--surface);
  box-shadow: var(--shadow);
  color: var(--accent);
  cursor: pointer;
}
.launcher:hover { background: var(--accent-soft); }
.launcher-mark { font-size: 15px; font-weight: 700; line-height: 1.2; }
.launcher-count { color: var(--text); font-size: 12px; font-weight: 700; font-variant-numeric: tabular-nums; line-height: 1.4; }

@media (prefers-reduced-motion: no-preference) {
  .card { animation: zzl-in 80ms ease-out; }
  @keyframes zzl-in { from { opacity: 0; } to { opacity: 1; } }
}
@media (forced-colors: active) {
  .card, .panel, .launcher { border: 1px solid CanvasText; }
  mark { background: Mark; color: MarkText; }
}
@media print {
  .card, .panel, .launcher { display: none; }
}
`;

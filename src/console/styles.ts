/** The console's stylesheet, served as a file (the page's CSP allows no inline style). */
export const CONSOLE_STYLES = `:root {
  color-scheme: light dark;
  --accent: #0b6bcb;
  --danger: #b3261e;
  --muted: #6b7280;
  --line: #d0d5dd;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
[hidden] { display: none !important; }
body { margin: 0; }
header { padding: 12px 24px; border-bottom: 1px solid var(--line); display: flex; gap: 16px; align-items: baseline; }
header h1 { font-size: 18px; margin: 0; }
header p { margin: 0; color: var(--muted); }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px; padding: 16px 24px; }
main > .controls, main > #status { grid-column: 1 / -1; }
h2 { font-size: 16px; margin: 0 0 8px; }
form { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: end; }
label { display: flex; flex-direction: column; font-size: 13px; color: var(--muted); gap: 2px; }
input, select, button { font: inherit; padding: 4px 8px; }
input { min-width: 14em; }
button { cursor: pointer; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 4px; }
button:disabled { opacity: 0.5; cursor: default; }
td:last-child { white-space: nowrap; }
td button { background: transparent; color: var(--accent); margin-right: 4px; padding: 2px 8px; }
td button.danger { border-color: var(--danger); color: var(--danger); }
details { margin-top: 8px; }
details p { margin: 4px 0 0; font-size: 13px; color: var(--muted); }
#status { min-height: 1.45em; margin: 0; }
#status.problem { color: var(--danger); }
table { width: 100%; border-collapse: collapse; margin-bottom: 16px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { font-size: 13px; color: var(--muted); font-weight: 600; }
td.sid { font-family: ui-monospace, monospace; font-size: 12px; }
td.empty { color: var(--muted); }
#add { border-top: 1px solid var(--line); padding-top: 12px; }
#events { list-style: none; margin: 0; padding: 0; max-height: 70vh; overflow-y: auto; }
#events li { padding: 4px 0; border-bottom: 1px solid var(--line); }
#events time { font-family: ui-monospace, monospace; color: var(--muted); margin-right: 8px; }
#events span { float: right; color: var(--muted); font-size: 12px; }
`;

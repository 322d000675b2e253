/**
 * The browser code that starts GraphiQL from the page's JSON block (a data block, which the
 * CSP does not treat as script). Served as a file because the CSP allows no inline script;
 * plain ES2017 so it runs as written.
 */
export const START_SCRIPT = `"use strict";
(function () {
  var PREFIX = "graphiql:";
  var config = JSON.parse(document.getElementById("graphiql-config").textContent);

  // GraphiQL's menus and dialogs add <style> elements at run time; the bundled scroll-lock
  // library tags them with this global's nonce, which the page's CSP accepts.
  window.__webpack_nonce__ = config.styleNonce;

  // localStorage as GraphiQL uses it by default, except that its history, which saves every
  // run's headers whatever shouldPersistHeaders says, is saved without them unless the user
  // switched "Persist headers" on: headers may carry an Auth Token.
  var storage = {
    getItem: function (key) {
      return localStorage.getItem(key);
    },
    setItem: function (key, value) {
      var isHistory = key === PREFIX + "queries" || key === PREFIX + "favorites";
      var keepHeaders = localStorage.getItem(PREFIX + "shouldPersistHeaders") === "true";
      localStorage.setItem(key, isHistory && !keepHeaders ? withoutHeaders(value) : value);
    },
    removeItem: function (key) {
      localStorage.removeItem(key);
    },
    get length() {
      return graphiqlKeys().length;
    },
    clear: function () {
      graphiqlKeys().forEach(function (key) {
        localStorage.removeItem(key);
      });
    }
  };

  var props = {
    fetcher: GraphiQL.createFetcher({ url: new URL(config.endpoint, window.location.href).href }),
    storage: storage,
    defaultQuery: config.defaultQuery,
    defaultEditorToolsVisibility: "variables",
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
    showPersistHeadersSettings: true
  };
  // GraphiQL 4.1 has no default for the variables editor (a default tab's variables are not
  // shown), so they are handed over as its contents, but only on a first visit: later the
  // user's own edits, which GraphiQL saves with its tabs, take their place.
  if (localStorage.getItem(PREFIX + "tabState") === null) {
    props.variables = config.defaultVariables;
  }
  // A shared link (?query=…&variables=…&operationName=…) opens in a tab of its own; GraphiQL
  // reuses a tab already holding the same query. Headers are never taken from a link, so
  // nobody can plant credentials or other headers in someone else's explorer.
  var link = new URLSearchParams(window.location.search);
  if (link.get("query")) {
    props.query = link.get("query");
    props.variables = link.get("variables") || undefined;
    props.operationName = link.get("operationName") || undefined;
  }
  ReactDOM.createRoot(document.getElementById("graphiql")).render(
    React.createElement(GraphiQL, props)
  );

  // Throws on an unexpected shape, and GraphiQL then saves nothing: better than headers.
  function withoutHeaders(text) {
    var saved = JSON.parse(text);
    Object.keys(saved).forEach(function (list) {
      saved[list].forEach(function (entry) {
        delete entry.headers;
      });
    });
    return JSON.stringify(saved);
  }

  function graphiqlKeys() {
    return Object.keys(localStorage).filter(function (key) {
      return key.indexOf(PREFIX) === 0;
    });
  }
})();
`;

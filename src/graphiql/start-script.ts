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

  var endpoint = new URL(config.endpoint, window.location.href);
  var httpFetcher = GraphiQL.createFetcher({ url: endpoint.href });
  // Subscriptions over WebSocket to the same endpoint (graphql-ws: ws: or wss: as the page),
  // everything else over HTTP as GraphiQL does it.
  var socketUrl = new URL(endpoint.href);
  socketUrl.protocol = endpoint.protocol.replace(/^http/, "ws");

  var props = {
    fetcher: function (params, options) {
      var ast = options && options.documentAST;
      return ast && isSubscription(ast, params.operationName)
        ? subscribeOverWebSocket(params, options.headers)
        : httpFetcher(params, options);
    },
    storage: storage,
    defaultQuery: config.defaultQuery,
    defaultEditorToolsVisibility: "variables",
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
    showPersistHeadersSettings: true
  };
  // The default document opens with its variables (GraphiQL 4.1 has no default for the
  // variables editor). Handed over as a tab's contents, on every visit: GraphiQL activates the
  // saved tab that still holds exactly these, or opens one, next to the user's edited tabs.
  // Given nothing, a revisit or a second browser tab would open the document without its
  // variables, and the adds would fail.
  props.query = config.defaultQuery;
  props.variables = config.defaultVariables;
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

  // The operation GraphiQL runs: the one named, or else the document's only one.
  function isSubscription(ast, operationName) {
    var operations = ast.definitions.filter(function (definition) {
      return definition.kind === "OperationDefinition";
    });
    var operation = operationName
      ? operations.filter(function (candidate) {
          return candidate.name && candidate.name.value === operationName;
        })[0]
      : operations.length === 1
        ? operations[0]
        : undefined;
    return Boolean(operation) && operation.operation === "subscription";
  }

  // One connection per subscription, opened when it starts and closed when it ends, so the
  // headers in GraphiQL's editor at that moment are the ones sent. A browser cannot set
  // headers on a WebSocket: they travel as connection_init's payload, where the gateway reads
  // Authorization and the Twilio credential headers. No reconnecting: a closed connection ends
  // the subscription, and the result pane says why.
  function subscribeOverWebSocket(params, headers) {
    return {
      subscribe: function (observer) {
        var client = graphqlWs.createClient({
          url: socketUrl.href,
          connectionParams: headers || undefined,
          retryAttempts: 0
        });
        var unsubscribe = client.subscribe(params, {
          next: function (result) {
            observer.next(result);
          },
          error: function (error) {
            observer.error(readable(error));
            client.dispose();
          },
          complete: function () {
            observer.complete();
            client.dispose();
          }
        });
        return {
          unsubscribe: function () {
            unsubscribe();
            client.dispose();
          }
        };
      }
    };
  }

  // graphql-ws reports a closed or failed socket as the browser's event, which GraphiQL would
  // show as an empty object: it becomes an error with a message. The gateway's own errors (an
  // array of GraphQL errors) GraphiQL shows as they are.
  function readable(error) {
    if (typeof CloseEvent !== "undefined" && error instanceof CloseEvent) {
      return { message: ("The WebSocket closed: " + error.code + " " + error.reason).trim() };
    }
    if (typeof Event !== "undefined" && error instanceof Event) {
      return { message: "The WebSocket could not connect to " + socketUrl.href };
    }
    return error;
  }

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

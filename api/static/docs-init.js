/* Starts Swagger UI (/docs) or Redoc (/redoc) from the app's own copies, configured by the JSON in #docs-config:
 * no inline script, no request to any other host (Swagger UI's validator badge is off). */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("docs-config").textContent);
  if (config.ui === "swagger") {
    window.ui = SwaggerUIBundle({
      url: config.openapi_url,
      dom_id: "#swagger-ui",
      layout: "BaseLayout",
      deepLinking: true,
      showExtensions: true,
      showCommonExtensions: true,
      validatorUrl: null,
      presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset]
    });
  } else {
    Redoc.init(config.openapi_url, { disableSearch: false, hideDownloadButton: false },
               document.getElementById("redoc-container"));
  }
})();

// Starts Swagger UI on the api's generated OpenAPI document. "Authorize" takes an API key or a JWT;
// persistAuthorization keeps it across reloads of this tab.
window.addEventListener('load', () => {
  window.ui = SwaggerUIBundle({
    url: '/swagger/cuepoint.yml',
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});

using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using MutualAid.Common;
using MutualAid.Web.Accounts;
using Scalar.AspNetCore;

namespace MutualAid.Web.Api;

/// <summary>
/// The JSON API under <see cref="Prefix"/>: people's cookie or an integration's token, string enums,
/// problem details for every failure, an OpenAPI document at <c>/openapi/v1.json</c> (also written at
/// build) and its reference at <see cref="DocsPath"/>.
/// </summary>
public static class ApiSetup
{
    public const string Prefix = "/api/v1";
    public const string DocsPath = "/api/docs";
    public const string Policy = "api";

    public static bool IsApi(PathString path) => path.StartsWithSegments(Prefix);

    public static void AddMutualAidApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(AccountClaims.Scheme, ApiTokenScheme.Name).RequireAuthenticatedUser());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
        services.AddOpenApi(o =>
        {
            // Only the API is described; pages, forms and the SignalR hub are not part of it.
            o.ShouldInclude = d => d.RelativePath?.StartsWith(Prefix[1..], StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "MutualAid API";
                document.Info.Description = "Requests, their lifecycle and contact log, volunteers and offers of a hub. Authenticate with an API token (Authorization: Bearer …) or, from a browser, the sign-in cookie plus the X-MutualAid-Client header. Every failure is RFC 9457 problem details with a reason code; docs/api.md lists them.";
                return Task.CompletedTask;
            });
        });
    }

    /// <summary>Before routing: a failure the framework answers with no body (an unknown path, a wrong method) still gets a problem.</summary>
    public static void UseApiProblems(this WebApplication app) =>
        app.UseWhen(c => IsApi(c.Request.Path), api => api.UseStatusCodePages(async pages =>
        {
            var http = pages.HttpContext;
            var status = http.Response.StatusCode;
            // A wrong method is not a bad body: a client told "not valid JSON" would look in the wrong place.
            var problem = status switch
            {
                StatusCodes.Status404NotFound => ApiProblems.Of(status, ApiProblems.NotFound, "Not found", Reason.NoSuchPath),
                StatusCodes.Status405MethodNotAllowed => ApiProblems.Of(status, ApiProblems.MethodNotAllowed, "Method not allowed", Reason.MethodNotAllowed),
                _ => ApiProblems.Of(status, ApiProblems.Malformed, "Malformed request", Reason.MalformedJson),
            };
            await problem.ExecuteAsync(http);
        }));

    public static void MapMutualAidApi(this WebApplication app)
    {
        var api = app.MapGroup(Prefix).RequireAuthorization(Policy).AddEndpointFilter<ClientHeaderFilter>().AddEndpointFilter<BindingFailureFilter>();
        api.MapRequests();
        api.MapRequestCommands();
        api.MapNotes();
        api.MapVolunteers();
        api.MapOffers();
        app.MapOpenApi();
        // Served from this origin: no web fonts from elsewhere, no telemetry (the CSP would block them anyway).
        app.MapScalarApiReference(DocsPath, o => o.WithTitle("MutualAid API").DisableDefaultFonts().DisableTelemetry());
    }
}

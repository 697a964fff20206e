namespace MutualAid.Web.Api;

/// <summary>How each endpoint describes itself in the OpenAPI document.</summary>
public static class ApiDocs
{
    /// <summary>
    /// Every endpoint may answer 400 (malformed JSON, or a cookie call without the client header),
    /// 401 (neither signed in nor a token) and 503 (the cluster is recovering), besides its own problems.
    /// </summary>
    public static readonly int[] Shared = [StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status503ServiceUnavailable];

    /// <summary>The endpoints under one heading of the API reference: a group of no path of its own, tagged.</summary>
    public static RouteGroupBuilder Tagged(this RouteGroupBuilder api, string tag)
    {
        ArgumentNullException.ThrowIfNull(api);
        return api.MapGroup("").WithTags(tag);
    }

    /// <summary>One endpoint under its own tag (prefer <see cref="Tagged"/> for a group of them).</summary>
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder endpoint, string tag, string summary, params int[] problems) =>
        endpoint.WithTags(tag).Describe(summary, problems);

    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder endpoint, string summary, params int[] problems)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        endpoint.WithSummary(summary);
        foreach (var status in Shared.Concat(problems).Distinct().Order()) endpoint.ProducesProblem(status);
        return endpoint;
    }

    /// <summary>Declares the JSON body an endpoint reads itself (<see cref="JsonBody{T}"/>).</summary>
    public static RouteHandlerBuilder Reads<T>(this RouteHandlerBuilder endpoint) where T : notnull =>
        endpoint.Accepts<T>("application/json");
}

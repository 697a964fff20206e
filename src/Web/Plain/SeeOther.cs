namespace MutualAid.Web.Plain;

/// <summary>
/// 303 See Other, which TypedResults has no factory for: the browser fetches the page with GET
/// whatever the method was, so a reload after a form post never sends the form again.
/// </summary>
public sealed class SeeOther(string location) : IResult, IStatusCodeHttpResult
{
    public string Location => location;

    public int? StatusCode => StatusCodes.Status303SeeOther;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}

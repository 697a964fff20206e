using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace MutualAid.Web.Tests.Support;

/// <summary>
/// The test server has no remote address, so every request would be one client to the rate limits and
/// the sign-in counts; this gives each request the address its test names in <see cref="Header"/>.
/// </summary>
public sealed class CallerFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Caller";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextStep) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var caller)) context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(caller.ToString());
            return nextStep(context);
        });
        next(app);
    };
}

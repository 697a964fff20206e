using System.Threading.RateLimiting;

namespace MutualAid.Web.Hosting;

/// <summary>Per-client limits on the endpoints anyone can reach without an account.</summary>
public static class RateLimits
{
    public const string PublicForm = "public-form";
    public const string Sensitive = "sensitive";

    public static void AddMutualAidRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("MutualAid:PublicFormPermits", 10);
        var window = TimeSpan.FromSeconds(configuration.GetValue("MutualAid:PublicFormWindowSeconds", 60));
        // Sign-in, setup, invitations and the language switch, per client address per minute.
        var sensitivePermits = configuration.GetValue("MutualAid:SensitivePermits", 20);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, cancel) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many requests from this connection. Please wait a minute and try again, or phone your hub.", cancel);
            };
            o.AddPolicy(PublicForm, http => RateLimitPartition.GetFixedWindowLimiter(ClientKey(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
            o.AddPolicy(Sensitive, http => RateLimitPartition.GetFixedWindowLimiter(ClientKey(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = sensitivePermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }

    private static string ClientKey(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

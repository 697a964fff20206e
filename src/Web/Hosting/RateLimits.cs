using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using MutualAid.Web.Plain;

namespace MutualAid.Web.Hosting;

/// <summary>
/// Per-client limits on what anyone can send without an account. They count submissions, not page
/// views: a shelter's Wi-Fi puts many people behind one address, and reading a form costs nothing.
/// The client is the address a known proxy vouches for (see <see cref="ProxySettings"/>).
/// </summary>
public static class RateLimits
{
    public const string PublicForm = "public-form";
    public const string Sensitive = "sensitive";
    public const string SmsInbound = "sms-inbound";
    public const string PublicPage = "public-page";

    public static void AddMutualAidRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("MutualAid:PublicFormPermits", 10);
        var window = TimeSpan.FromSeconds(configuration.GetValue("MutualAid:PublicFormWindowSeconds", 60));
        // Sign-in, setup, invitations and the language switch, per client address per minute.
        var sensitivePermits = configuration.GetValue("MutualAid:SensitivePermits", 20);
        // Every inbound text arrives from Twilio's few addresses, so this budget is for a whole hub's texts, not one person's.
        var smsPermits = configuration.GetValue("MutualAid:SmsInboundPermits", 600);
        // The public figures pages are cached, so this only stops one client from spending the server's time on misses.
        var pagePermits = configuration.GetValue("MutualAid:PublicPagePermits", 60);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) => Refused(context.HttpContext, context.Lease);
            o.AddPolicy(PublicForm, http => RateLimitPartition.GetFixedWindowLimiter(ClientKey(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
            o.AddPolicy(Sensitive, http => RateLimitPartition.GetFixedWindowLimiter(ClientKey(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = sensitivePermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(PublicPage, http => RateLimitPartition.GetFixedWindowLimiter(ClientKey(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = pagePermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(SmsInbound, http => RateLimitPartition.GetFixedWindowLimiter(ClientKey(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = smsPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }

    /// <summary>
    /// A page in the reader's language that says when to try again and that phoning the hub always
    /// works, for someone who may need help now. It names no limit and no address.
    /// </summary>
    private static async ValueTask Refused(HttpContext http, RateLimitLease lease)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        await new RazorComponentResult<TooManyRequestsPage> { StatusCode = StatusCodes.Status429TooManyRequests }.ExecuteAsync(http);
    }

    /// <summary>
    /// One budget per IPv4 address, and per IPv6 /64: one home or phone gets a whole /64, so its
    /// single addresses would be as many budgets as it likes.
    /// </summary>
    internal static string ClientKey(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}

using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using MutualAid.Silo.Hosting;

namespace MutualAid.Web.Hosting;

/// <summary>
/// Which reverse proxies may tell us a client's address and scheme (X-Forwarded-For/-Proto).
/// Nobody by default: a header anyone can send must not choose whose rate-limit budget a request
/// spends, nor make plain HTTP look like HTTPS.
/// </summary>
public static class ProxySettings
{
    public const string Section = "MutualAid:Proxy";

    public static IServiceCollection AddMutualAidProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Values(configuration, "KnownProxies")
            .Select(v => IPAddress.TryParse(v, out var a) ? a : throw Bad("KnownProxies", v, "an IP address such as 172.28.0.10")).ToList();
        var networks = Values(configuration, "KnownNetworks")
            .Select(v => System.Net.IPNetwork.TryParse(v, out var n) ? n : throw Bad("KnownNetworks", v, "a network such as 10.0.0.0/8")).ToList();
        // One proxy hop by default: nginx appends the address it saw, and only that last entry is its word.
        var hops = configuration.GetValue($"{Section}:ForwardLimit", 1);
        if (hops < 1) throw new StartupException($"{Section}:ForwardLimit must be 1 or more (the number of proxies in front of the app).");
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = hops;
            // The framework trusts loopback out of the box; here only what the operator names is trusted.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
        // Like the sign-in and language cookies: Secure whenever the page came over HTTPS, at the proxy or here.
        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    private static IEnumerable<string> Values(IConfiguration configuration, string key) =>
        (configuration.GetSection($"{Section}:{key}").Get<string[]>() ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim());

    private static StartupException Bad(string key, string value, string example) =>
        new($"{Section}:{key} has '{value}', which is not {example}.");
}

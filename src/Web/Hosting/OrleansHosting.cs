using MutualAid.Silo.Hosting;
using MutualAid.Web.Diagnostics;

namespace MutualAid.Web.Hosting;

public static class OrleansHosting
{
    /// <summary>
    /// Co-hosted (default): this process is also the silo, so one command runs everything.
    /// Client: this process joins a cluster of standalone silos as an Orleans client.
    /// </summary>
    public static MutualAidOptions AddMutualAidOrleans(this WebApplicationBuilder builder)
    {
        var options = MutualAidHostingExtensions.ReadOptions(builder.Configuration);
        if (options.Hosting == HostingKind.Client)
        {
            builder.UseOrleansClient(client => client.AddMutualAidClient(builder.Configuration));
        }
        else
        {
            builder.UseOrleans(silo => silo.AddMutualAid(builder.Configuration, builder.Environment.ContentRootPath));
        }

        var signalR = builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 64 * 1024);
        if (options.Clustering == ClusteringKind.Redis && options.Redis is { } redis)
        {
            // Several front-ends: a SignalR group must reach clients connected to any of them.
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("mutualaid-signalr"));
        }

        var shared = options.Redis is { Length: > 0 } connection ? new RedisConnection(connection) : null;
        if (shared is not null) builder.Services.AddSingleton(shared);
        builder.AddMutualAidKeyRing(options, shared);

        return options;
    }
}

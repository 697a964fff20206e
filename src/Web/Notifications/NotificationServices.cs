using Microsoft.Extensions.Options;

namespace MutualAid.Web.Notifications;

public static class NotificationServices
{
    /// <summary>
    /// The sender and what it needs. Channels (email, SMS) register themselves as
    /// <see cref="Channels.IMessageChannel"/>; with none, every message stays on the person's page.
    /// </summary>
    public static IServiceCollection AddMutualAidNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SenderOptions>().Bind(configuration.GetSection("Notifications"))
            .Validate(o => o.IsValid(), "Notifications: SendInterval 100 ms-10 min, BatchSize 1-100, QuickRetries 0-5, PublicUrl absolute.")
            .ValidateOnStart();
        services.AddSingleton<AddressBook>();
        services.AddSingleton<MessageRenderer>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        return services;
    }
}

using Microsoft.Extensions.Options;

namespace MutualAid.Web.Notifications.Channels;

public static class ChannelRegistration
{
    /// <summary>
    /// Email and SMS as <see cref="IMessageChannel"/>s. Both are always registered; an unconfigured one
    /// says so through <see cref="IMessageChannel.IsConfigured"/>. A half-configured one stops start-up.
    /// </summary>
    public static IServiceCollection AddMutualAidChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateOnStart();
        services.AddOptions<TwilioOptions>().Bind(configuration.GetSection(TwilioOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidation>();
        services.AddSingleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidation>();
        services.AddHttpClient<SmsChannel>();
        services.AddSingleton<EmailChannel>();
        services.AddSingleton<IMessageChannel>(s => s.GetRequiredService<EmailChannel>());
        services.AddTransient<IMessageChannel>(s => s.GetRequiredService<SmsChannel>());
        return services;
    }
}

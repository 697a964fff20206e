namespace MutualAid.Web.Sms;

public static class SmsRegistration
{
    /// <summary>Texts in (the inbox that answers them, the words it answers in) and /status for those who asked.</summary>
    public static IServiceCollection AddMutualAidSms(this IServiceCollection services)
    {
        services.AddScoped<SmsWords>();
        services.AddScoped<SmsInbox>();
        services.AddScoped<Status.StatusService>();
        return services;
    }
}

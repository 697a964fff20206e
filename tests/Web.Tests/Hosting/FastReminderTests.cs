namespace MutualAid.Web.Tests.Hosting;

/// <summary>
/// Entities keep a reminder of a few seconds until the boards confirm a notice (HubDelivery), in
/// production too, so the silo must allow periods under Orleans' minute. Orleans then warned at every
/// start that such reminders are "unsuitable for production use" (hunt5 §16); that one warning is
/// about a deliberate choice and is not logged.
/// </summary>
public sealed class FastReminderTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public void The_silo_allows_reminders_of_seconds_and_does_not_warn_about_them_at_start()
    {
        var reminders = app.Factory.Services.GetRequiredService<IOptions<Orleans.Hosting.ReminderOptions>>().Value;

        Assert.True(reminders.MinimumReminderPeriod <= TimeSpan.FromSeconds(3), $"MinimumReminderPeriod is {reminders.MinimumReminderPeriod}");
        Assert.Contains(app.Factory.Logs.Lines, line => line.Contains("Microsoft.Hosting.Lifetime", StringComparison.Ordinal)); // the start is in the log
        Assert.DoesNotContain(app.Factory.Logs.Lines, line => line.Contains("reminders are unsuitable for production", StringComparison.Ordinal));
    }
}

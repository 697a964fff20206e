using System.Security.Cryptography;
using MutualAid.ApiTokens;
using MutualAid.Notifications;
using MutualAid.Silo.ApiTokens;
using Orleans.Core.Internal;

namespace MutualAid.Grains.Tests.ApiTokens;

/// <summary>
/// Before a token ends, its hub's coordinators are told once, through the hub's outbox, by the grains'
/// (fake) clock: a week ahead for a token of 30 days or more, a day ahead for a 7-day one.
/// </summary>
[Collection(FakeClockCollection.Name)]
public sealed class ApiTokenEndingWarningTests(FakeClockClusterFixture fixture)
{
    private const string Zone = "Pacific/Auckland";
    private static readonly Actor Cora = new("cora@example.org", "Cora");
    private readonly Domain domain = new(fixture.Grains);

    private IApiTokenGrain Token(Guid id) => fixture.Grains.GetGrain<IApiTokenGrain>(id);

    private IHubApiTokensGrain Tokens(string hub) => fixture.Grains.GetGrain<IHubApiTokensGrain>(hub);

    /// <summary>A hub with a name and a zone a day ahead of UTC for half of each day, so the date in the message is the hub's.</summary>
    private async Task<string> Hub()
    {
        var hub = await domain.NewHub();
        var configured = await domain.Hub(hub).Configure((await domain.Hub(hub).GetSettings())! with { TimeZoneId = Zone }, Domain.Sam);
        Assert.True(configured.IsOk, configured.Message);
        return hub;
    }

    private async Task<Guid> Issue(string hub, int days)
    {
        var id = Guid.NewGuid();
        var issued = await Tokens(hub).Issue(id, new NewApiToken(hub, "Hotline bridge", ApiTokenScope.Dispatch, Cora, SHA256.HashData(RandomNumberGenerator.GetBytes(32)), days));
        Assert.True(issued.IsOk, issued.Message);
        return id;
    }

    private async Task<ApiTokenState> Stored(Guid id) => (await fixture.Cluster.Stored<ApiTokenState>("apiToken", Token(id).GetGrainId())).State!;

    private async Task<ReminderEntry?> Reminder(Guid id) => await fixture.Cluster.Reminders().ReadRow(Token(id).GetGrainId(), ApiTokenGrain.EndingReminder);

    private async Task<IReadOnlyList<OutboxEntry>> Warnings(string hub) =>
        [.. (await fixture.Grains.GetGrain<IOutboxGrain>(hub).Recent(100)).Where(e => e.Message.Kind == MessageKind.ApiTokenEndingSoon)];

    /// <summary>A token as an earlier version stored it, written behind the grain's back.</summary>
    private async Task<Guid> StoredBefore(string hub, ApiTokenState token)
    {
        var id = Guid.NewGuid();
        token.Hub = hub;
        token.Name = "Old bridge";
        token.SecretHash = SHA256.HashData(RandomNumberGenerator.GetBytes(32));
        token.CreatedBy = Cora;
        await fixture.Cluster.SiloServices().GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)
            .WriteStateAsync("apiToken", Token(id).GetGrainId(), new GrainState<ApiTokenState>(token));
        return id;
    }

    [Theory]
    [InlineData(7, 1)]
    [InlineData(30, 7)]
    [InlineData(365, 7)]
    public async Task The_coordinators_are_warned_once_when_the_token_enters_its_last_days_and_never_again(int days, int warnedDaysBefore)
    {
        var hub = await Hub();
        var issuedAt = fixture.Clock.GetUtcNow();
        var id = await Issue(hub, days);
        var end = issuedAt.AddDays(days);
        Assert.NotNull(await Reminder(id)); // armed with the token, in the same command

        fixture.Clock.Advance(end - TimeSpan.FromDays(warnedDaysBefore) - TimeSpan.FromSeconds(1) - fixture.Clock.GetUtcNow());
        await Token(id).CheckEnding();
        Assert.Null((await Stored(id)).EndingWarnedAt);
        Assert.Null((await Token(id).View())!.EndsIn);
        Assert.Empty(await Warnings(hub));

        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await Token(id).CheckEnding();

        var warnedAt = fixture.Clock.GetUtcNow();
        Assert.Equal(warnedAt, (await Stored(id)).EndingWarnedAt);
        Assert.Equal(TimeSpan.FromDays(warnedDaysBefore), (await Token(id).View())!.EndsIn);
        await Wait.Until(async () => (await Warnings(hub)).Count > 0, "the warning in the hub's outbox");
        var warning = Assert.Single(await Warnings(hub)).Message;
        Assert.Equal((Recipient.Coordinators(hub), hub, false), (warning.To, warning.Hub, warning.Critical));
        var local = TimeZoneInfo.ConvertTime(end, TimeZoneInfo.FindSystemTimeZoneById(Zone));
        Assert.Equal(
            $"The API token \"Hotline bridge\" of Hub {hub} stops working on {local.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} at {local:HH:mm} ({Zone}). "
            + $"Issue a new one on the hub's team page (/hubs/{hub}/team) and put it in the integration before then.",
            warning.Said.ToString());
        Assert.Null(await Reminder(id)); // nothing more to do by the clock

        // The reminder again (a re-delivered tick), then a fresh activation (a restart): still the one decision.
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await Token(id).CheckEnding();
        await Token(id).AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        await Token(id).CheckEnding();

        Assert.Equal(warnedAt, (await Stored(id)).EndingWarnedAt);
        Assert.Equal(warnedAt, Assert.Single(await Warnings(hub)).Message.DecidedAt);
        Assert.Null(await Reminder(id));
    }

    [Fact]
    public async Task A_tick_of_the_tokens_reminder_is_what_warns()
    {
        var hub = await Hub();
        var id = await Issue(hub, 7);
        var reminder = Token(id).AsReference<IRemindable>();

        fixture.Clock.Advance(TimeSpan.FromDays(6) - TimeSpan.FromMinutes(1));
        await reminder.ReceiveReminder(ApiTokenGrain.EndingReminder, default); // early: it only sleeps again
        Assert.Null((await Stored(id)).EndingWarnedAt);
        Assert.NotNull(await Reminder(id));

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await reminder.ReceiveReminder(ApiTokenGrain.EndingReminder, default);
        await reminder.ReceiveReminder(ApiTokenGrain.EndingReminder, default); // delivered twice, as reminders may be

        Assert.Equal(fixture.Clock.GetUtcNow(), (await Stored(id)).EndingWarnedAt);
        await Wait.Until(async () => (await Warnings(hub)).Count > 0, "the warning in the hub's outbox");
        Assert.Equal(Recipient.Coordinators(hub), Assert.Single(await Warnings(hub)).Message.To);
        Assert.Null(await Reminder(id));
    }

    [Fact]
    public async Task A_revoked_token_is_not_warned_and_its_reminder_goes_with_the_revoke()
    {
        var hub = await Hub();
        var id = await Issue(hub, 30);
        Assert.NotNull(await Reminder(id));

        Assert.True((await Tokens(hub).Revoke(id, Cora)).IsOk);
        Assert.Null(await Reminder(id));

        fixture.Clock.Advance(TimeSpan.FromDays(23));
        await Token(id).CheckEnding();

        Assert.Null((await Stored(id)).EndingWarnedAt);
        Assert.Null((await Token(id).View())!.EndsIn);
        Assert.Empty(await Warnings(hub));
    }

    [Fact]
    public async Task A_token_stored_before_tokens_expired_is_never_warned()
    {
        var hub = await Hub();
        var id = await StoredBefore(hub, new ApiTokenState { CreatedAt = fixture.Clock.GetUtcNow() });

        fixture.Clock.Advance(TimeSpan.FromDays(400));
        await Token(id).CheckEnding();

        Assert.Null((await Stored(id)).EndingWarnedAt);
        Assert.Null((await Token(id).View())!.EndsIn);
        Assert.Null(await Reminder(id));
        Assert.Empty(await Warnings(hub));
    }

    [Fact]
    public async Task A_token_whose_end_passed_before_its_warning_could_go_is_not_warned()
    {
        var hub = await Hub();
        var now = fixture.Clock.GetUtcNow();
        // The silo was down for its whole last week: telling the coordinators now would be about a token already ended.
        var id = await StoredBefore(hub, new ApiTokenState { CreatedAt = now.AddDays(-30), ExpiresAt = now.AddMinutes(-1), EndingArmed = true });

        await Token(id).CheckEnding();

        Assert.Null((await Stored(id)).EndingWarnedAt);
        Assert.Empty(await Warnings(hub));
    }

    [Fact]
    public async Task A_token_issued_before_warnings_existed_is_armed_when_it_next_wakes_and_then_warned()
    {
        var hub = await Hub();
        var now = fixture.Clock.GetUtcNow();
        var id = await StoredBefore(hub, new ApiTokenState { CreatedAt = now, ExpiresAt = now.AddDays(90) });
        Assert.Null(await Reminder(id));

        Assert.NotNull(await Token(id).View()); // the team page lists it
        Assert.NotNull(await Reminder(id));

        fixture.Clock.Advance(TimeSpan.FromDays(83));
        await Token(id).CheckEnding();
        Assert.Equal(fixture.Clock.GetUtcNow(), (await Stored(id)).EndingWarnedAt);
        await Wait.Until(async () => (await Warnings(hub)).Count == 1, "the warning in the hub's outbox");
    }
}

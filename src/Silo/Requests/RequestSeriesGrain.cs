using System.Security.Cryptography;
using MutualAid.Common;
using MutualAid.Requests;

namespace MutualAid.Silo.Requests;

[GenerateSerializer, Alias("MutualAid.Silo.RequestSeriesState")]
public sealed class RequestSeriesState
{
    [Id(0)] public NewRequest? Template { get; set; }
    [Id(1)] public RepeatEvery Every { get; set; }
    [Id(2)] public DateTimeOffset? NextDue { get; set; }
    [Id(3)] public List<Guid> Occurrences { get; set; } = [];
    [Id(4)] public Actor? StoppedBy { get; set; }
}

/// <summary>
/// Owns a recurring request. Calls request grains (to create occurrences) and nothing calls back,
/// so there is no cycle. Occurrence ids are derived from the series and the occurrence number,
/// so a create retried after a crash finds the request it already made instead of making two.
/// </summary>
public sealed class RequestSeriesGrain(
    [PersistentState("series")] IPersistentState<RequestSeriesState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, IRequestSeriesGrain, IRemindable
{
    private const string NextReminder = "next";

    /// <summary>The reminder also ticks at this period, so a missed tick is made up within an hour.</summary>
    private static readonly TimeSpan Recheck = TimeSpan.FromHours(1);

    private RequestSeriesState S => state.State;

    public async Task<Result<RequestView>> Begin(NewRequest pattern, RepeatEvery every)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (S.Template is not null) return Result<RequestView>.Refused(Reason.SeriesStarted);
        if (!Enum.IsDefined(every)) return Result<RequestView>.Invalid(nameof(every), Reason.ChooseRepeat);
        var errors = pattern.Validate(clock.GetUtcNow());
        if (errors.Count > 0) return Result<RequestView>.Invalid(errors);

        S.Template = pattern with { Series = null };
        S.Every = every;
        var first = await CreateOccurrence(1);
        if (!first.IsOk)
        {
            S.Template = null;
            return first;
        }

        S.Occurrences.Add(first.Value!.Id);
        S.NextDue = every.After(clock.GetUtcNow());
        await state.WriteStateAsync();
        await Arm();
        return first;
    }

    public Task<SeriesView?> GetView() => Task.FromResult(S.Template is null ? null : View());

    public async Task<Result<SeriesView>> StopRepeating(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (S.Template is null) return Result<SeriesView>.NotFound(Reason.NoSuchSeries);
        if (S.StoppedBy is null)
        {
            S.StoppedBy = actor;
            S.NextDue = null;
            await state.WriteStateAsync();
            if (await this.GetReminder(NextReminder) is { } reminder) await this.UnregisterReminder(reminder);
        }

        return Result<SeriesView>.Ok(View());
    }

    public async Task CheckDue()
    {
        if (S.Template is null || S.StoppedBy is not null || S.NextDue is not { } due) return;
        var now = clock.GetUtcNow();
        if (now < due) return;

        var made = await CreateOccurrence(S.Occurrences.Count + 1);
        if (!made.IsOk) return; // the hub is gone or refuses; the next tick tries again
        S.Occurrences.Add(made.Value!.Id);
        // After a long outage only one occurrence is made: a pile of missed weekly shops helps no one.
        var next = due;
        while (next <= now) next = S.Every.After(next);
        S.NextDue = next;
        await state.WriteStateAsync();
        await Arm();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == NextReminder ? CheckDue() : Task.CompletedTask;

    private async Task<Result<RequestView>> CreateOccurrence(int occurrence)
    {
        var id = OccurrenceId(this.GetPrimaryKey(), occurrence);
        var grain = GrainFactory.GetGrain<IRequestGrain>(id);
        var link = new SeriesLink(this.GetPrimaryKey(), occurrence, S.Every);
        var result = await grain.Create(S.Template! with { Series = link, Actor = S.Template.Actor });
        return result.Status == ResultStatus.Refused && await grain.GetView() is { } existing && existing.Series == link
            ? Result<RequestView>.Ok(existing)
            : result;
    }

    private async Task Arm()
    {
        if (S.NextDue is not { } due) return;
        var wait = due - clock.GetUtcNow();
        await this.RegisterOrUpdateReminder(NextReminder, wait > TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1), Recheck);
    }

    private SeriesView View() => new(this.GetPrimaryKey(), S.Template!.HubSlug, S.Every, S.NextDue, S.Occurrences.ToArray(), S.Template.Actor, S.StoppedBy);

    private static Guid OccurrenceId(Guid series, int occurrence)
    {
        Span<byte> input = stackalloc byte[20];
        series.TryWriteBytes(input);
        BitConverter.TryWriteBytes(input[16..], occurrence);
        return new Guid(SHA256.HashData(input)[..16]);
    }
}

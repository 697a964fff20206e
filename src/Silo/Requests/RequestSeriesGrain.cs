using System.Security.Cryptography;
using MutualAid.Common;
using MutualAid.Requests;
using MutualAid.Silo.Persistence;
using MutualAid.Silo.Sqlite.Storage;

namespace MutualAid.Silo.Requests;

[GenerateSerializer, Alias("MutualAid.Silo.RequestSeriesState")]
public sealed class RequestSeriesState : IErasableState
{
    [Id(0)] public NewRequest? Template { get; set; }
    [Id(1)] public RepeatEvery Every { get; set; }
    [Id(2)] public DateTimeOffset? NextDue { get; set; }
    [Id(3)] public List<Guid> Occurrences { get; set; } = [];
    [Id(4)] public Actor? StoppedBy { get; set; }

    /// <summary>Asks the store for one erasing write; never persisted.</summary>
    [field: NonSerialized]
    public bool ScrubOnNextWrite { get; set; }
}

/// <summary>
/// Owns a recurring request. Calls request grains (to create occurrences); the only call back is an
/// erased occurrence's notice (<see cref="ForgetRequester"/>), which that request sends after its
/// write and never awaits in a command, so a series waiting on it cannot deadlock: no cycle.
/// Occurrence ids are derived from the series and the occurrence number,
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

        var upcoming = new RequestSeriesState { Template = pattern with { Series = null }, Every = every };
        var first = await CreateOccurrence(upcoming, 1);
        if (!first.IsOk) return first;

        upcoming.Occurrences.Add(first.Value!.Id);
        upcoming.NextDue = every.After(clock.GetUtcNow());
        // The reminder before the write: a crash between them leaves a reminder that finds no series
        // and removes itself, never a series that no reminder wakes and Begin refuses to start again.
        await Arm(upcoming.NextDue);
        await state.WriteOrKeep(upcoming);
        return first;
    }

    /// <summary>
    /// A series written before its reminder (stored by an earlier version), or whose reminder was
    /// lost, is armed again: its due time is in the store, and nothing else would ever wake it.
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Template is not null && S.StoppedBy is null && S.NextDue is not null && await this.GetReminder(NextReminder, cancellationToken) is null)
        {
            await Arm(S.NextDue);
        }

        await base.OnActivateAsync(cancellationToken);
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

    public async Task ForgetRequester(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        // Told again on every activation of the erased occurrence until it writes again: a repeat is free.
        if (S.Template is not { } template || (S.StoppedBy is not null && Forgotten(template) == template)) return;

        // One write, stopped and forgotten together, and one the store scrubs: the pattern held the
        // person's contact, address and notes, and no earlier copy of them may stay on disk.
        await state.WriteOrKeep(new RequestSeriesState
        {
            Template = Forgotten(template),
            Every = S.Every,
            NextDue = null,
            Occurrences = [.. S.Occurrences],
            StoppedBy = S.StoppedBy ?? actor,
            ScrubOnNextWrite = true,
        });
        // A reminder left behind finds the series stopped on its tick and removes itself.
        if (await this.GetReminder(NextReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

    /// <summary>The pattern with nothing of the person in it: as an erased request's tombstone keeps it.</summary>
    private static NewRequest Forgotten(NewRequest template) => template with
    {
        Contact = ContactDetails.Erased,
        Need = ContactDetails.ErasedName,
        Area = ContactDetails.ErasedName,
        Location = null,
        AccessibilityNotes = null,
        PreferredLanguage = null,
    };

    public async Task CheckDue()
    {
        if (S.Template is null || S.StoppedBy is not null || S.NextDue is not { } due)
        {
            // Armed for a Begin that never wrote, or a stop that crashed before removing it.
            if (await this.GetReminder(NextReminder) is { } orphan) await this.UnregisterReminder(orphan);
            return;
        }

        var now = clock.GetUtcNow();
        if (now < due) return;

        var made = await CreateOccurrence(S, S.Occurrences.Count + 1);
        if (!made.IsOk) return; // the hub is gone or refuses; the next tick tries again
        S.Occurrences.Add(made.Value!.Id);
        // After a long outage only one occurrence is made: a pile of missed weekly shops helps no one.
        var next = due;
        while (next <= now) next = S.Every.After(next);
        S.NextDue = next;
        await state.WriteStateAsync();
        await Arm(S.NextDue);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == NextReminder ? CheckDue() : Task.CompletedTask;

    private async Task<Result<RequestView>> CreateOccurrence(RequestSeriesState series, int occurrence)
    {
        var id = OccurrenceId(this.GetPrimaryKey(), occurrence);
        var grain = GrainFactory.GetGrain<IRequestGrain>(id);
        var link = new SeriesLink(this.GetPrimaryKey(), occurrence, series.Every);
        var result = await grain.Create(series.Template! with { Series = link, Actor = series.Template.Actor });
        return result.Status == ResultStatus.Refused && await grain.GetView() is { } existing && existing.Series == link
            ? Result<RequestView>.Ok(existing)
            : result;
    }

    private async Task Arm(DateTimeOffset? next)
    {
        if (next is not { } due) return;
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

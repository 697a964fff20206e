using MutualAid.Shifts;

namespace MutualAid.Silo.Shifts;

[GenerateSerializer, Alias("MutualAid.Silo.ShiftState")]
public sealed class ShiftState
{
    [Id(0)] public Shift? Current { get; set; }

    /// <summary>Ended shifts, oldest first, kept for a few weeks: enough for "too long this week".</summary>
    [Id(1)] public List<Shift> Past { get; set; } = [];
}

/// <summary>
/// An organiser's own shift. Its own small grain, not part of the account, so stating a shift never
/// races a sign-in or a role change for the account's write.
/// </summary>
public sealed class ShiftGrain(
    [PersistentState("shift")] IPersistentState<ShiftState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, IShiftGrain
{
    private static readonly TimeSpan Kept = TimeSpan.FromDays(35);

    private ShiftState S => state.State;

    public async Task<Result<ShiftView>> Start(string hubSlug, double plannedHours)
    {
        if (!Slug.IsValid(hubSlug)) return Result<ShiftView>.Invalid("HubSlug", Reason.UnknownHubName);
        if (!Shift.PlannedInRange(plannedHours)) return Result<ShiftView>.Invalid("PlannedHours", Reason.ShiftLengthRange, Shift.MinHours, Shift.MaxHours);
        var now = clock.GetUtcNow();
        if (S.Current is { } running && running.HubSlug == hubSlug)
        {
            // Saying "longer" mid-shift changes the plan, not when they came on.
            S.Current = running with { PlannedHours = plannedHours };
        }
        else
        {
            Close(now);
            S.Current = new Shift(hubSlug, now, plannedHours, null);
        }

        await state.WriteStateAsync();
        return Result<ShiftView>.Ok(View());
    }

    public async Task<Result<ShiftView>> Finish()
    {
        if (S.Current is null) return Result<ShiftView>.Ok(View());
        Close(clock.GetUtcNow());
        await state.WriteStateAsync();
        return Result<ShiftView>.Ok(View());
    }

    public Task<ShiftView> GetShift() => Task.FromResult(View());

    public async Task Forget()
    {
        if (S.Current is not null || S.Past.Count > 0) await state.ClearStateAsync();
    }

    private void Close(DateTimeOffset now)
    {
        if (S.Current is { } running) S.Past.Add(running with { EndedAt = now });
        S.Current = null;
        S.Past.RemoveAll(s => s.EndedAt < now - Kept);
    }

    private ShiftView View() => new(S.Current, S.Past.AsEnumerable().Reverse().ToArray());
}

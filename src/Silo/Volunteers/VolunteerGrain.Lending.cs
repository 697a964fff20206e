using MutualAid.Hubs;
using MutualAid.Volunteers;

namespace MutualAid.Silo.Volunteers;

/// <summary>
/// Lending a volunteer to another hub of the region for a day, with their consent. On the day the
/// hub is added to the hubs the volunteer is announced to (its board shows them and may assign
/// them); a daily reminder starts and ends each day's loans. Limits are this grain's, so they hold
/// across every hub. The volunteer reads hub settings (hubs never call volunteers), so no cycle.
/// </summary>
public sealed partial class VolunteerGrain
{
    private const string LendReminder = "lend-days";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Result<VolunteerLoan>> AskToBorrow(Guid loanId, string toHub, DateOnly day, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        // An erased volunteer is a tombstone in their hubs' counts: to another hub, nobody to borrow.
        if (S.Profile is not { } profile || profile.Name == ContactDetails.ErasedName) return Result<VolunteerLoan>.NotFound(Reason.NoSuchVolunteer);
        if (S.Loans.Find(l => l.Id == loanId) is { } asked) return Result<VolunteerLoan>.Ok(asked); // asked again: as it was
        if (profile.HubSlugs.Contains(toHub)) return Result<VolunteerLoan>.Refused(Reason.AlreadyVolunteersHub, toHub);
        if (day < Today) return Result<VolunteerLoan>.Invalid(nameof(day), Reason.LoanDayPassed);
        var region = (await GrainFactory.GetGrain<IHubGrain>(toHub).GetSettings())?.RegionSlug;
        if (region is null || !await InRegion(profile, region)) return Result<VolunteerLoan>.Refused(Reason.LoanOutsideRegion);

        var loan = new VolunteerLoan(loanId, toHub, day, actor, clock.GetUtcNow(), LoanAnswer.Asked);
        S.Loans.Add(loan);
        S.Audit.Add(Audited(actor, Phrase.Of("DidAskToBorrow", "asked to borrow this volunteer for hub {0} on {1}", toHub, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
        await Commit([]);
        return Result<VolunteerLoan>.Ok(loan);
    }

    public async Task<Result<VolunteerLoan>> AnswerLoan(Guid loanId, bool agree, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var index = S.Loans.FindIndex(l => l.Id == loanId);
        if (S.Profile is null || index < 0) return Result<VolunteerLoan>.NotFound(Reason.NoSuchLoan);
        var loan = S.Loans[index];
        var answer = agree ? LoanAnswer.Agreed : LoanAnswer.Declined;
        if (loan.Answer == answer) return Result<VolunteerLoan>.Ok(loan);
        if (loan.Day < Today) return Result<VolunteerLoan>.Refused(Reason.LoanDayPassed);

        S.Loans[index] = loan = loan with { Answer = answer };
        S.Audit.Add(Audited(actor, agree
            ? Phrase.Of("DidAgreeToLoan", "agreed to help hub {0} on {1}", loan.ToHub, loan.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            : Phrase.Of("DidDeclineLoan", "declined to help hub {0} on {1}", loan.ToHub, loan.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
        if (agree) await ArmLendReminder();
        var before = S.LentTo.ToArray();
        S.LentTo = LentToday();
        await Commit(before);
        return Result<VolunteerLoan>.Ok(loan);
    }

    public Task<IReadOnlyList<VolunteerLoan>> GetLoans() =>
        Task.FromResult<IReadOnlyList<VolunteerLoan>>(S.Loans.Where(l => l.Day >= Today).OrderBy(l => l.Day).ToArray());

    public async Task CheckLoans()
    {
        if (S.Profile is null) return;
        var today = LentToday();
        var ended = S.Loans.RemoveAll(l => l.Day < Today) > 0;
        if (!today.SequenceEqual(S.LentTo) || ended)
        {
            var before = S.LentTo.ToArray();
            S.LentTo = today;
            await Commit(before);
        }

        if (S.Loans.Exists(l => l.Answer == LoanAnswer.Agreed)) await ArmLendReminder();
        else if (await this.GetReminder(LendReminder) is { } registered) await this.UnregisterReminder(registered);
    }

    /// <summary>The hubs the volunteer is lent to today (agreed loans only).</summary>
    private List<string> LentToday() =>
        [.. S.Loans.Where(l => l.Answer == LoanAnswer.Agreed && l.Day == Today).Select(l => l.ToHub).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>What the boards see: the volunteer's own hubs and those they are lent to today.</summary>
    private VolunteerSummary Summary(VolunteerView view)
    {
        var row = view.Redact() with { HoursIn = TimeBankFolding.HoursIn(S) };
        return S.LentTo.Count == 0 ? row : row with { HubSlugs = [.. view.Profile.HubSlugs.Union(S.LentTo)] };
    }

    /// <summary>Wakes at the next midnight (UTC), when one day's loans end and the next day's begin.</summary>
    private async Task ArmLendReminder()
    {
        var now = clock.GetUtcNow();
        var midnight = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        await this.RegisterOrUpdateReminder(LendReminder, midnight - now + TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
    }

    private async Task<bool> InRegion(VolunteerProfile profile, string region)
    {
        foreach (var hub in profile.HubSlugs)
        {
            if ((await GrainFactory.GetGrain<IHubGrain>(hub).GetSettings())?.RegionSlug == region) return true;
        }

        return false;
    }

    private MutualAid.Requests.AuditEntry Audited(Actor actor, Phrase said) => new(S.Version + 1, clock.GetUtcNow(), actor, said, null);
}

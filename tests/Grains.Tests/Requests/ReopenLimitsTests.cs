namespace MutualAid.Grains.Tests.Requests;

/// <summary>
/// Reopening made cancel-and-reopen a loop one caller can run: a typed reason is as bounded and clean
/// as any field (the audit keeps each for good), and a merged duplicate stays merged.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReopenLimitsTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task A_reason_too_long_or_with_control_characters_is_refused_and_nothing_is_written()
    {
        var (hub, request, grain) = await domain.HubWithRequest();

        var huge = await grain.Cancel(new RequestCommand(request.Version, Domain.Sam, new string('R', VersionedCommand.MaxReason + 1)) { Hub = hub });
        var escape = await grain.Cancel(new RequestCommand(request.Version, Domain.Sam, "gone \u001b[31mred") { Hub = hub });
        var lines = await grain.Cancel(new RequestCommand(request.Version, Domain.Sam, "Moved away.\nNo forwarding number.") { Hub = hub });

        Assert.Equal((ResultStatus.Invalid, Reason.TooLong), (huge.Status, huge.Errors.Single().Reason));
        Assert.Equal((ResultStatus.Invalid, Reason.BadCharacters), (escape.Status, escape.Errors.Single().Reason));
        Assert.True(lines.IsOk, lines.Message);
        Assert.Equal(request.Version + 1, (await grain.GetView())!.Version);

        var reopened = await grain.Reopen(new RequestCommand(lines.Value!.Version, Domain.Sam, new string('R', VersionedCommand.MaxReason + 1)) { Hub = hub });
        Assert.Equal(ResultStatus.Invalid, reopened.Status);
        Assert.Equal(RequestStatus.Cancelled, (await grain.GetView())!.Status);
    }

    [Fact]
    public async Task A_duplicate_merged_into_another_is_not_reopened()
    {
        var hub = await domain.NewHub();
        var survivor = await domain.NewRequest(hub, phone: "07700 900147");
        var duplicate = await domain.NewRequest(hub, phone: "07700 900147");
        var merged = await domain.RequestGrain(duplicate.Id).MarkMerged(new MergeCommand(duplicate.Version, Domain.Sam, survivor.Id, survivor.ReferenceCode) { Hub = hub });
        Assert.True(merged.IsOk, merged.Message);

        var reopened = await domain.RequestGrain(duplicate.Id).Reopen(new RequestCommand(merged.Value!.Version, Domain.Sam, "Caller rang again") { Hub = hub });

        Assert.Equal((ResultStatus.Refused, Reason.MergedIntoAnother), (reopened.Status, reopened.Reason));
        Assert.Equal(RequestStatus.Cancelled, (await domain.RequestGrain(duplicate.Id).GetView())!.Status);
    }
}

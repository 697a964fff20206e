namespace MutualAid.Grains.Tests.Requests;

/// <summary>
/// A right-to-left override (U+202E) shows everything after it backwards: a need or a name could read
/// as other words than the ones stored. It was stored as typed; it is refused like a control character,
/// while the marks right-to-left writing uses are kept.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BidiOverrideTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task A_need_or_area_with_a_direction_override_is_refused_and_a_right_to_left_mark_is_kept()
    {
        var (hub, request, grain) = await domain.NewHubWithRequest();

        var refused = await grain.Edit(new EditRequest(request.Version, Domain.Sam, new() { Need = "Insulin \u202Eesrun ot", Area = "Quay\u202D" }) { Hub = hub });
        var kept = await grain.Edit(new EditRequest(request.Version, Domain.Sam, new() { Need = "\u05E2\u05D6\u05E8\u05D4 \u200Finsulin" }) { Hub = hub });

        Assert.Equal(ResultStatus.Invalid, refused.Status);
        Assert.Equal([("Need", Reason.BadCharacters), ("Area", Reason.BadCharacters)], refused.Errors.Select(e => (e.Field, e.Reason)));
        Assert.True(kept.IsOk, kept.Message);
        Assert.Equal("\u05E2\u05D6\u05E8\u05D4 \u200Finsulin", kept.Value!.Need);
    }
}

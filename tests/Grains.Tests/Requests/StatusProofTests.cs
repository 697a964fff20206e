namespace MutualAid.Grains.Tests.Requests;

/// <summary>The /status proof: a reference code stops answering after five wrong digits in a day, until the hub's staff unlock it.</summary>
[Collection(FakeClockCollection.Name)]
public sealed class StatusProofTests(FakeClockClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task Five_wrong_digits_lock_the_code_for_a_day_even_against_the_right_ones_and_other_codes_are_untouched()
    {
        var hub = await domain.NewHub();
        var guessed = await domain.NewRequest(hub, phone: "07700 900321");
        var other = await domain.NewRequest(hub, phone: "07700 900654");
        var proof = fixture.Grains.GetGrain<IStatusProofGrain>(IReferenceCodeGrain.Key(guessed.ReferenceCode));

        // Sent together, as from many addresses at once: still only five are checked.
        await Task.WhenAll(Enumerable.Range(1000, 12).Select(d => proof.Prove(d.ToString(CultureInfo.InvariantCulture))));

        Assert.Null(await proof.Prove("0321"));
        Assert.Equal(other.Id, (await fixture.Grains.GetGrain<IStatusProofGrain>(IReferenceCodeGrain.Key(other.ReferenceCode)).Prove("0654"))?.Id);

        fixture.Clock.Advance(IStatusProofGrain.Window);
        Assert.Equal(guessed.Id, (await proof.Prove("0321"))?.Id);
    }

    [Fact]
    public async Task The_right_digits_are_not_counted_against_the_code()
    {
        var hub = await domain.NewHub();
        var request = await domain.NewRequest(hub, phone: "07700 900987");
        var proof = fixture.Grains.GetGrain<IStatusProofGrain>(IReferenceCodeGrain.Key(request.ReferenceCode));

        for (var check = 0; check < IStatusProofGrain.MaxFailures * 2; check++) Assert.Equal(request.Id, (await proof.Prove("0987"))?.Id);
        for (var guess = 0; guess < IStatusProofGrain.MaxFailures - 1; guess++) Assert.Null(await proof.Prove("1111"));
        Assert.Equal(request.Id, (await proof.Prove("0987"))?.Id);
    }

    [Fact]
    public async Task A_locked_code_says_until_when_and_an_unlock_lets_the_right_digits_in_at_once_with_a_fresh_count()
    {
        var hub = await domain.NewHub();
        var request = await domain.NewRequest(hub, phone: "07700 900246");
        var proof = fixture.Grains.GetGrain<IStatusProofGrain>(IReferenceCodeGrain.Key(request.ReferenceCode));
        Assert.Null(await proof.LockedUntil());
        Assert.False(await proof.Unlock());

        var guessedAt = fixture.Clock.GetUtcNow();
        for (var guess = 0; guess < IStatusProofGrain.MaxFailures; guess++) Assert.Null(await proof.Prove("1111"));
        Assert.Null(await proof.Prove("0246"));
        Assert.Equal(guessedAt + IStatusProofGrain.Window, await proof.LockedUntil());

        Assert.True(await proof.Unlock());

        Assert.Null(await proof.LockedUntil());
        Assert.Equal(request.Id, (await proof.Prove("0246"))?.Id);
        // The wrong digits before the unlock no longer count: four more do not lock it again.
        for (var guess = 0; guess < IStatusProofGrain.MaxFailures - 1; guess++) Assert.Null(await proof.Prove("2222"));
        Assert.Equal(request.Id, (await proof.Prove("0246"))?.Id);
    }

    [Fact]
    public async Task An_unlock_is_written_in_the_requests_audit_as_who_and_when_without_a_new_version_and_only_for_its_hub()
    {
        var hub = await domain.NewHub();
        var other = await domain.NewHub();
        var request = await domain.NewRequest(hub);
        var grain = fixture.Grains.GetGrain<IRequestGrain>(request.Id);

        var foreign = await grain.RecordStatusUnlock(new StatusUnlock(Domain.Ana) { Hub = other });
        var missing = await fixture.Grains.GetGrain<IRequestGrain>(Guid.NewGuid()).RecordStatusUnlock(new StatusUnlock(Domain.Ana) { Hub = hub });
        var recorded = await grain.RecordStatusUnlock(new StatusUnlock(Domain.Ana) { Hub = hub });

        Assert.Equal(ResultStatus.NotFound, foreign.Status);
        Assert.Equal(ResultStatus.NotFound, missing.Status);
        Assert.True(recorded.IsOk, recorded.Message);
        var line = Assert.Single(await grain.GetAudit(), e => e.Said.Key == "DidUnlockStatus");
        Assert.Equal((Domain.Ana, fixture.Clock.GetUtcNow()), (line.Actor, line.At));
        Assert.Equal("unlocked this request's code on the status page", line.Action);
        Assert.Equal(request.Version, (await grain.GetView())!.Version);
    }
}

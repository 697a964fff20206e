namespace MutualAid.Grains.Tests.Requests;

/// <summary>The /status proof: a reference code stops answering after five wrong digits in a day.</summary>
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
}
